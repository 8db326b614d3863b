"""Filing what PropDesk printed in the unit's archive (一户一档) — once it was really printed.

A preview is not a send: the PDF is filed the first time the preview reports it printed or
saved (``on_delivered``), never when it is built or only looked at.
"""

from __future__ import annotations

from collections.abc import Callable

from propdesk.changes import Changes
from ui.context import AppContext


def file_when_delivered(
    ctx: AppContext, target: tuple[int, str], title: str, pdf: bytes
) -> Callable[[str], None]:
    """An ``on_delivered`` handler that files ``pdf`` for ``target`` = (unit id, printed kind
    code such as ``receipt``) the first time it is printed or saved (a second print of the
    same preview files nothing more)."""
    filed = False

    def delivered(_how: str) -> None:
        nonlocal filed
        if filed:
            return
        filed = True
        from propdesk.archive.services import file_printed

        unit_id, kind = target
        ctx.op(
            lambda s: file_printed(s, unit_id, kind, title, pdf),
            changes=Changes(archive=True),
            action="file printed document",
        ).run()

    return delivered
