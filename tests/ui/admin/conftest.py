"""The admin screens use the same real users as the login tests."""

from __future__ import annotations

from tests.ui.auth.conftest import desk_users

__all__ = ["desk_users"]
