"""The knowledge base (答客问): questions with the answer or script the desk gives.

Search as you type: every entry is indexed by terms (``kb_term``): the Chinese bigrams of
its text, its words, and the pinyin initials and full pinyin of its question and tags from
each character on. A query's bigrams match terms exactly, its pinyin or digits by prefix,
each through the primary key's index; entries are ranked by how many of the query's terms
they hold, so “装修周末”, “zxsj” and “zhuangxiu” all find “装修施工时间…周末能装修吗”. A search that finds
nothing is recorded for the manager. Entries past their expiry are flagged to their owner.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import and_, delete, func, insert, literal, select, union_all
from sqlalchemy.orm import Session

from propdesk import clock
from propdesk.auth.permissions import Permission, require
from propdesk.calls.models import KbEntry, KbMiss, KbTerm
from propdesk.calls.textkeys import index_terms, is_prefix_term, query_terms, search_key
from propdesk.calls.values import KbEntryRow, KbMissRow
from propdesk.errors import Conflict, NotFound, ValidationError
from propdesk.session_info import actor_name, actor_or_none
from propdesk.validate import clean_text

MAX_TERMS = 8
TERM_CAP = 1500  # entries read per query term: a type-ahead ranks the first ones it finds
MISS_MIN_CHARS = 2


@dataclass(frozen=True)
class KbSpec:
    question: str
    answer: str
    category: str = ""
    tags: str = ""
    ticket_categories: str = ""
    owner_user_id: int | None = None
    owner_name: str = ""
    last_checked: date | None = None
    expires_on: date | None = None


def _row(e: KbEntry, today: date) -> KbEntryRow:
    return KbEntryRow(
        e.id,
        e.question,
        e.answer,
        e.category,
        e.tags,
        e.ticket_categories,
        e.owner_name,
        e.owner_user_id,
        e.last_checked,
        e.expires_on,
        e.expires_on is not None and e.expires_on < today,
        e.version,
    )


def save_entry(
    session: Session,
    spec: KbSpec,
    *,
    entry_id: int | None = None,
    expected_version: int | None = None,
) -> int:
    """Add or edit an entry (managers and supervisors). Returns its id."""
    require(actor_or_none(session), Permission.MANAGE_KNOWLEDGE)
    question = clean_text(spec.question, "question", 200, "请填写问题。", label="问题")
    answer = clean_text(spec.answer, "answer", 5000, "请填写答复口径。", label="答复口径")
    category = clean_text(spec.category, "category", 30, label="分类")
    tags = clean_text(spec.tags, "tags", 200, label="标签")
    ticket_categories = clean_text(
        spec.ticket_categories, "ticket_categories", 200, label="相关工单分类"
    )
    owner = clean_text(spec.owner_name, "owner_name", 50, label="负责人")
    if (
        spec.expires_on is not None
        and spec.last_checked is not None
        and spec.expires_on < spec.last_checked
    ):
        raise ValidationError("expires_on", "有效期不能早于最近核对日期。")
    if entry_id is None:
        entry = KbEntry()
        session.add(entry)
    else:
        found = session.get(KbEntry, entry_id)
        if found is None:
            raise NotFound("条目不存在。")
        if expected_version is not None and found.version != expected_version:
            raise Conflict("这个条目已被他人修改，请重新打开后再改。")
        entry = found
    entry.question = question
    entry.answer = answer
    entry.category = category
    entry.tags = tags
    entry.ticket_categories = ticket_categories
    entry.owner_user_id = spec.owner_user_id
    entry.owner_name = owner or actor_name(session)
    entry.last_checked = spec.last_checked or clock.today(session)
    entry.expires_on = spec.expires_on
    entry.search_key = search_key(question, tags, category, ticket_categories, answer)
    session.flush()
    set_terms(session, entry)
    return entry.id


def retire_entry(session: Session, entry_id: int) -> None:
    """Take an entry out of search (kept for the record)."""
    require(actor_or_none(session), Permission.MANAGE_KNOWLEDGE)
    entry = session.get(KbEntry, entry_id)
    if entry is None:
        raise NotFound("条目不存在。")
    entry.active = False


def mark_checked(session: Session, entry_id: int, *, expires_on: date | None = None) -> None:
    """The owner checked the entry today (and may give it a new expiry)."""
    require(actor_or_none(session), Permission.MANAGE_KNOWLEDGE)
    entry = session.get(KbEntry, entry_id)
    if entry is None:
        raise NotFound("条目不存在。")
    today = clock.today(session)
    if expires_on is not None and expires_on < today:
        raise ValidationError("expires_on", "新的有效期不能早于今天。")
    entry.last_checked = today
    entry.expires_on = expires_on


def search(
    session: Session, query: str, *, limit: int = 20, need: int | None = None
) -> list[KbEntryRow]:
    """Active entries matching ``query`` (bigrams, pinyin, words), best first; an empty
    query lists entries by category and question."""
    today = clock.today(session)
    # a lone pinyin letter says too little to search by (and would match most terms)
    terms = [t for t in query_terms(query) if not (t.isascii() and len(t) < 2)][:MAX_TERMS]
    base = select(KbEntry).where(KbEntry.active.is_(True))
    if not terms:
        stmt = base.order_by(KbEntry.category, KbEntry.question, KbEntry.id).limit(limit)
        return [_row(e, today) for e in session.scalars(stmt)]
    if need is None:
        need = 1 if len(terms) <= 2 else (len(terms) + 1) // 2
    postgres = session.get_bind().dialect.name == "postgresql"
    parts = []
    for i, term in enumerate(terms):
        if not is_prefix_term(term):
            cond = KbTerm.term == term
        elif postgres:
            cond = KbTerm.term.startswith(term, autoescape=True)
        else:  # a range uses the primary key's index on SQLite (LIKE would not)
            cond = and_(KbTerm.term >= term, KbTerm.term < term + "\uffff")
        found = select(KbTerm.entry_id).where(cond).limit(TERM_CAP).subquery()
        parts.append(select(found.c.entry_id.label("entry_id"), literal(i).label("qi")))
    hits = union_all(*parts).subquery()
    score = func.count(func.distinct(hits.c.qi))
    ranked = (
        select(hits.c.entry_id, score.label("score"))
        .group_by(hits.c.entry_id)
        .having(score >= need)
        .subquery()
    )
    stmt = (
        base.join(ranked, ranked.c.entry_id == KbEntry.id)
        .order_by(ranked.c.score.desc(), KbEntry.question, KbEntry.id)
        .limit(limit)
    )
    return [_row(e, today) for e in session.scalars(stmt)]


def set_terms(session: Session, entry: KbEntry) -> None:
    """Replace the search terms of ``entry`` (after its text changed)."""
    session.execute(delete(KbTerm).where(KbTerm.entry_id == entry.id))
    terms = entry_terms(
        entry.question, entry.tags, entry.category, entry.ticket_categories, entry.answer
    )
    if terms:
        session.execute(insert(KbTerm), [{"term": t, "entry_id": entry.id} for t in sorted(terms)])


def entry_terms(
    question: str, tags: str, category: str, ticket_categories: str, answer: str
) -> set[str]:
    return index_terms((question, tags, category, ticket_categories), (answer,))


def suggest(session: Session, text: str, *, limit: int = 5) -> list[KbEntryRow]:
    """Entries for what the clerk is typing on the call card (needs two matching terms)."""
    terms = query_terms(text)
    if len(terms) < 2:
        return []
    return search(session, " ".join(terms[-MAX_TERMS:]), limit=limit, need=2)


def record_miss(session: Session, query: str) -> None:
    """A search that found nothing, for the manager's list (short queries are not kept)."""
    text = (query or "").strip()[:100]
    if len(text) < MISS_MIN_CHARS:
        return
    session.add(KbMiss(query=text, at=clock.now(session), by_name=actor_name(session)))


