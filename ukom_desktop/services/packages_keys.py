"""This database's identity and its key pairs for assessor packages, created once on first use."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from ukom_desktop.db.models import PackageKeyring, new_uuid
from ukom_desktop.io.exchange_package import InstitutionKeys


def institution_keys(session: Session) -> tuple[str, InstitutionKeys]:
    """(database identity, key pairs); generated and stored in the database the first time."""
    row = session.scalars(select(PackageKeyring).order_by(PackageKeyring.id).limit(1)).first()
    if row is None:
        keys = InstitutionKeys.generate()
        row = PackageKeyring(database_uuid=new_uuid(), x25519_private=keys.x25519_private,
                             ed25519_private=keys.ed25519_private)
        session.add(row)
        session.flush()
    return row.database_uuid, InstitutionKeys(bytes(row.x25519_private), bytes(row.ed25519_private))
