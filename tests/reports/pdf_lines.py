"""Reading the text lines of a generated PDF for the typography checks."""

from __future__ import annotations

import io

from pypdf import PdfReader

FORBIDDEN_START = frozenset("，。、；：？！）》」』】〕”’")
"""Closing punctuation: never the first character of a printed line."""


def forbidden_line_starts(text: str) -> list[str]:
    """The lines of ``text`` (one page's extracted text) that start with closing punctuation."""
    return [line for line in text.splitlines() if line.strip()[:1] in FORBIDDEN_START]


def pdf_forbidden_line_starts(pdf: bytes) -> list[tuple[int, str]]:
    """``(page, line)`` of every line of ``pdf`` that starts with closing punctuation."""
    out: list[tuple[int, str]] = []
    for index, page in enumerate(PdfReader(io.BytesIO(pdf)).pages, start=1):
        out += [(index, line) for line in forbidden_line_starts(page.extract_text())]
    return out
