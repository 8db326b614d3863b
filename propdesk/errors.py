"""Domain errors: values with a meaning a front-desk clerk understands.

Services raise these; the UI shows ``str(error)`` (and, for a
:class:`ValidationError`, puts the message next to ``error.field``).
"""

from __future__ import annotations


class DomainError(Exception):
    """Base of every error a service raises on purpose."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class ValidationError(DomainError):
    """Bad input for one field. ``field`` names the attribute (e.g. ``"id_number"``)."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


class NotFound(DomainError):
    """The record asked for does not exist (any more)."""


class NotAllowed(DomainError):
    """The current user's role may not do this, or the workflow forbids it now."""


class Conflict(DomainError):
    """Another desk changed or created the same record in the meantime."""


class InvalidTransition(NotAllowed):
    """A workflow step that is not allowed from the record's current state."""
