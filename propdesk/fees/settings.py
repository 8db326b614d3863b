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
        reminder_gap_days: a letter of the next level only this many days or more after the
            previous level was delivered.
        letter_prefix: the letters' number prefix (``翠物催字`` → 翠物催字〔2026〕第058号);
            empty: the estate name's first character + ``物催字``.
        payment_accounts: the estate's payment accounts printed on notices, one per line
            (``开户行：… 户名：… 账号：…``).
        payment_qr: what the payment QR code on notices encodes (a payment link); empty: none.
        receipt_copies: the copies (联次) a receipt prints, comma-separated.
        supervision_hotline: the hotline a door permit names for complaints (监督电话).
    """

    late_fee_enabled: bool = False
    late_fee_rate_per_10k: int = 5
    grace_days: int = 30
    reminder_days_1: int = 30
    reminder_days_2: int = 90
    reminder_days_final: int = 180
    reminder_min_fen: int = 10_000
    reminder_gap_days: int = 15
    letter_prefix: str = ""
    payment_accounts: str = ""
    payment_qr: str = ""
    receipt_copies: str = "存根联,客户联,记账联"
    supervision_hotline: str = ""

    def validate(self) -> None:
        if not 0 <= self.late_fee_rate_per_10k <= 100:
            raise ValidationError("late_fee_rate_per_10k", "滞纳金日费率应在万分之 0 到 100 之间。")
        if not 0 <= self.grace_days <= 365:
            raise ValidationError("grace_days", "宽限天数应在 0 到 365 之间。")
        if not 0 < self.reminder_days_1 < self.reminder_days_2 < self.reminder_days_final:
            raise ValidationError("reminder_days_2", "催缴天数应逐级递增（一次 < 二次 < 最后）。")
        if self.reminder_min_fen < 0:
            raise ValidationError("reminder_min_fen", "催缴起点金额不能为负。")
        if not 0 <= self.reminder_gap_days <= 365:
            raise ValidationError("reminder_gap_days", "两级催缴函的间隔应在 0 到 365 天之间。")
        if len(self.letter_prefix) > 10:
            raise ValidationError("letter_prefix", "催缴函编号前缀不能超过 10 个字。")
        for name in ("payment_accounts", "payment_qr", "supervision_hotline", "receipt_copies"):
            if len(getattr(self, name)) > 200:
                raise ValidationError(name, "内容太长（最多 200 字）。")
        if not self.copies():
            raise ValidationError("receipt_copies", "收据至少要有一联。")

    def copies(self) -> tuple[str, ...]:
        """The receipt's copies, in print order."""
        parts = self.receipt_copies.replace("，", ",").split(",")
        return tuple(p.strip() for p in parts if p.strip())

    def accounts(self) -> tuple[str, ...]:
        """The payment accounts, one line each."""
        return tuple(x.strip() for x in self.payment_accounts.splitlines() if x.strip())


def get_fee_settings(session: Session) -> FeeSettings:
    stored = dict(session.execute(select(FeeSetting.key, FeeSetting.value)).all())
    values: dict[str, object] = {}
    for f in fields(FeeSettings):
        if f.name in stored:
            raw = stored[f.name]
            if f.type in (bool, "bool"):
                values[f.name] = raw == "1"
            elif f.type in (str, "str"):
                values[f.name] = raw
            else:
                values[f.name] = int(raw)
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
