"""Notices (通知/告示): templates with fields, filling them in, and the posted history.

Templates are stored in the database and edited by a manager (MANAGE_SETTINGS);
anyone at the desk fills one in and posts it. Every posted notice is kept with its
final text, who posted it, where and how many copies.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from propdesk import clock
from propdesk.auth.permissions import Permission, require
from propdesk.errors import Conflict, NotAllowed, NotFound, ValidationError
from propdesk.registry.models import Building, Estate
from propdesk.reporting.models import NoticeTemplate, PostedNotice
from propdesk.reporting.notice_defaults import DEFAULT_TEMPLATES
from propdesk.reporting.notice_fields import PLACEHOLDER
from propdesk.session_info import actor_or_none as _actor

FIELD_KINDS = ("text", "date", "time", "multiline")
_PLACEHOLDER = PLACEHOLDER  # {停水原因}: fields are named in Chinese


@dataclass(frozen=True)
class NoticeField:
    key: str
    label: str
    kind: str = "text"
    default: str = ""
    optional: bool = False


@dataclass(frozen=True)
class TemplateInfo:
    id: int
    code: str
    name: str
    title: str
    body: str
    fields: tuple[NoticeField, ...]
    version: int


@dataclass(frozen=True)
class FilledNotice:
    """A notice with every field filled in: what is printed."""

    title: str
    body: str


@dataclass(frozen=True)
class PostedInfo:
    id: int
    template_name: str
    title: str
    body: str
    audiences: tuple[str, ...]
    copies: int
    pages: int
    posted_on: date
    posted_by: str


@dataclass(frozen=True)
class EstateLetterhead:
    name: str
    company: str
    phone: str


def ensure_default_templates(session: Session) -> None:
    """Seed the default Chinese templates when there are none."""
    if session.scalar(select(func.count(NoticeTemplate.id))):
        return
    session.execute(
        insert(NoticeTemplate),
        [
            {
                "code": code,
                "name": name,
                "title": title,
                "body": body,
                "fields": json.dumps(fields, ensure_ascii=False),
                "sort_key": i * 10,
                "active": True,
            }
            for i, (code, name, title, body, fields) in enumerate(DEFAULT_TEMPLATES)
        ],
    )


def template_info(t: NoticeTemplate) -> TemplateInfo:
    """A template row as a plain value."""
    return TemplateInfo(t.id, t.code, t.name, t.title, t.body, parse_fields(t.fields), t.version)


def parse_fields(text: str) -> tuple[NoticeField, ...]:
    """The JSON field list of a template → :class:`NoticeField` values."""
    try:
        raw = json.loads(text or "[]")
    except json.JSONDecodeError as exc:
        raise ValidationError("fields", "字段定义格式不正确。") from exc
    out = []
    for item in raw:
        out.append(
            NoticeField(
                str(item["key"]),
                str(item.get("label") or item["key"]),
                str(item.get("kind") or "text"),
                str(item.get("default") or ""),
                bool(item.get("optional", False)),
            )
        )
    return tuple(out)


def list_templates(session: Session) -> list[TemplateInfo]:
    """Active templates in their order (the defaults are created on first use)."""
    ensure_default_templates(session)
    rows = session.scalars(
        select(NoticeTemplate)
        .where(NoticeTemplate.active.is_(True))
        .order_by(NoticeTemplate.sort_key, NoticeTemplate.id)
    )
    return [template_info(t) for t in rows]


def get_template(session: Session, template_id: int) -> TemplateInfo:
    t = session.get(NoticeTemplate, template_id)
    if t is None:
        raise NotFound("找不到这个通知模板。")
    return template_info(t)


def placeholders(text: str) -> list[str]:
    """The ``{field}`` names used in ``text``, in order, without repeats."""
    seen: list[str] = []
    for name in _PLACEHOLDER.findall(text):
        if name not in seen:
            seen.append(name)
    return seen


def save_template(
    session: Session,
    *,
    template_id: int,
    name: str,
    title: str,
    body: str,
    expected_version: int | None = None,
) -> None:
    """Change a template's name, title and body (a manager's task).

    Every ``{field}`` used must be one of the template's fields.
    """
    require(_actor(session), Permission.MANAGE_SETTINGS)
    t = session.get(NoticeTemplate, template_id)
    if t is None:
        raise NotFound("找不到这个通知模板。")
    if expected_version is not None and t.version != expected_version:
        raise Conflict("这个模板刚被别人修改过，请重新打开后再改。")
    name, title = (name or "").strip(), (title or "").strip()
    if not name:
        raise ValidationError("name", "请填写模板名称。")
    if not title:
        raise ValidationError("title", "请填写通知标题。")
    if len(title) > 100:
        raise ValidationError("title", "标题最多 100 个字。")
    if not (body or "").strip():
        raise ValidationError("body", "请填写通知正文。")
    known = {f.key for f in parse_fields(t.fields)}
    unknown = [p for p in placeholders(title + body) if p not in known]
    if unknown:
        raise ValidationError(
            "body", "正文中有未定义的字段：" + "、".join("{" + u + "}" for u in unknown)
        )
    t.name, t.title, t.body = name[:50], title, body.strip()


def fill(template: TemplateInfo, values: Mapping[str, str]) -> FilledNotice:
    """Put the field values into the title and body; a missing value is an error."""
    missing = [
        f for f in template.fields if not f.optional and not str(values.get(f.key, "")).strip()
    ]
    if missing:
        raise ValidationError(missing[0].key, f"请填写“{missing[0].label}”。")

    def put(text: str) -> str:
        return _PLACEHOLDER.sub(lambda m: str(values.get(m.group(1), m.group(0))).strip(), text)

    return FilledNotice(put(template.title), put(template.body))


def preview(template: TemplateInfo, values: Mapping[str, str]) -> FilledNotice:
    """Like :func:`fill`, but an empty field shows as ``____`` (for the live preview)."""
    shown = {f.key: (str(values.get(f.key, "")).strip() or "________") for f in template.fields}
    return FilledNotice(
        _PLACEHOLDER.sub(lambda m: shown.get(m.group(1), m.group(0)), template.title),
        _PLACEHOLDER.sub(lambda m: shown.get(m.group(1), m.group(0)), template.body),
    )


def default_values(session: Session, template: TemplateInfo, today: date) -> dict[str, str]:
    """Initial form values: the template's defaults, dates as today, contact = estate phone."""
    head = letterhead(session)
    out: dict[str, str] = {}
    for f in template.fields:
        if f.default:
            out[f.key] = f.default
        elif f.kind == "date":
            out[f.key] = today.isoformat()
        elif f.key in ("contact", "联系电话"):
            out[f.key] = head.phone
        elif f.key in ("period", "费用所属期间"):
            out[f.key] = f"{today.year}年{today.month}月"
        else:
            out[f.key] = ""
    return out


