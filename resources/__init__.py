"""Packaged resources: fonts, translations, icons, templates."""

from __future__ import annotations

from pathlib import Path

RESOURCES = Path(__file__).resolve().parent
CJK_FONT = RESOURCES / "fonts" / "wqy-microhei.ttc"
TRANSLATIONS = RESOURCES / "translations"
