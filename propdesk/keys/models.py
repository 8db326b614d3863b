"""Keys held in custody at the desk and their loans."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from propdesk import clock
from propdesk.models_base import Base
from propdesk.pii.columns import Encrypted


class KeyDeposit(Base):
    """A unit's key left with the desk (钥匙托管) by a resident, until withdrawn."""

    __tablename__ = "key_deposit"
    __table_args__ = (
        CheckConstraint("key_count > 0", name="count_positive"),
        Index("ix_key_deposit_unit", "unit_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    tag_no: Mapped[str] = mapped_column(String(20), unique=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id", ondelete="RESTRICT"))
    deposited_by: Mapped[str] = mapped_column(String(50))
    phone: Mapped[str] = mapped_column(Encrypted("key_deposit.phone"), default="")
    purpose: Mapped[str] = mapped_column(String(200), default="")
    authorised: Mapped[str] = mapped_column(String(300), default="")  # names, 、-separated
    key_count: Mapped[int] = mapped_column(Integer, default=1)
    deposited_at: Mapped[datetime] = mapped_column(default=clock.column_now)
    received_by: Mapped[str] = mapped_column(String(50), default="")
    withdrawn_at: Mapped[datetime | None] = mapped_column()
    withdrawn_by: Mapped[str] = mapped_column(String(50), default="")


class KeyLoan(Base):
    """A deposited key lent out to an authorised collector and (later) returned."""

    __tablename__ = "key_loan"
    __table_args__ = (
        Index("ix_key_loan_deposit", "deposit_id"),
        Index("ix_key_loan_open", "returned_at", "due_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    deposit_id: Mapped[int] = mapped_column(ForeignKey("key_deposit.id", ondelete="RESTRICT"))
    borrower: Mapped[str] = mapped_column(String(50))
    borrower_phone: Mapped[str] = mapped_column(Encrypted("key_loan.borrower_phone"), default="")
    purpose: Mapped[str] = mapped_column(String(200), default="")
    lent_at: Mapped[datetime] = mapped_column(default=clock.column_now)
    due_at: Mapped[datetime] = mapped_column()
    lent_by: Mapped[str] = mapped_column(String(50), default="")
    borrower_signature: Mapped[str] = mapped_column(String(50))
    returned_at: Mapped[datetime | None] = mapped_column()
    returned_by: Mapped[str] = mapped_column(String(50), default="")
    return_signature: Mapped[str] = mapped_column(String(50), default="")
    received_back_by: Mapped[str] = mapped_column(String(50), default="")
