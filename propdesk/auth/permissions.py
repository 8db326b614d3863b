"""The one permission table of PropDesk.

Every guarded service calls :func:`require` itself; the UI only hides what
:func:`allowed` says no to.
"""

from __future__ import annotations

from enum import StrEnum

from propdesk.auth.actor import Actor, Role
from propdesk.errors import NotAllowed


class Permission(StrEnum):
    VIEW_FULL_ID = "view_full_id"  # see full ID numbers and phones
    EDIT_REGISTRY = "edit_registry"  # create/edit estates, buildings, units, people
    IMPORT_DATA = "import_data"
    APPROVE = "approve"  # approvals (renovation permits, quality checks)
    WAIVE = "waive"  # waive arrears / late fees
    VOID_RECEIPT = "void_receipt"
    DELETE = "delete"
    MANAGE_SETTINGS = "manage_settings"  # SLA, rates, templates, staff
    MANAGE_USERS = "manage_users"
    BACKUP_RESTORE = "backup_restore"
    VIEW_AUDIT = "view_audit"
    TAKE_PAYMENT = "take_payment"
    RUN_BILLING = "run_billing"
    MANAGE_FEES = "manage_fees"  # fee standards: items, rates, vacant discount, catalogue
    REVERSE_BILLING = "reverse_billing"  # undo an unpaid billing run
    BACKDATE_PAYMENT = "backdate_payment"  # date a payment before today (open period only)
    CLOSE_PERIOD = "close_period"  # 关账; close another cashier's day
    MANAGE_SECURITY = "manage_security"  # the estate's security policy (idle lock): admin only
    RECORD_OUTAGE = "record_outage"  # 停水停电登记: register and close outages
    MANAGE_KNOWLEDGE = "manage_knowledge"  # 答客问 and the directory of useful numbers
    WRITE_REPORT = "write_report"  # the monthly report's summary, problems and plan


PERMISSION_LABELS_ZH: dict[Permission, str] = {
    Permission.VIEW_FULL_ID: "查看完整证件号和电话",
    Permission.EDIT_REGISTRY: "维护房产和住户资料",
    Permission.IMPORT_DATA: "导入数据",
    Permission.APPROVE: "审批",
    Permission.WAIVE: "减免欠费",
    Permission.VOID_RECEIPT: "作废收据",
    Permission.DELETE: "删除记录",
    Permission.MANAGE_SETTINGS: "修改系统设置",
    Permission.MANAGE_USERS: "管理用户",
    Permission.BACKUP_RESTORE: "备份与恢复",
    Permission.VIEW_AUDIT: "查看操作日志",
    Permission.TAKE_PAYMENT: "收费",
    Permission.RUN_BILLING: "生成账单",
    Permission.MANAGE_FEES: "维护收费标准",
    Permission.REVERSE_BILLING: "撤销出账",
    Permission.BACKDATE_PAYMENT: "补录以前日期的收款",
    Permission.CLOSE_PERIOD: "关账",
    Permission.MANAGE_SECURITY: "修改安全策略",
    Permission.RECORD_OUTAGE: "登记停水停电",
    Permission.MANAGE_KNOWLEDGE: "维护答客问和常用电话",
    Permission.WRITE_REPORT: "编写月报总结与计划",
}

_ALL = frozenset(Permission)

ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.CLERK: frozenset(
        {Permission.EDIT_REGISTRY, Permission.TAKE_PAYMENT, Permission.RECORD_OUTAGE}
    ),
    Role.SUPERVISOR: frozenset(
        {
            Permission.EDIT_REGISTRY,
            Permission.TAKE_PAYMENT,
            Permission.APPROVE,
            Permission.VOID_RECEIPT,
            Permission.VIEW_FULL_ID,
            Permission.IMPORT_DATA,
            Permission.RECORD_OUTAGE,
            Permission.MANAGE_KNOWLEDGE,
        }
    ),
    Role.MANAGER: frozenset(
        {
            Permission.EDIT_REGISTRY,
            Permission.TAKE_PAYMENT,
            Permission.APPROVE,
            Permission.VOID_RECEIPT,
            Permission.VIEW_FULL_ID,
            Permission.IMPORT_DATA,
            Permission.WAIVE,
            Permission.DELETE,
            Permission.MANAGE_SETTINGS,
            Permission.VIEW_AUDIT,
            Permission.RUN_BILLING,
            Permission.MANAGE_FEES,
            Permission.REVERSE_BILLING,
            Permission.BACKDATE_PAYMENT,
            Permission.CLOSE_PERIOD,
            Permission.WRITE_REPORT,
            Permission.RECORD_OUTAGE,
            Permission.MANAGE_KNOWLEDGE,
        }
    ),
    Role.FINANCE: frozenset(
        {
            Permission.TAKE_PAYMENT,
            Permission.RUN_BILLING,
            Permission.MANAGE_FEES,
            Permission.BACKDATE_PAYMENT,
            Permission.VOID_RECEIPT,
            Permission.IMPORT_DATA,
            Permission.CLOSE_PERIOD,
        }
    ),
    Role.ADMIN: _ALL,
}


def allowed(actor: Actor | None, permission: Permission) -> bool:
    return actor is not None and permission in ROLE_PERMISSIONS[actor.role]


def require(actor: Actor | None, permission: Permission) -> None:
    """Raise :class:`NotAllowed` unless ``actor``'s role holds ``permission``."""
    if not allowed(actor, permission):
        who = actor.display_name if actor else "未登录用户"
        raise NotAllowed(f"{who}无权{PERMISSION_LABELS_ZH[permission]}，请联系主管或经理。")