def letterhead(session: Session) -> EstateLetterhead:
    row = session.execute(
        select(Estate.name, Estate.company, Estate.phone).order_by(Estate.id).limit(1)
    ).first()
    return EstateLetterhead(*row) if row else EstateLetterhead("", "", "")


def building_names(session: Session) -> list[str]:
    """Every building's name, in the registry's order (for one notice per building)."""
    return list(session.scalars(select(Building.name).order_by(Building.sort_key, Building.name)))


def post_notice(
    session: Session,
    *,
    template_id: int | None,
    notice: FilledNotice,
    audiences: Sequence[str],
    copies: int,
    posted_on: date | None = None,
) -> int:
    """Record a printed notice in the history; returns its id."""
    actor = _actor(session)
    if actor is None:
        raise NotAllowed("请先登录。")
    if not 1 <= copies <= 500:
        raise ValidationError("copies", "份数应在 1 到 500 之间。")
    groups = [a.strip() for a in audiences if a.strip()] or ["全体业主/住户"]
    name = ""
    if template_id is not None:
        t = session.get(NoticeTemplate, template_id)
        if t is None:
            raise NotFound("找不到这个通知模板。")
        name = t.name
    row = PostedNotice(
        template_id=template_id,
        template_name=name,
        title=notice.title[:100],
        body=notice.body,
        audiences="\n".join(groups),
        copies=copies,
        pages=copies * len(groups),
        posted_on=clock.day_or_today(session, posted_on),
        posted_by=actor.display_name,
    )
    session.add(row)
    session.flush()
    return row.id


def notice_history(session: Session, *, limit: int = 500) -> list[PostedInfo]:
    """Posted notices, newest first."""
    rows = session.scalars(
        select(PostedNotice)
        .order_by(PostedNotice.posted_at.desc(), PostedNotice.id.desc())
        .limit(limit)
    )
    return [
        PostedInfo(
            r.id,
            r.template_name,
            r.title,
            r.body,
            tuple(r.audiences.splitlines()),
            r.copies,
            r.pages,
            r.posted_on,
            r.posted_by,
        )
        for r in rows
    ]
