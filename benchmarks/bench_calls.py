"""The call desk: knowledge-base search, the call list and identifying a caller by 4 digits,
each against raw sqlite3 running the same SQL.

    python benchmarks/bench_calls.py [--entries 5000] [--calls 200000] [--people 100000]
                                     [--repeat 11] [--keep FILE]

- knowledge base: ``propdesk.calls.kb.search`` for every keystroke of typical queries
  (Chinese words → bigrams, pinyin initials) over ``--entries`` entries. Target < 30 ms.
- call list: ``ui.calls.call_list.CallListModel`` (SqlTableModel, batches of 200) over
  ``--calls`` calls: the first batch, then each filter change (last 4 digits, topic, words,
  unit prefix) up to the first batch shown; one ``fetchMore``. Target: a filter < 100 ms.
- identify: ``propdesk.calls.identify.identify`` by the last 4 digits and by the whole
  number among ``--people`` people (the registry's phone lookup). Target < 30 ms.

Raw: the SQL statements each call sent (captured from the engine), replayed on a plain
sqlite3 connection. ``--keep FILE`` keeps (and reuses) the database.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from _common import captured_sql, fresh_database, median_seconds, raw_connection, replay
from sqlalchemy import func, insert, select

from propdesk import clock
from propdesk.auth.actor import Actor
from propdesk.calls import identify, kb
from propdesk.calls.models import CallRecord, KbEntry, KbTerm
from propdesk.calls.starter import STARTER_KB
from propdesk.calls.textkeys import search_key
from propdesk.db.engine import Database, open_database
from propdesk.registry.models import Building, Estate, Occupancy, Person, Unit

KB_TARGET_MS = 30.0
LIST_TARGET_MS = 100.0
IDENTIFY_TARGET_MS = 30.0
KB_QUERIES = (
    "装",
    "装修",
    "装修时",
    "装修时间",
    "z",
    "zx",
    "zxsj",
    "快递放几天",
    "停车 月卡",
    "楼上噪音",
)
WORDS = [
    "电梯",
    "门禁",
    "车位",
    "绿化",
    "垃圾",
    "物业费",
    "发票",
    "水费",
    "电费",
    "燃气",
    "宽带",
    "监控",
    "消防",
    "外墙",
    "屋顶",
    "漏水",
    "噪音",
    "宠物",
    "快递",
    "钥匙",
    "租户",
    "装修",
    "押金",
    "验收",
]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = "伟芳娜敏静强磊洋艳勇军杰娟涛明超秀霞平刚"


def _people_rows(rng: random.Random, n: int) -> list[dict[str, Any]]:
    try:
        from propdesk.pii.index import with_person_lookup  # encrypted phones: lookup columns
    except ImportError:
        with_person_lookup = None  # type: ignore[assignment]
    now = clock.now()
    rows = []
    seen: set[str] = set()
    while len(rows) < n:
        phone = f"1{rng.choice('3578')}{rng.randrange(10**9):09d}"
        if phone in seen:
            continue
        seen.add(phone)
        row: dict[str, Any] = {
            "name": rng.choice(SURNAMES) + "".join(rng.choices(GIVEN, k=rng.choice((1, 2)))),
            "name_initials": "",
            "name_pinyin": "",
            "phone": phone,
            "phone2": "",
            "id_number": None,
            "emergency_contact": "",
            "emergency_phone": "",
            "notes": "",
            "created_at": now,
            "updated_at": now,
        }
        rows.append(with_person_lookup(row) if with_person_lookup else row)
    return rows


def build(path: Path, people: int, calls: int, entries: int) -> Database:
    if path.exists():
        return open_database(f"sqlite:///{path}")
    db = fresh_database(path)
    rng = random.Random(17)
    t0 = time.perf_counter()
    now = clock.now()
    with db.begin(Actor.system()) as s:
        s.add(Estate(name="翠湖花园"))
        s.flush()
        estate_id = s.scalar(select(Estate.id))
        s.add(Building(estate_id=estate_id, code="1", name="", floors=30, entrances=4))
        s.flush()
        building_id = s.scalar(select(Building.id))
        units = max(1, people // 3)
        s.execute(
            insert(Unit),
            [
                {
                    "estate_id": estate_id,
                    "building_id": building_id,
                    "code": f"1-{i % 4 + 1}-{i // 4:05d}",
                    "entrance": i % 4 + 1,
                    "floor": 1,
                    "room": f"{i // 4:05d}",
                    "area_centi": 9000,
                    "created_at": now,
                    "updated_at": now,
                }
                for i in range(units)
            ],
        )
        s.execute(insert(Person), _people_rows(rng, people))
        unit_ids = list(s.scalars(select(Unit.id).order_by(Unit.id)))
        person_ids = list(s.scalars(select(Person.id).order_by(Person.id)))
        s.execute(
            insert(Occupancy),
            [
                {
                    "person_id": pid,
                    "unit_id": unit_ids[n % len(unit_ids)],
                    "role": ("owner", "family", "tenant")[n % 3],
                    "start_date": date(2020, 1, 1),
                    "end_reason": "",
                }
                for n, pid in enumerate(person_ids)
            ],
        )
        kb_rows = []
        for i in range(entries):
            category, question, answer, tags, tc = STARTER_KB[i % len(STARTER_KB)]
            extra = "".join(rng.sample(WORDS, 3))
            q = f"{question}（{extra}{i}）"
            kb_rows.append(
                {
                    "question": q[:200],
                    "answer": answer,
                    "category": category,
                    "tags": tags,
                    "ticket_categories": tc,
                    "owner_name": "王芳",
                    "active": True,
                    "search_key": search_key(q, tags, category, tc, answer),
                    "created_at": now,
                    "updated_at": now,
                }
            )
        s.execute(insert(KbEntry), kb_rows)
        terms = []
        for entry_id, q, tags, category, tc, answer in s.execute(
            select(
                KbEntry.id,
                KbEntry.question,
                KbEntry.tags,
                KbEntry.category,
                KbEntry.ticket_categories,
                KbEntry.answer,
            )
        ):
            terms += [
                {"term": t, "entry_id": entry_id}
                for t in sorted(kb.entry_terms(q, tags, category, tc, answer))
            ]
        s.execute(insert(KbTerm), terms)
        topics = ("consultation", "repair", "complaint", "suggestion", "praise", "other")
        start = now - timedelta(days=365 * 3)
        batch: list[dict[str, Any]] = []
        for n in range(calls):
            number = f"1{rng.choice('3578')}{rng.randrange(10**9):09d}"
            at = start + timedelta(seconds=rng.randrange(365 * 3 * 86400))
            batch.append(
                {
                    "direction": "in" if n % 7 else "out",
                    "state": "logged",
                    "at": at,
                    "number": number,
                    "number_tail": number[-4:],
                    "unit_id": unit_ids[n % len(unit_ids)] if n % 9 else None,
                    "caller_name": rng.choice(SURNAMES) + rng.choice(GIVEN),
                    "topic": topics[n % 6],
                    "summary": "".join(rng.sample(WORDS, 4)),
                    "outcome": "answered",
                    "transfer_to": "",
                    "transfer_ext": "",
                    "clerk_name": "李娜",
                    "created_at": at,
                }
            )
            if len(batch) == 20_000:
                s.execute(insert(CallRecord), batch)
                batch = []
        if batch:
            s.execute(insert(CallRecord), batch)
    print(
        f"built: {people:,} people, {calls:,} calls, {entries:,} entries "
        f"in {time.perf_counter() - t0:.1f} s"
    )
    return db


def _timed(db: Database, raw: Any, fn: Any, repeat: int) -> tuple[float, float]:
    fn()  # warm the statement cache and the pages
    with captured_sql(db.engine) as statements:
        fn()
    ours = median_seconds(fn, repeat)
    theirs = median_seconds(lambda: replay(raw, statements), repeat)
    return ours, theirs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--entries", type=int, default=5_000)
    parser.add_argument("--calls", type=int, default=200_000)
    parser.add_argument("--people", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=11)
    parser.add_argument("--keep", type=Path, help="database file to keep and reuse")
    parser.add_argument("--smoke", action="store_true", help="the smallest configuration, once")
    args = parser.parse_args(argv)
    if args.smoke:
        args.entries, args.calls, args.people, args.repeat = 50, 500, 300, 1

    from PySide6.QtCore import QCoreApplication

    from propdesk.calls.queries import call_filter
    from ui.calls.call_list import CallListModel
    from ui.context import AppContext
    from ui.events import ChangeHub
    from ui.worker import InlineExecutor

    app = QCoreApplication.instance() or QCoreApplication([])
    with tempfile.TemporaryDirectory(prefix="propdesk-bench-") as tmp:
        path = args.keep or Path(tmp) / "calls.sqlite3"
        db = build(path, args.people, args.calls, args.entries)
        raw = raw_connection(path)
        actor = Actor.system()
        verdicts: list[str] = []

        def session_run(fn: Any) -> Any:
            def run() -> Any:
                with db.session_factory() as s:
                    s.info["actor"] = actor
                    return fn(s)

            return run

        print(f"\nknowledge-base search over {args.entries:,} entries, median of {args.repeat}")
        worst = 0.0
        for q in KB_QUERIES:
            ours, theirs = _timed(db, raw, session_run(lambda s, q=q: kb.search(s, q)), args.repeat)
            hits = len(session_run(lambda s, q=q: kb.search(s, q))())
            worst = max(worst, ours)
            print(
                f"  {q:<8} {hits:>3} hits {ours * 1000:8.2f} ms  raw {theirs * 1000:8.2f} ms  {ours / theirs:5.1f}x"
            )
        verdicts.append(
            f"KB keystroke {worst * 1000:.1f} ms (< {KB_TARGET_MS:.0f}): "
            + ("met" if worst * 1000 < KB_TARGET_MS else "MISSED")
        )

        with db.session_factory() as s:
            tails = [r[0] for r in s.execute(select(CallRecord.number_tail).limit(3))]
            total_calls = s.scalar(select(func.count(CallRecord.id))) or 0
        ctx = AppContext(
            db=db, actor=actor, settings=None, executor=InlineExecutor(), hub=ChangeHub()
        )  # type: ignore[arg-type]
        model = CallListModel(ctx=ctx)
        print(f"\ncall list over {total_calls:,} calls, median of {args.repeat}")
        filters = [
            ("first batch", call_filter()),
            ("tail " + tails[0], call_filter(tails[0])),
            ("topic complaint", call_filter("", "complaint")),
            ("words 漏水", call_filter("漏水")),
            ("unit 1-2-", call_filter("1-2-")),
            ("outgoing", call_filter("", "", "out")),
        ]
        worst = 0.0
        for label, cond in filters:
            ours, theirs = _timed(db, raw, lambda c=cond: model.set_filter(c), args.repeat)
            worst = max(worst, ours)
            print(
                f"  {label:<16} {model.rowCount():>4} rows {ours * 1000:8.2f} ms  raw {theirs * 1000:8.2f} ms  {ours / theirs:5.1f}x"
            )
        model.set_filter(call_filter())
        t0 = time.perf_counter()
        model.fetchMore()
        print(f"  fetchMore (rows 201-400) {(time.perf_counter() - t0) * 1000:.2f} ms")
        verdicts.append(
            f"call list filter {worst * 1000:.1f} ms (< {LIST_TARGET_MS:.0f}): "
            + ("met" if worst * 1000 < LIST_TARGET_MS else "MISSED")
        )

        with db.session_factory() as s:
            some = list(s.scalars(select(Person.phone).limit(5)))
            people = s.scalar(select(func.count(Person.id))) or 0
        print(f"\nidentify a caller among {people:,} people, median of {args.repeat}")
        worst = 0.0
        for q in [p[-4:] for p in some[:3]] + some[:2]:
            ours, theirs = _timed(
                db, raw, session_run(lambda s, q=q: identify.identify(s, q)), args.repeat
            )
            hits = len(session_run(lambda s, q=q: identify.identify(s, q))())
            worst = max(worst, ours)
            print(
                f"  {q:<12} {hits:>3} households {ours * 1000:8.2f} ms  raw {theirs * 1000:8.2f} ms  {ours / theirs:5.1f}x"
            )
        verdicts.append(
            f"identify {worst * 1000:.1f} ms (< {IDENTIFY_TARGET_MS:.0f}): "
            + ("met" if worst * 1000 < IDENTIFY_TARGET_MS else "MISSED")
        )
        raw.close()
        db.dispose()
    del app
    print("\n" + "\n".join(verdicts))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
