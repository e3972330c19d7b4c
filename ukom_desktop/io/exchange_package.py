"""The assessor exchange package (`.ukom`): a versioned, encrypted and authenticated file.

Layout (format version 1)::

    MAGIC (8 bytes "UKOMPKG\\0") | version (uint16, big endian) | header length (uint32) | header (JSON, UTF-8)
    | payload (AES-256-GCM ciphertext of the zlib-compressed JSON payload) | authenticator

The header is public but holds no name, NIP or level: kind ("issue" from the secretariat, "return" from
a laptop), package id, event UUID, assessor UUID, database identity, sequence number, the scrypt
parameters and salt, the content key wrapped twice and the payload nonce. Every package has its own
random content key. It is wrapped
- for the assessor with a key stretched from the passphrase by scrypt (issue packages), and
- for the institution with X25519 (an ephemeral key agreed with the institution's public key, HKDF-SHA256),
so the institution can always open what it issued and what comes back.
The whole header is the payload's associated data, so no header byte can change unnoticed. The
authenticator covers every byte before it: an Ed25519 signature of the institution for issue packages,
an HMAC-SHA256 with the per-issue return key (known only to the secretariat's database and to whoever
opened the issue package with the passphrase) for return packages.

Only the `cryptography` package is used; nothing here is a home-made primitive.
"""

from __future__ import annotations

import base64
import hmac
import json
import os
import secrets
import struct
import uuid
import zlib
from dataclasses import dataclass, field
from typing import Any

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.hmac import HMAC
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from ukom_desktop.errors import UserFacingError

MAGIC = b"UKOMPKG\0"
FORMAT_VERSION = 1
SUPPORTED_VERSIONS = (1,)
KIND_ISSUE = "issue"
KIND_RETURN = "return"
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**15, 8, 1
_PREFIX = struct.Struct(">8sHI")
_SIG_LEN = {"ed25519": 64, "hmac-sha256": 32}
# Passphrases: 6 groups of 4 characters without look-alikes (0/O, 1/I/L): about 118 bits.
_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"


class PackageError(UserFacingError):
    """A package that cannot be opened or is refused; the message says why, in Bahasa Indonesia."""


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def new_package_id() -> str:
    return str(uuid.uuid4())


def new_passphrase() -> str:
    return "-".join("".join(secrets.choice(_ALPHABET) for _ in range(4)) for _ in range(6))


def normalise_passphrase(text: str) -> str:
    """Typed passphrases forgive case, spaces and missing dashes."""
    clean = "".join(ch for ch in text.upper() if ch.isalnum())
    return "-".join(clean[i:i + 4] for i in range(0, len(clean), 4))


@dataclass(frozen=True)
class InstitutionKeys:
    """The institution's key pairs (stored with the database): X25519 to open, Ed25519 to sign."""

    x25519_private: bytes
    ed25519_private: bytes

    @staticmethod
    def generate() -> InstitutionKeys:
        raw = serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
        return InstitutionKeys(
            X25519PrivateKey.generate().private_bytes(*raw), Ed25519PrivateKey.generate().private_bytes(*raw)
        )

    @property
    def x25519_public(self) -> bytes:
        return _public_raw(X25519PrivateKey.from_private_bytes(self.x25519_private).public_key())

    @property
    def ed25519_public(self) -> bytes:
        return _public_raw(Ed25519PrivateKey.from_private_bytes(self.ed25519_private).public_key())


