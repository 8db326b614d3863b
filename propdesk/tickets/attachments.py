"""Photos and files attached to a ticket: copied into the data folder, never linked."""

from __future__ import annotations

import shutil
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from propdesk import clock
from propdesk.config import data_dir
from propdesk.errors import ValidationError
from propdesk.session_info import actor_or_system as _actor
from propdesk.tickets.models import TicketAttachment
from propdesk.tickets.values import AttachmentInfo
from propdesk.tickets.workflow import Action, record

MAX_BYTES = 50 * 1024 * 1024
FOLDER = "attachments/tickets"


def attach_file(session: Session, ticket_id: int, source: Path) -> int:
    """Copy ``source`` into ``<data>/attachments/tickets/<id>/`` and record it."""
    from propdesk.tickets.loading import load

    ticket = load(session, ticket_id)
    source = Path(source)
    if not source.is_file():
        raise ValidationError("path", f"找不到文件：{source}")
    size = source.stat().st_size
    if size > MAX_BYTES:
        raise ValidationError("path", "文件超过50MB，请压缩后再附加。")
    folder = data_dir() / FOLDER / str(ticket.id)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / source.name
    n = 1
    while target.exists():
        target = folder / f"{source.stem}-{n}{source.suffix}"
        n += 1
    shutil.copy2(source, target)
    now = clock.now(session)
    row = TicketAttachment(
        ticket_id=ticket.id,
        file_name=source.name,
        stored_path=target.relative_to(data_dir()).as_posix(),
        size=size,
        added_at=now,
        added_by=_actor(session).display_name,
    )
    session.add(row)
    record(session, ticket, Action.ATTACH, now, note=source.name)
    session.flush()
    return row.id


def list_attachments(session: Session, ticket_id: int) -> list[AttachmentInfo]:
    root = data_dir()
    return [
        AttachmentInfo(a.id, a.file_name, str(root / a.stored_path), a.size, a.added_at)
        for a in session.scalars(
            select(TicketAttachment)
            .where(TicketAttachment.ticket_id == ticket_id)
            .order_by(TicketAttachment.id)
        )
    ]
