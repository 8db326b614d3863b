"""Independent plain-SQL versions of every figure of the monthly report (for the tests).

Written straight against the tables with ``text()`` — no query code of PropDesk is
reused — so a wrong join or filter in the reporting module shows up as a mismatch.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, timezone
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

CST = timezone(timedelta(hours=8))


def bounds(period: str) -> tuple[date, date, datetime, datetime]:
    y, m = int(period[:4]), int(period[5:])
    first = date(y, m, 1)
    nxt = date(y + (m == 12), m % 12 + 1, 1)
    lo = datetime.combine(first, time(0), CST).astimezone(UTC)
    hi = datetime.combine(nxt, time(0), CST).astimezone(UTC)
    return first, nxt - timedelta(days=1), lo, hi


class Plain:
    """Runs the plain SQL on one session; datetimes bound as each back end stores them."""

    def __init__(self, session: Session) -> None:
        self.s = session
        self.pg = session.get_bind().dialect.name == "postgresql"

    def ts(self, at: datetime) -> Any:
        return at if self.pg else at.replace(tzinfo=None).strftime("%Y-%m-%d %H:%M:%S")

    def one(self, sql: str, **params: Any) -> Any:
        return self.s.execute(text(sql), params).scalar()

    def rows(self, sql: str, **params: Any) -> dict[Any, Any]:
        return {r[0]: r[1] for r in self.s.execute(text(sql), params)}

    def minutes(self, a: str, b: str) -> str:
        if self.pg:
            return f"EXTRACT(EPOCH FROM ({a} - {b})) / 60.0"
        return f"(julianday({a}) - julianday({b})) * 1440.0"

    # --- tickets -------------------------------------------------------------------

    def tickets_by(self, column: str, period: str) -> dict[Any, int]:
        """Tickets registered in the month and not cancelled (cancelled ones count apart)."""
        return self.rows(
            f"SELECT {column}, COUNT(*) FROM ticket WHERE period = :p AND status <> 'cancelled' "
            f"GROUP BY {column}",
            p=period,
        )

    def cancelled(self, period: str) -> int:
        return int(
            self.one(
                "SELECT COUNT(*) FROM ticket WHERE period = :p AND status = 'cancelled'", p=period
            )
        )

    def complaints(self, period: str) -> int:
        """The one complaint count: registered in the month, not cancelled."""
        _, _, lo, hi = bounds(period)
        return int(
            self.one(
                "SELECT COUNT(*) FROM ticket WHERE kind = 'complaint' AND status <> 'cancelled' "
                "AND created_at >= :lo AND created_at < :hi",
                lo=self.ts(lo),
                hi=self.ts(hi),
            )
        )

    def ticket_times(self, period: str) -> dict[str, Any]:
        live = "period = :p AND status <> 'cancelled'"
        resp = self.minutes("responded_at", "created_at")
        done = self.minutes("done_at", "created_at")
        return {
            "responded": self.one(
                f"SELECT COUNT(*) FROM ticket WHERE {live} AND responded_at IS NOT NULL", p=period
            ),
            "response_on_time": self.one(
                f"SELECT COUNT(*) FROM ticket WHERE {live} AND responded_at <= response_due",
                p=period,
            ),
            "avg_response_minutes": self.one(
                f"SELECT AVG({resp}) FROM ticket WHERE {live} AND responded_at IS NOT NULL",
                p=period,
            ),
            "done": self.one(
                f"SELECT COUNT(*) FROM ticket WHERE {live} AND done_at IS NOT NULL", p=period
            ),
            "resolve_on_time": self.one(
                f"SELECT COUNT(*) FROM ticket WHERE {live} AND done_at <= resolve_due", p=period
            ),
            "avg_completion_minutes": self.one(
                f"SELECT AVG({done}) FROM ticket WHERE {live} AND done_at IS NOT NULL", p=period
            ),
        }

    def callbacks(self, period: str) -> dict[str, Any]:
        _, _, lo, hi = bounds(period)
        w = "at >= :lo AND at < :hi"
        p = {"lo": self.ts(lo), "hi": self.ts(hi)}
        return {
            "count": self.one(f"SELECT COUNT(*) FROM ticket_callback WHERE {w}", **p),
            "avg_overall": self.one(
                f"SELECT AVG(overall * 1.0) FROM ticket_callback WHERE {w}", **p
            ),
            "avg_speed": self.one(f"SELECT AVG(speed * 1.0) FROM ticket_callback WHERE {w}", **p),
            "avg_attitude": self.one(
                f"SELECT AVG(attitude * 1.0) FROM ticket_callback WHERE {w}", **p
            ),
            "satisfied": self.one(
                f"SELECT COUNT(*) FROM ticket_callback WHERE {w} AND overall >= 4", **p
            ),
            "not_fixed": self.one(
                f"SELECT COUNT(*) FROM ticket_callback WHERE {w} AND NOT fixed", **p
            ),
            "by_score": self.rows(
                f"SELECT overall, COUNT(*) FROM ticket_callback WHERE {w} GROUP BY overall", **p
            ),
        }

    def complaints_by_category(self, period: str) -> dict[int, int]:
        _, _, lo, hi = bounds(period)
        return self.rows(
            "SELECT category_id, COUNT(*) FROM ticket WHERE kind = 'complaint' AND status <> 'cancelled'"
            " AND created_at >= :lo AND created_at < :hi GROUP BY category_id",
            lo=self.ts(lo),
            hi=self.ts(hi),
        )

    # --- renovation ----------------------------------------------------------------

    def renovation(self, period: str) -> dict[str, Any]:
        first, last, lo, hi = bounds(period)
        t = {"lo": self.ts(lo), "hi": self.ts(hi)}
        d = {"a": first, "b": last}
        pr = "FROM renovation_permit"
        insp = "FROM renovation_violation v JOIN renovation_inspection i ON i.id = v.inspection_id"
        return {
            "applied": self.one(
                f"SELECT COUNT(*) {pr} WHERE created_at >= :lo AND created_at < :hi", **t
            ),
            "approved": self.one(
                f"SELECT COUNT(*) {pr} WHERE decided_at >= :lo AND decided_at < :hi"
                " AND status NOT IN ('rejected', 'applied')",
                **t,
            ),
            "rejected": self.one(
                f"SELECT COUNT(*) {pr} WHERE decided_at >= :lo AND decided_at < :hi AND status = 'rejected'",
                **t,
            ),
            "accepted": self.one(f"SELECT COUNT(*) {pr} WHERE accepted_on BETWEEN :a AND :b", **d),
            "active_at_end": self.one(
                f"SELECT COUNT(*) {pr} WHERE decided_at < :hi AND status NOT IN ('rejected', 'applied', 'cancelled')"
                " AND (accepted_on IS NULL OR accepted_on > :b)",
                hi=t["hi"],
                b=last,
            ),
            "inspections": self.one(
                "SELECT COUNT(*) FROM renovation_inspection WHERE inspected_on BETWEEN :a AND :b",
                **d,
            ),
            "violations": self.one(
                f"SELECT COUNT(*) {insp} WHERE i.inspected_on BETWEEN :a AND :b", **d
            ),
            "by_type": self.rows(
                f"SELECT v.type_id, COUNT(*) {insp} WHERE i.inspected_on BETWEEN :a AND :b GROUP BY v.type_id",
                **d,
            ),
            "rectified": self.one(
                "SELECT COUNT(*) FROM renovation_violation WHERE rectified_on BETWEEN :a AND :b",
                **d,
            ),
            "open_at_end": self.one(
                f"SELECT COUNT(*) {insp} WHERE i.inspected_on <= :b AND (v.rectified_on IS NULL OR v.rectified_on > :b)",
                b=last,
            ),
        }

    # --- patrols and desk ----------------------------------------------------------

    def patrols(self, period: str) -> dict[str, Any]:
        first, last, _, _ = bounds(period)
        d = {"a": first, "b": last}
        f = "FROM patrol_finding f JOIN patrol p ON p.id = f.patrol_id WHERE p.local_day BETWEEN :a AND :b"
        return {
            "patrols": self.one(
                "SELECT COUNT(*) FROM patrol WHERE local_day BETWEEN :a AND :b", **d
            ),
            "finished": self.one(
                "SELECT COUNT(*) FROM patrol WHERE local_day BETWEEN :a AND :b AND status = 'finished'",
                **d,
            ),
            "checkpoints": self.one(f"SELECT COUNT(*) {f}", **d),
            "checked": self.one(f"SELECT COUNT(*) {f} AND f.result IN ('normal', 'abnormal')", **d),
            "missed": self.one(f"SELECT COUNT(*) {f} AND f.result = 'missed'", **d),
            "anomalies": self.one(f"SELECT COUNT(*) {f} AND f.result = 'abnormal'", **d),
            "ticketed": self.one(
                f"SELECT COUNT(*) {f} AND f.result = 'abnormal' AND f.ticket_id IS NOT NULL", **d
            ),
            "resolved": self.one(
                f"SELECT COUNT(*) {f} AND f.result = 'abnormal' AND f.resolved_at IS NOT NULL", **d
            ),
        }

    def desk(self, period: str) -> dict[str, Any]:
        _, _, lo, hi = bounds(period)
        t = {"lo": self.ts(lo), "hi": self.ts(hi)}
        return {
            "received": self.one(
                "SELECT COUNT(*) FROM desk_parcel WHERE received_at >= :lo AND received_at < :hi",
                **t,
            ),
            "collected": self.one(
                "SELECT COUNT(*) FROM desk_parcel WHERE collected_at >= :lo AND collected_at < :hi AND status = 'collected'",
                **t,
            ),
            "returned": self.one(
                "SELECT COUNT(*) FROM desk_parcel WHERE collected_at >= :lo AND collected_at < :hi AND status = 'returned'",
                **t,
            ),
            "waiting": self.one(
                "SELECT COUNT(*) FROM desk_parcel WHERE received_at < :hi AND (collected_at IS NULL OR collected_at >= :hi)",
                hi=t["hi"],
            ),
            "deposited": self.one(
                "SELECT COUNT(*) FROM key_deposit WHERE deposited_at >= :lo AND deposited_at < :hi",
                **t,
            ),
            "loans": self.one(
                "SELECT COUNT(*) FROM key_loan WHERE lent_at >= :lo AND lent_at < :hi", **t
            ),
            "returned_keys": self.one(
                "SELECT COUNT(*) FROM key_loan WHERE returned_at >= :lo AND returned_at < :hi", **t
            ),
            "late": self.one(
                "SELECT COUNT(*) FROM key_loan WHERE due_at >= :lo AND due_at < :hi"
                " AND (returned_at IS NULL OR returned_at > due_at)",
                **t,
            ),
        }

    # --- fees ------------------------------------------------------------------------

    def billed_by_building(self, period: str) -> dict[str, tuple[int, int]]:
        out: dict[str, tuple[int, int]] = {}
        for name, billed, paid in self.s.execute(
            text(
                "SELECT b.name, SUM(l.amount_fen), SUM(l.paid_fen) FROM bill_line l"
                " JOIN unit u ON u.id = l.unit_id JOIN building b ON b.id = u.building_id"
                " WHERE l.period = :p GROUP BY b.name"
            ),
            {"p": period},
        ):
            out[name] = (int(billed), int(paid))
        return out

    def payments(self, period: str) -> tuple[int, int]:
        first, last, _, _ = bounds(period)
        n, total = self.s.execute(
            text(
                "SELECT COUNT(*), COALESCE(SUM(amount_fen), 0) FROM payment"
                " WHERE paid_on BETWEEN :a AND :b AND NOT voided"
            ),
            {"a": first, "b": last},
        ).one()
        return int(n), int(total)

    def ageing(self, as_of: date) -> tuple[int, int, int, int, int]:
        """Four buckets by days past due (≤30, 31–90, 91–180, >180) and the number of units."""
        owed = "amount_fen - paid_fen - waived_fen"
        base = "FROM bill_line WHERE NOT settled AND due_date <= :d"
        edges = [
            (as_of - timedelta(days=30), None),
            (as_of - timedelta(days=90), as_of - timedelta(days=30)),
            (as_of - timedelta(days=180), as_of - timedelta(days=90)),
            (None, as_of - timedelta(days=180)),
        ]
        out = []
        for lo, hi in edges:
            sql = f"SELECT COALESCE(SUM({owed}), 0) {base}"
            params: dict[str, Any] = {"d": as_of}
            if lo is not None:
                sql += " AND due_date >= :lo"
                params["lo"] = lo
            if hi is not None:
                sql += " AND due_date < :hi"
                params["hi"] = hi
            out.append(int(self.one(sql, **params)))
        units = int(self.one(f"SELECT COUNT(DISTINCT unit_id) {base}", d=as_of))
        return (*out, units)  # type: ignore[return-value]
