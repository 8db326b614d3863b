"""AES-GCM for stored values, HMAC-SHA256 for lookups.

A stored value is ``v1:<key id>:<base64(nonce ‖ ciphertext ‖ tag)>``; the column's purpose
(e.g. ``person.id_number``) is the associated data, so a value copied into another column
does not decrypt. A lookup hash is 32 hex digits of HMAC(key, purpose ‖ value): equal values
give equal hashes (unique indexes, equality search) and nobody without the key can compute one.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os

from cryptography.exceptions import InvalidTag

from propdesk.errors import DomainError
from propdesk.pii.keys import PiiKey

PREFIX = "v1"
NONCE_BYTES = 12
HASH_CHARS = 32


class UndecryptableError(DomainError):
    """A stored value this desk's key cannot open."""


def is_ciphertext(value: str) -> bool:
    return value.startswith(PREFIX + ":") and value.count(":") == 2


def encrypt(key: PiiKey, value: str, purpose: str) -> str:
    nonce = os.urandom(NONCE_BYTES)
    sealed = key.aead.encrypt(nonce, value.encode("utf-8"), purpose.encode("ascii"))
    body = base64.b64encode(nonce + sealed).decode("ascii").rstrip("=")
    return f"{PREFIX}:{key.key_id}:{body}"


def decrypt(key: PiiKey, token: str, purpose: str) -> str:
    try:
        prefix, key_id, body = token.split(":")
    except ValueError:
        raise UndecryptableError("个人信息的存储格式不对，无法读取。") from None
    if prefix != PREFIX:
        raise UndecryptableError("个人信息的存储格式不对，无法读取。")
    if key_id != key.key_id:
        raise UndecryptableError(
            "个人信息无法解密：这台电脑的个人信息密钥与数据库所用的不同。"
            "请向管理员索取密钥（见 docs/security.md「个人信息密钥」）。"
        )
    raw = base64.b64decode(body + "=" * (-len(body) % 4))
    try:
        plain = key.aead.decrypt(raw[:NONCE_BYTES], raw[NONCE_BYTES:], purpose.encode("ascii"))
    except InvalidTag:
        raise UndecryptableError("个人信息已损坏或被篡改，无法解密。") from None
    return plain.decode("utf-8")


def lookup_hash(key: PiiKey, value: str, purpose: str) -> str:
    mac = hmac.new(
        key.mac_key, purpose.encode("ascii") + b"\0" + value.encode("utf-8"), hashlib.sha256
    )
    return mac.hexdigest()[:HASH_CHARS]
