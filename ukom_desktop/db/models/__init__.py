"""All tables of UKOM Desktop. Importing this package registers every model on Base.metadata."""

from .base import Base, new_uuid, utcnow
from .competency import (
    Competency,
    CompetencyLevel,
    Exercise,
    ExerciseCompetency,
    JobLevel,
    Position,
    PositionStandard,
)
from .directory import DirectoryEntry
from .enums import (
    Attendance,
    CompetencyGroup,
    DayPart,
    EventPurpose,
    EventStatus,
    ExerciseKind,
    InvitationStatus,
    JobLevelKind,
    ReportStatus,
    RoomKind,
    Sex,
    TeamRole,
    UserRole,
)
from .event import (
    AgendaItem,
    Event,
    EventExercise,
    EventMatrixCell,
    EventPosition,
    ParticipantGroup,
    Wave,
    WaveRoom,
)
from .institution import AuditEntry, InstitutionProfile, Setting, Signatory, User
from .material import (
    BookletReturn,
    EventMaterial,
    IncomingLetter,
    InterviewQuestion,
    MaterialFile,
    MaterialVersion,
)
from .package import PackageConflict, PackageIssue, PackageKeyring, PackageReceipt
from .participant import EventParticipant, Participant
from .rating import IntegratedLevel, IntegratedResult, PotentialScore, Rating
from .report import (
    DocumentSequence,
    IndividualReport,
    IssuedDocument,
    QcComment,
    ReportRevision,
    ReportStatusChange,
)
from .schedule import ScheduleSession, SessionAssessor, SessionParticipant
from .team import Availability, EventTeamMember, Room, TeamMember

__all__ = [name for name in dir() if not name.startswith("_")]