def _public_raw(key: X25519PublicKey | Ed25519PublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


@dataclass(frozen=True)
class PackageHeader:
    kind: str
    package_id: str
    event_uuid: str
    assessor_uuid: str
    database_id: str
    sequence: int
    created_at: str
    issue_id: str = ""  # return packages: the issue package they answer
    extra: dict[str, Any] = field(default_factory=dict)  # the crypto fields, as stored


@dataclass(frozen=True)
class OpenedPackage:
    header: PackageHeader
    payload: dict[str, Any]


def _derive_passphrase_key(passphrase: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(normalise_passphrase(passphrase).encode())


def _institution_kek(shared: bytes, ephemeral_public: bytes, recipient_public: bytes) -> bytes:
    return HKDF(
        algorithm=hashes.SHA256(), length=32, salt=ephemeral_public + recipient_public, info=b"ukom-package-v1"
    ).derive(shared)


def write_package(
    *,
    kind: str,
    package_id: str,
    event_uuid: str,
    assessor_uuid: str,
    database_id: str,
    sequence: int,
    created_at: str,
    payload: dict[str, Any],
    institution_x25519_public: bytes,
    passphrase: str | None = None,
    signing_key: bytes | None = None,
    hmac_key: bytes | None = None,
    issue_id: str = "",
) -> bytes:
    """The bytes of a package. Issue packages pass passphrase and signing_key, return ones hmac_key."""
    content_key = AESGCM.generate_key(bit_length=256)
    wraps: dict[str, Any] = {}
    if passphrase is not None:
        salt, nonce = os.urandom(16), os.urandom(12)
        kek = _derive_passphrase_key(passphrase, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
        wraps["passphrase"] = {
            "kdf": "scrypt", "n": SCRYPT_N, "r": SCRYPT_R, "p": SCRYPT_P, "salt": _b64(salt), "nonce": _b64(nonce),
            "key": _b64(AESGCM(kek).encrypt(nonce, content_key, package_id.encode())),
        }
    ephemeral = X25519PrivateKey.generate()
    ephemeral_public = _public_raw(ephemeral.public_key())
    shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(institution_x25519_public))
    kek = _institution_kek(shared, ephemeral_public, institution_x25519_public)
    nonce = os.urandom(12)
    wraps["institution"] = {
        "alg": "x25519-hkdf-sha256", "ephemeral": _b64(ephemeral_public), "nonce": _b64(nonce),
        "key": _b64(AESGCM(kek).encrypt(nonce, content_key, package_id.encode())),
    }
    auth = "ed25519" if signing_key is not None else "hmac-sha256"
    if (signing_key is None) == (hmac_key is None):
        raise ValueError("exactly one of signing_key and hmac_key")
    payload_nonce = os.urandom(12)
    header = {
        "kind": kind, "package_id": package_id, "event_uuid": event_uuid, "assessor_uuid": assessor_uuid,
        "database_id": database_id, "sequence": sequence, "created_at": created_at, "issue_id": issue_id,
        "wraps": wraps, "payload_nonce": _b64(payload_nonce), "auth": auth,
    }
    if signing_key is not None:
        header["signer"] = _b64(_public_raw(Ed25519PrivateKey.from_private_bytes(signing_key).public_key()))
    header_bytes = json.dumps(header, sort_keys=True, separators=(",", ":")).encode()
    prefix = _PREFIX.pack(MAGIC, FORMAT_VERSION, len(header_bytes))
    plain = zlib.compress(json.dumps(payload, ensure_ascii=False, separators=(",", ":"), default=str).encode(), 6)
    body = prefix + header_bytes + AESGCM(content_key).encrypt(payload_nonce, plain, prefix + header_bytes)
    if signing_key is not None:
        return body + Ed25519PrivateKey.from_private_bytes(signing_key).sign(body)
    mac = HMAC(hmac_key, hashes.SHA256())  # type: ignore[arg-type]
    mac.update(body)
    return body + mac.finalize()


_DAMAGED = "Berkas paket rusak atau telah diubah, sehingga ditolak. Minta paket yang asli."


def read_header(data: bytes) -> PackageHeader:
    """The public header, after checking the magic, the format version and the layout."""
    if len(data) < _PREFIX.size or data[:8] != MAGIC:
        raise PackageError("Berkas ini bukan paket asesor UKOM (.ukom).")
    _magic, version, length = _PREFIX.unpack_from(data)
    if version not in SUPPORTED_VERSIONS:
        raise PackageError(
            f"Paket ini dibuat dengan format versi {version}, yang belum dikenal aplikasi ini. Perbarui aplikasi."
        )
    try:
        raw = json.loads(data[_PREFIX.size:_PREFIX.size + length].decode())
        header = PackageHeader(
            kind=str(raw["kind"]), package_id=str(raw["package_id"]), event_uuid=str(raw["event_uuid"]),
            assessor_uuid=str(raw["assessor_uuid"]), database_id=str(raw["database_id"]),
            sequence=int(raw["sequence"]), created_at=str(raw["created_at"]), issue_id=str(raw.get("issue_id", "")),
            extra={k: raw[k] for k in ("wraps", "payload_nonce", "auth", "signer") if k in raw} | {"version": version},
        )
    except (UnicodeDecodeError, ValueError, KeyError, TypeError) as exc:
        raise PackageError(_DAMAGED) from exc
    auth = header.extra.get("auth")
    if auth not in _SIG_LEN or len(data) < _PREFIX.size + length + 16 + _SIG_LEN[auth]:
        raise PackageError(_DAMAGED)
    return header


def _split(data: bytes, header: PackageHeader) -> tuple[bytes, bytes, bytes]:
    """(prefix+header, ciphertext, authenticator)."""
    length = _PREFIX.unpack_from(data)[2]
    cut = len(data) - _SIG_LEN[header.extra["auth"]]
    return data[:_PREFIX.size + length], data[_PREFIX.size + length:cut], data[cut:]


def _decrypt(aad: bytes, ciphertext: bytes, header: PackageHeader, content_key: bytes) -> dict[str, Any]:
    try:
        plain = AESGCM(content_key).decrypt(_unb64(header.extra["payload_nonce"]), ciphertext, aad)
        return json.loads(zlib.decompress(plain).decode())
    except (InvalidTag, ValueError, zlib.error) as exc:
        raise PackageError(_DAMAGED) from exc


def open_with_passphrase(data: bytes, passphrase: str, *, signer_public: bytes | None = None) -> OpenedPackage:
    """An issue package opened on the laptop; signer_public, when known, must have signed it."""
    header = read_header(data)
    if header.kind != KIND_ISSUE or header.extra["auth"] != "ed25519":
        raise PackageError("Berkas ini bukan paket asesor dari sekretariat (mungkin paket kiriman kembali).")
    aad, ciphertext, signature = _split(data, header)
    wrap = header.extra["wraps"].get("passphrase")
    try:
        public = signer_public if signer_public is not None else _unb64(header.extra["signer"])
    except (KeyError, TypeError, ValueError) as exc:
        raise PackageError(_DAMAGED) from exc
    if not isinstance(wrap, dict):
        raise PackageError(_DAMAGED)
    try:
        Ed25519PublicKey.from_public_bytes(public).verify(signature, aad + ciphertext)
    except (InvalidSignature, ValueError) as exc:
        raise PackageError(_DAMAGED) from exc
    try:
        kek = _derive_passphrase_key(passphrase, _unb64(wrap["salt"]), int(wrap["n"]), int(wrap["r"]), int(wrap["p"]))
        content_key = AESGCM(kek).decrypt(_unb64(wrap["nonce"]), _unb64(wrap["key"]), header.package_id.encode())
    except (KeyError, TypeError, ValueError) as exc:
        raise PackageError(_DAMAGED) from exc
    except InvalidTag as exc:
        raise PackageError("Kata sandi paket salah. Periksa slip kata sandi dari sekretariat.") from exc
    return OpenedPackage(header, _decrypt(aad, ciphertext, header, content_key))


def open_as_institution(
    data: bytes, keys: InstitutionKeys, *, hmac_key: bytes | None = None
) -> OpenedPackage:
    """Any package opened with the institution's key; a return package must carry hmac_key's authenticator."""
    header = read_header(data)
    aad, ciphertext, tag = _split(data, header)
    if header.extra["auth"] == "ed25519":
        try:
            Ed25519PublicKey.from_public_bytes(keys.ed25519_public).verify(tag, aad + ciphertext)
        except InvalidSignature as exc:
            raise PackageError("Paket ini tidak ditandatangani oleh basis data ini.") from exc
    else:
        if hmac_key is None:
            raise PackageError("Paket kiriman kembali ini tidak dikenal oleh basis data ini.")
        mac = HMAC(hmac_key, hashes.SHA256())
        mac.update(aad + ciphertext)
        if not hmac.compare_digest(mac.finalize(), tag):
            raise PackageError(
                "Paket kiriman kembali ini rusak, telah diubah, atau tidak berasal dari asesor yang menerima "
                "paketnya; paket ditolak."
            )
    wrap = header.extra["wraps"].get("institution") or {}
    try:
        ephemeral = _unb64(wrap["ephemeral"])
        private = X25519PrivateKey.from_private_bytes(keys.x25519_private)
        shared = private.exchange(X25519PublicKey.from_public_bytes(ephemeral))
        kek = _institution_kek(shared, ephemeral, keys.x25519_public)
        content_key = AESGCM(kek).decrypt(_unb64(wrap["nonce"]), _unb64(wrap["key"]), header.package_id.encode())
    except (InvalidTag, KeyError, TypeError, ValueError) as exc:
        raise PackageError("Paket ini tidak dibuat untuk basis data ini, sehingga tidak dapat dibuka.") from exc
    return OpenedPackage(header, _decrypt(aad, ciphertext, header, content_key))
