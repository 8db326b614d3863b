"""The personal-data key: where it lives and how a process finds it.

The key never goes into the database (a copy of the data folder or of a PostgreSQL dump
alone reveals no ID number). A process looks, in order, for:

1. a key installed by the caller (:func:`install`: tests, servers embedding PropDesk);
2. ``PROPDESK_PII_KEY`` — the key in base64 (a server or a desk sharing PostgreSQL);
3. the OS keyring (``keyring``: Windows Credential Manager, macOS Keychain, Secret Service),
   service ``PropDesk``, entry ``pii-master-key``;
4. the key file ``pii.key`` in the private key folder (``PROPDESK_KEY_DIR``, default the
   user's config folder ``PropDesk-keys``, never the data folder), 0600 on POSIX.

When none exists a new key is made: kept in the keyring if there is a working one,
otherwise in the key file with a logged warning (headless Linux, CI).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import logging
import os
import secrets
from dataclasses import dataclass, field
from pathlib import Path

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from propdesk.errors import DomainError
from propdesk.files import private_dir, write_private

ENV_KEY = "PROPDESK_PII_KEY"
ENV_KEY_DIR = "PROPDESK_KEY_DIR"
KEYRING_SERVICE = "PropDesk"
KEYRING_ENTRY = "pii-master-key"
KEY_FILE = "pii.key"
KEY_BYTES = 32

log = logging.getLogger("propdesk.pii")


class PiiKeyError(DomainError):
    """The key is malformed (too short, not base64)."""


def _derive(master: bytes, info: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=info).derive(master)


@dataclass(frozen=True)
class PiiKey:
    """One master key and what is derived from it.

    Attributes:
        master: the 32 secret bytes.
        source: where it came from (``installed``, ``env``, ``keyring``, ``file``).
        key_id: 8 hex digits naming the key (stored in every ciphertext, not secret).
    """

    master: bytes
    source: str = "installed"
    key_id: str = field(init=False)
    mac_key: bytes = field(init=False, repr=False)
    aead: AESGCM = field(init=False, repr=False)

    def __post_init__(self) -> None:
        if len(self.master) != KEY_BYTES:
            raise PiiKeyError(f"个人信息密钥长度不对：应为 {KEY_BYTES} 字节。")
        mac_key = _derive(self.master, b"propdesk pii lookup v1")
        object.__setattr__(self, "mac_key", mac_key)
        object.__setattr__(self, "aead", AESGCM(_derive(self.master, b"propdesk pii aes-gcm v1")))
        kid = hmac.new(mac_key, b"key-id", hashlib.sha256).hexdigest()[:8]
        object.__setattr__(self, "key_id", kid)

    def encoded(self) -> str:
        """The key as text (base64), for ``PROPDESK_PII_KEY`` or the key file."""
        return base64.b64encode(self.master).decode("ascii")

    @classmethod
    def decode(cls, text: str, source: str) -> PiiKey:
        try:
            raw = base64.b64decode(text.strip(), validate=True)
        except (binascii.Error, ValueError) as exc:
            raise PiiKeyError(f"个人信息密钥（{source}）不是有效的 base64 文本。") from exc
        return cls(raw, source)

    @classmethod
    def generate(cls, source: str) -> PiiKey:
        return cls(secrets.token_bytes(KEY_BYTES), source)


_current: PiiKey | None = None


def install(key: PiiKey | None) -> None:
    """Use ``key`` for the rest of the process (``None``: look it up again at next use)."""
    global _current
    _current = key


def environment_key() -> str | None:
    """The key text in ``PROPDESK_PII_KEY``, if any."""
    return os.environ.get(ENV_KEY) or None


def current() -> PiiKey:
    """The process's key, found (or made) at first use."""
    global _current
    if _current is None:
        _current = load()
    return _current


def key_dir() -> Path:
    """The private folder of the key file (not the data folder)."""
    override = os.environ.get(ENV_KEY_DIR)
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_config_dir("PropDesk-keys", False))


def _keyring_get() -> tuple[bool, str | None]:
    """(a working keyring exists, the stored key text)."""
    try:
        import keyring
        from keyring.backends import fail
        from keyring.errors import KeyringError
    except ImportError:  # pragma: no cover - keyring is a dependency
        return False, None
    backend = keyring.get_keyring()
    if isinstance(backend, fail.Keyring) or getattr(backend, "priority", 1) <= 0:
        return False, None
    try:
        return True, keyring.get_password(KEYRING_SERVICE, KEYRING_ENTRY)
    except KeyringError:
        log.warning("the OS keyring cannot be read; using the key file")
        return False, None


def _keyring_set(text: str) -> bool:
    import keyring
    from keyring.errors import KeyringError

    try:
        keyring.set_password(KEYRING_SERVICE, KEYRING_ENTRY, text)
    except KeyringError:
        return False
    return True


def load() -> PiiKey:
    """Find the key (environment, keyring, key file) or make one; see the module docstring."""
    env = environment_key()
    if env:
        return PiiKey.decode(env, "env")
    has_keyring, stored = _keyring_get()
    if stored:
        return PiiKey.decode(stored, "keyring")
    path = key_dir() / KEY_FILE
    if path.exists():
        if os.name == "posix" and path.stat().st_mode & 0o077:
            log.warning("the key file %s is readable by others; making it 0600", path)
            os.chmod(path, 0o600)
        return PiiKey.decode(path.read_text(encoding="ascii"), "file")
    if has_keyring:
        key = PiiKey.generate("keyring")
        if _keyring_set(key.encoded()):
            log.info("a new personal-data key was stored in the OS keyring")
            return key
    key = PiiKey.generate("file")
    private_dir(path.parent)
    write_private(path, key.encoded().encode("ascii"))
    log.warning(
        "no OS keyring: the personal-data key was written to %s (0600). Keep a copy of it "
        "apart from the backups; without it no ID number or phone can be read.",
        path,
    )
    return key
