"""The directory of useful numbers (常用电话): utilities, police, community office,
contractors. Searchable by name, number, pinyin initials; "transfer" writes the entry into
the call being logged (the card fills its transfer fields from :class:`DirectoryRow`)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from propdesk.auth.permissions import Permission, require
from propdesk.calls.models import DirectoryEntry
from propdesk.calls.textkeys import query_terms, search_key
from propdesk.calls.values import DIRECTORY_CATEGORY_ZH, DirectoryCategory, DirectoryRow
from propdesk.errors import Conflict, NotFound, ValidationError
from propdesk.session_info import actor_or_none
from propdesk.validate import clean_text


def _row(e: DirectoryEntry) -> DirectoryRow:
    return DirectoryRow(e.id, e.name, e.category, e.phone, e.extension, e.notes, e.version)


def save_number(
    session: Session,
    *,
    name: str,
    category: str,
    phone: str,
    extension: str = "",
    notes: str = "",
    entry_id: int | None = None,
    expected_version: int | None = None,
) -> int:
    """Add or edit a directory entry (managers and supervisors)."""
    require(actor_or_none(session), Permission.MANAGE_KNOWLEDGE)
    name = clean_text(name, "name", 100, "请填写名称。", label="名称")
    try:
        cat = DirectoryCategory(category)
    except ValueError:
        raise ValidationError("category", "请选择类别。") from None
    phone = clean_text(phone, "phone", 30, "请填写电话。", label="电话")
    if not all(ch.isdigit() or ch in "-+ ()" for ch in phone):
        raise ValidationError("phone", "电话只能包含数字、空格、+、-、括号。")
    extension = clean_text(extension, "extension", 20, label="分机")
    notes = clean_text(notes, "notes", 300, label="备注")
    if entry_id is None:
        entry = DirectoryEntry()
        session.add(entry)
    else:
        found = session.get(DirectoryEntry, entry_id)
        if found is None:
            raise NotFound("电话条目不存在。")
        if expected_version is not None and found.version != expected_version:
            raise Conflict("这个条目已被他人修改，请重新打开后再改。")
        entry = found
    entry.name = name
    entry.category = cat.value
    entry.phone = phone
    entry.extension = extension
    entry.notes = notes
    entry.search_key = (
        search_key(name, DIRECTORY_CATEGORY_ZH[cat], notes) + " " + phone.replace("-", "")
    )
    session.flush()
    return entry.id


def delete_number(session: Session, entry_id: int) -> None:
    require(actor_or_none(session), Permission.MANAGE_KNOWLEDGE)
    entry = session.get(DirectoryEntry, entry_id)
    if entry is None:
        raise NotFound("电话条目不存在。")
    session.delete(entry)


def search_numbers(session: Session, query: str = "", *, limit: int = 200) -> list[DirectoryRow]:
    """Entries whose name, category, notes, number or pinyin contain every term typed."""
    stmt = select(DirectoryEntry)
    for term in query_terms(query) or ([query.strip().lower()] if query.strip() else []):
        stmt = stmt.where(DirectoryEntry.search_key.contains(term, autoescape=True))
    stmt = stmt.order_by(DirectoryEntry.category, DirectoryEntry.name, DirectoryEntry.id).limit(
        limit
    )
    return [_row(e) for e in session.scalars(stmt)]


def get_number(session: Session, entry_id: int) -> DirectoryRow:
    entry = session.get(DirectoryEntry, entry_id)
    if entry is None:
        raise NotFound("电话条目不存在。")
    return _row(entry)
