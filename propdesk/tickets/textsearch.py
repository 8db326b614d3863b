"""The board's free-text filter: a plain substring test compiled per database.

``LIKE '%…%'`` folds case character by character, which is slow on Chinese text in
SQLite; a substring search is all the desk needs. SQLite gets ``instr(a, b) > 0``,
PostgreSQL ``strpos(a, b) > 0``.
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import Boolean, bindparam
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.expression import FunctionElement


class contains_text(FunctionElement[bool]):
    """``contains_text(column, "漏水")``: true when the text occurs in the column."""

    type = Boolean()
    inherit_cache = True
    name = "contains_text"


@compiles(contains_text)
def _generic(element: contains_text, compiler: Any, **kw: Any) -> str:
    column, needle = list(element.clauses)
    return f"(strpos({compiler.process(column, **kw)}, {compiler.process(needle, **kw)}) > 0)"


@compiles(contains_text, "sqlite")
def _sqlite(element: contains_text, compiler: Any, **kw: Any) -> str:
    column, needle = list(element.clauses)
    return f"(instr({compiler.process(column, **kw)}, {compiler.process(needle, **kw)}) > 0)"


def search_text(*parts: str | None) -> str:
    """The searchable text of a ticket: its parts joined by spaces (bounded length)."""
    return " ".join(p.strip() for p in parts if p and p.strip())[:2300]


class starts_with(FunctionElement[bool]):
    """``starts_with(column, "BX2026")`` for plain prefixes (letters, digits, ``-``) only.

    SQLite gets ``GLOB 'BX2026*'``, which walks a plain (BINARY) index; PostgreSQL ``LIKE``.
    """

    type = Boolean()
    inherit_cache = False  # the prefix is rendered into the SQL: never reuse a cached string
    name = "starts_with"


_PLAIN_PREFIX = re.compile(r"^[0-9A-Za-z-]+$")


def _literal_prefix(prefix: Any) -> str:
    # Rendered as a literal so SQLite can turn GLOB 'BX2026*' into an index range.
    value = str(getattr(prefix, "value", ""))
    if not _PLAIN_PREFIX.match(value):
        raise ValueError("starts_with takes letters, digits and '-' only")
    return value


@compiles(starts_with)
def _generic_prefix(element: starts_with, compiler: Any, **kw: Any) -> str:
    column, prefix = list(element.clauses)
    pattern: Any = bindparam(None, _literal_prefix(prefix) + "%", unique=True)
    return f"({compiler.process(column, **kw)} LIKE {compiler.process(pattern, **kw)})"


@compiles(starts_with, "sqlite")
def _sqlite_prefix(element: starts_with, compiler: Any, **kw: Any) -> str:
    column, prefix = list(element.clauses)
    return f"({compiler.process(column, **kw)} GLOB '{_literal_prefix(prefix)}*')"