def misses(session: Session, *, limit: int = 200) -> list[KbMissRow]:
    """Searches that found nothing, most asked first."""
    rows = session.execute(
        select(
            KbMiss.query, func.count(KbMiss.id).label("times"), func.max(KbMiss.at).label("last")
        )
        .group_by(KbMiss.query)
        .order_by(func.count(KbMiss.id).desc(), func.max(KbMiss.at).desc())
        .limit(limit)
    ).all()
    return [KbMissRow(r.query, int(r.times), r.last) for r in rows]


def expired(session: Session, *, owner_user_id: int | None = None) -> list[KbEntryRow]:
    """Active entries past their expiry (one owner's, or everybody's)."""
    today = clock.today(session)
    stmt = select(KbEntry).where(
        KbEntry.active.is_(True), KbEntry.expires_on.is_not(None), KbEntry.expires_on < today
    )
    if owner_user_id is not None:
        stmt = stmt.where(KbEntry.owner_user_id == owner_user_id)
    return [_row(e, today) for e in session.scalars(stmt.order_by(KbEntry.expires_on, KbEntry.id))]


def get_entry(session: Session, entry_id: int) -> KbEntryRow:
    entry = session.get(KbEntry, entry_id)
    if entry is None:
        raise NotFound("条目不存在。")
    return _row(entry, clock.today(session))


def all_entries(session: Session) -> list[KbEntryRow]:
    """Every active entry by category and question (the handbook)."""
    today = clock.today(session)
    stmt = (
        select(KbEntry)
        .where(KbEntry.active.is_(True))
        .order_by(KbEntry.category, KbEntry.question, KbEntry.id)
    )
    return [_row(e, today) for e in session.scalars(stmt)]
