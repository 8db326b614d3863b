"""The staff list tickets are dispatched to (name, department, phone, active)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from propdesk.auth.permissions import Permission, require
from propdesk.errors import Conflict, NotFound, ValidationError
from propdesk.privacy import shown_phone
from propdesk.session_info import actor_or_none as _actor
from propdesk.tickets.models import Staff
from propdesk.tickets.values import Department, StaffInfo


def list_staff(
    session: Session, *, department: str | None = None, include_inactive: bool = False
) -> list[StaffInfo]:
    """Staff by department then name; phones masked for the actor."""
    actor = _actor(session)
    stmt = select(Staff).order_by(Staff.department, Staff.name, Staff.id)
    if department:
        stmt = stmt.where(Staff.department == department)
    if not include_inactive:
        stmt = stmt.where(Staff.active.is_(True))
    return [
        StaffInfo(s.id, s.name, s.department, shown_phone(actor, s.phone), s.active, s.version)
        for s in session.scalars(stmt)
    ]


def save_staff(
    session: Session,
    *,
    staff_id: int | None,
    name: str,
    department: str,
    phone: str = "",
    active: bool = True,
    expected_version: int | None = None,
) -> int:
    """Create or edit a staff member (needs MANAGE_SETTINGS). Staff are deactivated, not deleted."""
    require(_actor(session), Permission.MANAGE_SETTINGS)
    name = (name or "").strip()
    phone = (phone or "").strip()
    if not name:
        raise ValidationError("name", "请填写姓名。")
    if len(name) > 50:
        raise ValidationError("name", "姓名不能超过50个字。")
    if department not in {d.value for d in Department}:
        raise ValidationError("department", "请选择部门。")
    if phone and (not phone.replace("-", "").isdigit() or len(phone) > 20):
        raise ValidationError("phone", "电话只能包含数字和“-”。")
    if staff_id is None:
        staff = Staff(name=name, department=department, phone=phone, active=active)
        session.add(staff)
    else:
        found = session.get(Staff, staff_id)
        if found is None:
            raise NotFound("找不到该员工。")
        if expected_version is not None and found.version != expected_version:
            raise Conflict("该员工资料已被其他工作站修改，请重新打开再保存（您的修改未保存）。")
        staff = found
        staff.name, staff.department, staff.phone, staff.active = name, department, phone, active
    session.flush()
    return staff.id
