"""Where the personal-data key lives: environment, OS keyring, or a private key file."""

from __future__ import annotations

import logging
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail

from propdesk.pii import keys
from propdesk.pii.cipher import UndecryptableError, decrypt, encrypt, lookup_hash


class MemoryKeyring(KeyringBackend):
    priority = 1

    def __init__(self) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.store.pop((service, username), None)


@pytest.fixture
def no_env_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """No key in the environment, an empty key folder; the process key restored afterwards."""
    monkeypatch.delenv(keys.ENV_KEY, raising=False)
    folder = tmp_path / "keys"
    monkeypatch.setenv(keys.ENV_KEY_DIR, str(folder))
    previous = keyring.get_keyring()
    keys.install(None)
    yield folder
    keyring.set_keyring(previous)
    keys.install(None)


def test_the_environment_key_wins(monkeypatch: pytest.MonkeyPatch) -> None:
    key = keys.PiiKey.generate("test")
    monkeypatch.setenv(keys.ENV_KEY, key.encoded())
    assert keys.load().master == key.master
    assert keys.load().source == "env"


def test_a_keyring_holds_the_new_key_and_no_file_is_written(no_env_key: Path) -> None:
    ring = MemoryKeyring()
    keyring.set_keyring(ring)
    first = keys.load()
    assert first.source == "keyring"
    assert (keys.KEYRING_SERVICE, keys.KEYRING_ENTRY) in ring.store
    assert not (no_env_key / keys.KEY_FILE).exists()
    assert keys.load().master == first.master  # found again, not replaced


def test_without_a_keyring_a_private_key_file_with_a_warning(
    no_env_key: Path, caplog: pytest.LogCaptureFixture
) -> None:
    keyring.set_keyring(fail.Keyring())  # type: ignore[no-untyped-call]
    with caplog.at_level(logging.WARNING, logger="propdesk.pii"):
        first = keys.load()
    path = no_env_key / keys.KEY_FILE
    assert first.source == "file"
    assert path.exists()
    assert "no OS keyring" in caplog.text
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert stat.S_IMODE(no_env_key.stat().st_mode) == 0o700
    assert keys.load().master == first.master


def test_the_key_folder_is_not_the_data_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    from propdesk.config import data_dir

    monkeypatch.delenv(keys.ENV_KEY_DIR, raising=False)
    assert keys.key_dir() != data_dir()
    assert data_dir() not in keys.key_dir().parents


def test_ciphertext_is_bound_to_key_and_column() -> None:
    key = keys.PiiKey.generate("test")
    token = encrypt(key, "11010119900307803X", "person.id_number")
    assert "1101" not in token
    assert "803X" not in token
    assert encrypt(key, "11010119900307803X", "person.id_number") != token  # fresh nonce
    assert decrypt(key, token, "person.id_number") == "11010119900307803X"
    with pytest.raises(UndecryptableError):
        decrypt(key, token, "person.phone")  # copied into another column
    with pytest.raises(UndecryptableError, match="密钥"):
        decrypt(keys.PiiKey.generate("other"), token, "person.id_number")


def test_lookup_hash_needs_the_key() -> None:
    a, b = keys.PiiKey.generate("a"), keys.PiiKey.generate("b")
    assert lookup_hash(a, "5678", "phone-tail") == lookup_hash(a, "5678", "phone-tail")
    assert lookup_hash(a, "5678", "phone-tail") != lookup_hash(b, "5678", "phone-tail")


def test_a_malformed_key_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(keys.ENV_KEY, "not base64!")
    with pytest.raises(keys.PiiKeyError):
        keys.load()
    monkeypatch.setenv(keys.ENV_KEY, "c2hvcnQ=")
    with pytest.raises(keys.PiiKeyError):
        keys.load()
