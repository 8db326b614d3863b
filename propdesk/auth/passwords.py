"""Password hashing with scrypt (stdlib ``hashlib.scrypt``): slow, salted, parameters stored.

A stored hash reads ``scrypt$<n>$<r>$<p>$<salt b64>$<key b64>``; verification uses the
parameters in the hash, so a cheaper cost (tests, older versions) or a stronger one both
verify. :func:`needs_rehash` tells when a hash is weaker than the cost in force: the next
successful login then stores a new hash (see ``propdesk.auth.users.authenticate``).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
from dataclasses import dataclass

from propdesk.errors import ValidationError


@dataclass(frozen=True)
class KdfCost:
    """scrypt work factors. ``n`` must be a power of two."""

    n: int = 2**17
    r: int = 8
    p: int = 1


DEFAULT_COST = KdfCost()
# Tests pass this explicitly (a parameter, never a global switch): ~100× cheaper.
TEST_COST = KdfCost(n=2**8, r=8, p=1)

_KEY_LEN = 32
_SALT_LEN = 16
MIN_LENGTH = 8


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _scrypt(password: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(
        password.encode("utf-8"),
        salt=salt,
        n=n,
        r=r,
        p=p,
        maxmem=256 * n * r + 1024 * 1024,
        dklen=_KEY_LEN,
    )


def hash_password(password: str, *, cost: KdfCost = DEFAULT_COST) -> str:
    """Hash ``password`` with a fresh random salt."""
    salt = os.urandom(_SALT_LEN)
    key = _scrypt(password, salt, cost.n, cost.r, cost.p)
    return f"scrypt${cost.n}${cost.r}${cost.p}${_b64(salt)}${_b64(key)}"


def verify_password(password: str, stored: str) -> bool:
    """True when ``password`` matches ``stored``; a malformed or empty hash never matches."""
    try:
        scheme, n, r, p, salt, key = stored.split("$")
        if scheme != "scrypt":
            return False
        expected = base64.b64decode(key)
        actual = _scrypt(password, base64.b64decode(salt), int(n), int(r), int(p))
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(expected, actual)


def stored_cost(stored: str) -> KdfCost | None:
    """The work factors of a stored hash; None when it is not a well-formed scrypt hash."""
    try:
        scheme, n, r, p, _salt, _key = stored.split("$")
        if scheme != "scrypt":
            return None
        return KdfCost(n=int(n), r=int(r), p=int(p))
    except (ValueError, AttributeError):
        return None


def needs_rehash(stored: str, cost: KdfCost = DEFAULT_COST) -> bool:
    """True when ``stored`` was made with less work than ``cost`` (or cannot be read)."""
    have = stored_cost(stored)
    return have is None or have.n < cost.n or have.r < cost.r or have.p < cost.p


def check_policy(password: str, *, username: str = "") -> None:
    """Raise ValidationError when the password is too weak for a desk shared by several clerks."""
    if len(password) < MIN_LENGTH:
        raise ValidationError("password", f"密码至少需要 {MIN_LENGTH} 位。")
    if not any(c.isalpha() for c in password) or not any(c.isdigit() for c in password):
        raise ValidationError("password", "密码需同时包含字母和数字。")
    if username and password.lower() == username.lower():
        raise ValidationError("password", "密码不能与用户名相同。")
    if password.strip() != password:
        raise ValidationError("password", "密码首尾不能有空格。")
