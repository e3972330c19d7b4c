"""The .ukom package format: confidentiality, integrity, authenticity and the versioned header."""

from __future__ import annotations

import struct
import uuid

import pytest

from ukom_desktop.io import exchange_package as fmt

NAME, NIP = "Siti Rahmawati Nurhayati", "198703152010012004"


def _issue(keys: fmt.InstitutionKeys, passphrase: str, **over: object) -> bytes:
    args: dict = dict(
        kind=fmt.KIND_ISSUE, package_id=str(uuid.uuid4()), event_uuid="e-1", assessor_uuid="a-1",
        database_id="db-1", sequence=1, created_at="2026-10-05T08:00:00+00:00",
        payload={"participants": [{"name": NAME, "nip": NIP, "level": "3.5"}]},
        institution_x25519_public=keys.x25519_public, passphrase=passphrase, signing_key=keys.ed25519_private,
    )
    args.update(over)
    return fmt.write_package(**args)


@pytest.fixture(scope="module")
def keys() -> fmt.InstitutionKeys:
    return fmt.InstitutionKeys.generate()


def test_round_trip_for_assessor_and_institution_and_no_plaintext(keys: fmt.InstitutionKeys) -> None:
    phrase = fmt.new_passphrase()
    data = _issue(keys, phrase)
    assert data.startswith(fmt.MAGIC)
    for secret in (NAME, NIP, "3.5", "Siti", NIP[:8]):
        assert secret.encode() not in data
        assert secret.encode("utf-16-le") not in data
    opened = fmt.open_with_passphrase(data, phrase.lower().replace("-", " "))  # typing is forgiven
    assert opened.payload["participants"][0]["nip"] == NIP
    assert fmt.open_as_institution(data, keys).payload == opened.payload
    assert opened.header.assessor_uuid == "a-1" and opened.header.extra["version"] == fmt.FORMAT_VERSION


def test_wrong_passphrase_is_refused_with_a_sentence(keys: fmt.InstitutionKeys) -> None:
    data = _issue(keys, fmt.new_passphrase())
    with pytest.raises(fmt.PackageError, match="Kata sandi paket salah"):
        fmt.open_with_passphrase(data, fmt.new_passphrase())


@pytest.mark.parametrize("where", ["magic", "header", "payload", "signature"])
def test_any_flipped_byte_is_refused(keys: fmt.InstitutionKeys, where: str) -> None:
    phrase = fmt.new_passphrase()
    data = bytearray(_issue(keys, phrase))
    header_len = struct.unpack_from(">I", data, 10)[0]
    index = {"magic": 2, "header": 14 + header_len // 2, "payload": 14 + header_len + 20, "signature": len(data) - 3}
    data[index[where]] ^= 0x01
    with pytest.raises(fmt.PackageError) as err:
        fmt.open_with_passphrase(bytes(data), phrase)
    assert "Traceback" not in str(err.value) and str(err.value).endswith(".")
    with pytest.raises(fmt.PackageError):
        fmt.open_as_institution(bytes(data), keys)


def test_every_byte_position_is_covered(keys: fmt.InstitutionKeys) -> None:
    phrase = fmt.new_passphrase()
    data = _issue(keys, phrase)
    for i in range(0, len(data), max(1, len(data) // 60)):
        changed = bytearray(data)
        changed[i] ^= 0x80
        with pytest.raises(fmt.PackageError):
            fmt.open_as_institution(bytes(changed), keys)


def test_other_institution_cannot_open_and_signer_is_checked(keys: fmt.InstitutionKeys) -> None:
    other = fmt.InstitutionKeys.generate()
    phrase = fmt.new_passphrase()
    data = _issue(keys, phrase)
    with pytest.raises(fmt.PackageError):
        fmt.open_as_institution(data, other)
    with pytest.raises(fmt.PackageError, match="rusak"):
        fmt.open_with_passphrase(data, phrase, signer_public=other.ed25519_public)


def test_return_package_needs_the_issue_return_key(keys: fmt.InstitutionKeys) -> None:
    return_key = b"k" * 32
    data = fmt.write_package(
        kind=fmt.KIND_RETURN, package_id=str(uuid.uuid4()), event_uuid="e-1", assessor_uuid="a-1",
        database_id="db-1", sequence=2, created_at="2026-10-05T09:00:00+00:00", payload={"ratings": []},
        institution_x25519_public=keys.x25519_public, hmac_key=return_key, issue_id="i-1",
    )
    assert fmt.open_as_institution(data, keys, hmac_key=return_key).header.sequence == 2
    with pytest.raises(fmt.PackageError, match="tidak berasal dari asesor"):
        fmt.open_as_institution(data, keys, hmac_key=b"x" * 32)
    with pytest.raises(fmt.PackageError, match="bukan paket asesor dari sekretariat"):
        fmt.open_with_passphrase(data, "whatever")


def test_newer_format_version_and_foreign_files_are_refused(keys: fmt.InstitutionKeys) -> None:
    data = bytearray(_issue(keys, fmt.new_passphrase()))
    struct.pack_into(">H", data, 8, 99)
    with pytest.raises(fmt.PackageError, match="versi 99"):
        fmt.read_header(bytes(data))
    with pytest.raises(fmt.PackageError, match="bukan paket"):
        fmt.read_header(b"PK\x03\x04 an xlsx file")
    with pytest.raises(fmt.PackageError):
        fmt.read_header(b"")
