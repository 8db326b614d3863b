"""Service-account secrets in the OS keyring (the ``keyring`` package), never in our files.

A scheduled job (e.g. the nightly ``propdesk backup``) logs in as a service account whose
secret an administrator stored on that machine (``propdesk user add NAME --service``).
The entry is keyed by the database (its URL without password) and the username, so one
machine can hold the accounts of several databases.
"""

from __future__ import annotations

import secrets

from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from propdesk.errors import DomainError

SERVICE_PREFIX = "propdesk"
NO_BACKEND = (
    "本机没有可用的系统钥匙串（keyring），无法保存或读取服务账号的密钥。"
    "请在装有系统钥匙串（Windows 凭据管理器、macOS 钥匙串或 Secret Service）的机器上运行，"
    "或改用 --user 与密码登录。"
)


class KeyringUnavailable(DomainError):
    """No usable keyring backend on this machine."""


def service_name(database_url: str) -> str:
    """The keyring "service" for ``database_url``: ``propdesk:<url without password>``."""
    try:
        where = make_url(database_url).render_as_string(hide_password=True)
    except ArgumentError:  # an odd URL still gets a stable name
        where = database_url
    return f"{SERVICE_PREFIX}:{where}"


def _backend() -> object:
    import keyring
    from keyring.backends import fail

    backend = keyring.get_keyring()
    if isinstance(backend, fail.Keyring):
        raise KeyringUnavailable(NO_BACKEND)
    return backend


def new_secret() -> str:
    """A random secret for a service account (letters and digits, passes the policy)."""
    return "s" + secrets.token_urlsafe(30) + "9"


def store_secret(database_url: str, username: str, secret: str) -> None:
    """Keep ``secret`` for ``username`` of ``database_url`` in the OS keyring."""
    import keyring
    from keyring.errors import KeyringError

    _backend()
    try:
        keyring.set_password(service_name(database_url), username, secret)
    except KeyringError as exc:
        raise KeyringUnavailable(NO_BACKEND) from exc


def load_secret(database_url: str, username: str) -> str:
    """The stored secret of ``username``; a clear refusal when there is none."""
    import keyring
    from keyring.errors import KeyringError

    _backend()
    try:
        secret = keyring.get_password(service_name(database_url), username)
    except KeyringError as exc:
        raise KeyringUnavailable(NO_BACKEND) from exc
    if not secret:
        raise KeyringUnavailable(
            f"系统钥匙串中没有服务账号 {username} 的密钥；"
            f"请管理员在本机运行 propdesk user passwd {username} --service 重新生成。"
        )
    return secret
