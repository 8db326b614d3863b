"""The small estate every walked dialog opens on (shared by ``dialogs_<feature>.py``)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from PySide6.QtWidgets import QDialog

from propdesk import clock
from propdesk.db.engine import Database
from propdesk.keys import services as keys
from propdesk.tickets import services as svc
from propdesk.tickets.queries import ticket_detail
from propdesk.tickets.values import TicketInfo
from tests.propdesk.tickets.helpers import category_id
from tests.ui.helpers import CLERK, SmallEstate, build_small_estate
from ui.context import AppContext


@dataclass(frozen=True)
class World:
    estate: SmallEstate
    ticket: TicketInfo
    deposit_id: int
    loan_id: int


def _world(db: Database) -> World:
    estate = build_small_estate(db)
    cat = category_id(db, "repair", "plumbing")
    with db.begin(CLERK) as s:
        tid = svc.create_ticket(
            s,
            svc.Intake(
                kind="repair",
                category_id=cat,
                description="水龙头坏了",
                unit_id=estate.unit_1502,
                person_id=estate.zhang_san,
            ),
        ).id
        ticket = ticket_detail(s, tid)
        dep = keys.deposit_key(s, unit_id=estate.unit_1502, deposited_by="张三", authorised="张三")
        dep2 = keys.deposit_key(s, unit_id=estate.unit_101, deposited_by="王五", authorised="王五")
        loan = keys.lend_key(
            s,
            deposit_id=dep2,
            borrower="王五",
            due_at=clock.now(s) + timedelta(hours=4),
            signature="王五",
        )
    return World(estate, ticket, dep, loan)


Factory = Callable[[AppContext, World], QDialog]
