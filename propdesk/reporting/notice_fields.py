"""Template fields named in Chinese, for the manager who edits a notice template.

A template's placeholders are its fields' Chinese names (``{停水原因}``, ``{开始日期}``), not
programmer's keys (``{reason}``): :func:`chinese_field_names` renames them (the default
templates are defined with keys and renamed here; migration ``printdocs_0002`` renamed the
stored ones the same way).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

PLACEHOLDER = re.compile(r"\{([^{}\s]{1,20})\}")
"""A field in a template's title or body: ``{停水原因}`` (any name without spaces or braces)."""


def chinese_field_names(
    title: str, body: str, fields: Sequence[dict[str, Any]]
) -> tuple[str, str, list[dict[str, Any]]]:
    """``title``, ``body`` and ``fields`` with each field keyed by its label.

    A field keeps its key when its label is empty, has spaces or braces, or is shared with
    another field (the names must stay unique).
    """
    labels = [str(f.get("label") or "") for f in fields]
    out: list[dict[str, Any]] = []
    for field, label in zip(fields, labels, strict=True):
        key = str(field["key"])
        usable = bool(PLACEHOLDER.fullmatch("{" + label + "}")) and labels.count(label) == 1
        if usable and key != label:
            title = title.replace("{" + key + "}", "{" + label + "}")
            body = body.replace("{" + key + "}", "{" + label + "}")
            key = label
        out.append({**field, "key": key})
    return title, body, out
