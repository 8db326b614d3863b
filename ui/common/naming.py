"""``named(widget, "name")``: set a widget's object name inline (typed, unlike the kwarg)."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QObject

W = TypeVar("W", bound=QObject)


def named(widget: W, name: str) -> W:
    """Give ``widget`` its object name (for tests and style sheets) and return it."""
    widget.setObjectName(name)
    return widget
