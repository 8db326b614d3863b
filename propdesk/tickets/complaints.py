"""Complaint findings (投诉处理结论): responsible department, valid or not, cause, resolution."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from propdesk import clock
from propdesk.errors import NotAllowed, ValidationError
from propdesk.tickets.models import Ticket
from propdesk.tickets.values import Department, TicketKind, TicketStatus, department_label
from propdesk.tickets.workflow import Action, record


def set_findings(
    session: Session,
    ticket_id: int,
    *,
    responsible_department: str,
    valid: bool | None,
    validity_reason: str = "",
    root_cause: str = "",
    resolution: str = "",
    at: datetime | None = None,
    expected_version: int | None = None,
) -> None:
    """Record (or revise) the findings of a complaint; one timeline event each time."""
    from propdesk.tickets.loading import load

    now = clock.at_or_now(session, at)
    ticket = load(session, ticket_id, expected_version)
    if ticket.kind != TicketKind.COMPLAINT.value:
        raise NotAllowed("只有投诉工单需要填写投诉处理结论。")
    if ticket.status == TicketStatus.CANCELLED.value:
        raise NotAllowed(f"工单 {ticket.number} 已取消。")
    if responsible_department and responsible_department not in {d.value for d in Department}:
        raise ValidationError("responsible_department", "请选择责任部门。")
    validity_reason = (validity_reason or "").strip()
    if valid is not None and not validity_reason:
        raise ValidationError("validity_reason", "请填写投诉成立或不成立的理由。")
    if len(validity_reason) > 200:
        raise ValidationError("validity_reason", "理由不能超过200个字。")
    ticket.responsible_department = responsible_department
    ticket.complaint_valid = valid
    ticket.validity_reason = validity_reason
    ticket.root_cause = (root_cause or "").strip()
    ticket.resolution = (resolution or "").strip()
    ticket.updated_at = now
    verdict = {True: "成立", False: "不成立", None: "待定"}[valid]
    dept = department_label(responsible_department) or "未定"
    record(
        session, ticket, Action.FINDINGS, now, note=f"责任部门 {dept}，{verdict}：{validity_reason}"
    )


def check_conclusion(ticket: Ticket) -> None:
    """Refuse to close a complaint without its conclusion (投诉处理结论).

    Every complaint needs a verdict (成立 or 不成立) and a result (处理结果: what was done,
    or for a complaint not upheld the explanation given to the resident); an upheld
    complaint also needs the responsible department and the root cause, which the
    complaint classification statistics count. Other kinds pass.
    """
    if ticket.kind != TicketKind.COMPLAINT.value:
        return
    if ticket.complaint_valid is None:
        raise ValidationError("valid", "关闭投诉前请先判定投诉是否成立。")
    if ticket.complaint_valid:
        if not ticket.responsible_department:
            raise ValidationError("responsible_department", "投诉成立，关闭前请选择责任部门。")
        if not (ticket.root_cause or "").strip():
            raise ValidationError("root_cause", "投诉成立，关闭前请填写根本原因。")
        if not (ticket.resolution or "").strip():
            raise ValidationError("resolution", "关闭投诉前请填写处理结果。")
    elif not (ticket.resolution or "").strip():
        raise ValidationError("resolution", "投诉不成立，关闭前请填写处理结果（向业主的说明）。")
