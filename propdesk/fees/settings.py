"""Estate-wide fee settings kept in the database (every desk sees the same values)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields

from sqlalchemy import select
from sqlalchemy.orm import Session

from propdesk.auth.permissions import Permission, require
from propdesk.errors import ValidationError
from propdesk.fees.models import FeeSetting


@dataclass(frozen=True)
class FeeSettings:
    """Late fee and reminder rules.

    Attributes:
        late_fee_enabled: whether a late fee (滞纳金) is charged at all.
        late_fee_rate_per_10k: daily rate in 万分之 (5 = 0.05 % of the amount owed per day).
        grace_days: days after the due date before the late fee starts counting.
        reminder_days: days overdue for the 1st, 2nd and final reminder letters.
        reminder_min_fen: arrears below this never get a reminder letter.
    """

    late_fee_enabled: bool = False
    late_fee_rate_per_10k: int = 5
    grace_days: int = 30
    reminder_days_1: int = 30
    reminder_days_2: int = 90
    reminder_days_final: int = 180
    reminder_min_fen: int = 10_000

    def validate(self) -> None:
        if not 0 <= self.late_fee_rate_per_10k <= 100:
            raise ValidationError("late_fee_rate_per_10k", "滞纳金日费率应在万分之 0 到 100 之间。")
        if not 0 <= self.grace_days <= 365:
            raise ValidationError("grace_days", "宽限天数应在 0 到 365 之间。")
        if not 0 < self.reminder_days_1 < self.reminder_days_2 < self.reminder_days_final:
            raise ValidationError("reminder_days_2", "催缴天数应逐级递增（一次 < 二次 < 最后）。")
        if self.reminder_min_fen < 0:
            raise ValidationError("reminder_min_fen", "催缴起点金额不能为负。")


def get_fee_settings(session: Session) -> FeeSettings:
    stored = dict(session.execute(select(FeeSetting.key, FeeSetting.value)).all())
    values: dict[str, object] = {}
    for f in fields(FeeSettings):
        if f.name in stored:
            raw = stored[f.name]
            values[f.name] = raw == "1" if f.type in (bool, "bool") else int(raw)
    return FeeSettings(**values)  # type: ignore[arg-type]


def save_fee_settings(session: Session, settings: FeeSettings) -> None:
    """Store the settings (needs :attr:`Permission.MANAGE_SETTINGS`)."""
    require(session.info.get("actor"), Permission.MANAGE_SETTINGS)
    settings.validate()
    for key, value in asdict(settings).items():
        text = ("1" if value else "0") if isinstance(value, bool) else str(value)
        row = session.get(FeeSetting, key)
        if row is None:
            session.add(FeeSetting(key=key, value=text))
        else:
            row.value = text
    session.flush()
