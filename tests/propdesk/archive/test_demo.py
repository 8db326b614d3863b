"""The archive's demo step: most units filed, some missing or expired, a few papers on loan;
deterministic and consistent with the checklist."""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest
from sqlalchemy import func, select

from propdesk import clock
from propdesk.archive import queries as q
from propdesk.archive.models import ArchiveDocument, ArchiveKind, ArchiveLoan
from propdesk.db.engine import Database
from propdesk.demo import build, steps
from tests.propdesk.archive.helpers import CLERK

TODAY = date(2026, 6, 15)
STEPS = ("propdesk.demo.registry", "propdesk.auth.demo", "propdesk.renovation.demo")


@pytest.fixture
def demo(sqlite_db: Database, monkeypatch: pytest.MonkeyPatch) -> Database:
    monkeypatch.setattr(
        steps,
        "DEMO_STEPS",
        [s for s in steps.DEMO_STEPS if s[1] in STEPS]
        + [(120, "propdesk.archive.demo", "build_archive")],
    )
    build.generate_demo(sqlite_db, units=120, seed=5, today=TODAY)
    return sqlite_db


def test_demo_archive(demo: Database, test_clock: clock.FixedClock) -> None:
    test_clock.set(clock.local_datetime(TODAY, time(18, 30)))
    with demo.begin(CLERK) as s:
        docs = int(s.scalar(select(func.count(ArchiveDocument.id))) or 0)
        out = s.execute(select(ArchiveDocument.id).where(ArchiveDocument.on_loan.is_(True))).all()
        open_loans = s.scalar(
            select(func.count(ArchiveLoan.id)).where(ArchiveLoan.returned_at.is_(None))
        )
        units = [
            u
            for b, _name in q.buildings(s)
            for u in q.completeness(s, b).units
            if u.present or u.missing or u.expired
        ]
    assert docs > 200
    assert len(out) == open_loans == 6
    complete = sum(1 for u in units if u.complete)
    assert 0 < complete < len(units)  # most units filed, some not
    assert any(u.missing for u in units)
    assert any(u.expired for u in units)
    assert sum(len(u.present) for u in units) > 3 * sum(len(u.missing) for u in units)


def test_demo_expiry_follows_the_checklist(demo: Database, test_clock: clock.FixedClock) -> None:
    """Contracts, title deeds and handover forms (kinds without a validity) never expire in
    the demo; a kind with a validity always has an expiry, some already past; renovation
    papers are dated from the unit's renovation application."""
    test_clock.set(clock.local_datetime(TODAY, time(18, 30)))
    with demo.begin(CLERK) as s:
        rows = s.execute(
            select(
                ArchiveKind.name,
                ArchiveKind.stage,
                ArchiveKind.validity_months,
                ArchiveDocument.doc_date,
                ArchiveDocument.expires_on,
            ).join(ArchiveKind, ArchiveKind.id == ArchiveDocument.kind_id)
        ).all()
        units = [u for b, _n in q.buildings(s) for u in q.completeness(s, b).units]
    lasting = [r for r in rows if r.validity_months is None]
    expiring = [r for r in rows if r.validity_months is not None]
    assert {"房屋交接单", "购房合同/产权证明"} <= {r.name for r in lasting}
    assert [r for r in lasting if r.expires_on is not None] == []
    assert expiring
    assert all(r.expires_on is not None for r in expiring)
    assert any(r.expires_on < TODAY for r in expiring)
    assert any(r.expires_on >= TODAY for r in expiring)
    renovation = [r.doc_date for r in lasting if r.stage == "renovation"]
    assert renovation
    assert min(renovation) >= TODAY - timedelta(days=200)  # the demo's renovations are recent
    expired = {name for u in units for name in u.expired}
    assert expired
    assert expired <= {r.name for r in expiring}


def test_unit_summary_agrees_with_checklist_and_documents(
    demo: Database, test_clock: clock.FixedClock
) -> None:
    """The unit page's light summary gives, for every unit of the demo (own, household and
    person papers, expired ones, papers on loan, renovated and moved-out units), the figures
    the full checklist and document list give."""
    test_clock.set(clock.local_datetime(TODAY, time(18, 30)))
    seen_missing = seen_expired = seen_loan = 0
    with demo.begin(CLERK) as s:
        unit_ids = [u.unit_id for b, _n in q.buildings(s) for u in q.completeness(s, b).units]
        for unit_id in unit_ids:
            docs = q.unit_documents(s, unit_id)
            stages = q.applicable_stages(s, unit_id)
            lines = [
                ln for ln in q.unit_checklist(s, unit_id) if ln.required and ln.stage in stages
            ]
            summary = q.unit_summary(s, unit_id)
            assert summary.documents == len(docs), unit_id
            assert summary.on_loan == sum(1 for d in docs if d.on_loan), unit_id
            assert summary.required == len(lines), unit_id
            assert summary.present == sum(1 for ln in lines if ln.state == "present"), unit_id
            assert summary.missing == tuple(ln.kind_name for ln in lines if ln.state == "missing")
            assert summary.expired == tuple(ln.kind_name for ln in lines if ln.state == "expired")
            seen_missing += bool(summary.missing)
            seen_expired += bool(summary.expired)
            seen_loan += summary.on_loan
    assert len(unit_ids) == 120
    assert seen_missing  # every case was compared
    assert seen_expired
    assert seen_loan
