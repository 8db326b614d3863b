"""Owner ledger import of 5,000 rows vs openpyxl + sqlite3 alone doing the same inserts.

    python benchmarks/bench_import.py [--rows 5000] [--repeat 3]

Ours: :func:`reports.excel.owners.read_ledger` (openpyxl ``read_only``) and
:func:`propdesk.registry.ledger.import_ledger` (every row validated, then bulk
inserts of buildings, units, people with pinyin keys and occupancies in one
transaction) into a fresh, migrated SQLite file. Raw: openpyxl ``read_only``
iterating the same file, and sqlite3 ``executemany`` inserting the same units,
people and occupancies (no validation, no pinyin) into a copy of the same
empty database. Target: < 5 s for 5,000 rows; the ratio says what validation,
matching and the ORM cost on top of the libraries.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from datetime import UTC, date, datetime
from pathlib import Path

from _common import fresh_database, raw_connection
from openpyxl import Workbook, load_workbook

from propdesk.auth.actor import Actor
from propdesk.registry import services as reg
from propdesk.registry.ledger import HEADERS, import_ledger
from propdesk.registry.validation import id_check_char
from reports.excel.owners import SHEET, read_ledger

TARGET_S = 5.0
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英"


def make_rows(n: int) -> list[list[object]]:
    """``n`` ledger rows: units of 10 buildings × 2 entrances × 25 floors, an owner in each,
    and a family member on every fifth row's unit."""
    rows: list[list[object]] = []
    unit = 0
    while len(rows) < n:
        building, rest = divmod(unit, 500)
        entrance, rest = divmod(rest, 250)
        floor, room = divmod(rest, 10)
        code = (str(building + 1), entrance + 1, f"{floor + 1}{room + 1:02d}")
        seq = len(rows)
        first17 = f"{110101 + seq % 50:06d}{1950 + seq % 50}{seq % 12 + 1:02d}{seq % 28 + 1:02d}{seq % 1000:03d}"
        name = (
            SURNAMES[seq % len(SURNAMES)] + GIVEN[seq % len(GIVEN)] + GIVEN[(seq // 7) % len(GIVEN)]
        )
        rows.append(
            [*code, None, 80 + (unit % 60) + 0.25, "住宅", None, name, "业主",
             f"138{seq:08d}", first17 + id_check_char(first17), date(2015, 1 + seq % 12, 1), ""]
        )  # fmt: skip
        if seq % 5 == 0 and len(rows) < n:
            rows.append([*code, None, None, None, None, name + "家", "家属", "", "", None, ""])
        unit += 1
    return rows[:n]


def write_file(path: Path, rows: list[list[object]]) -> None:
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(SHEET)
    ws.append(list(HEADERS))
    for r in rows:
        ws.append(r)
    wb.save(path)


def ours(xlsx: Path, db_path: Path) -> tuple[float, float]:
    """(read seconds, validate + import seconds)."""
    database = fresh_database(db_path)
    with database.begin(Actor.system()) as s:
        reg.create_estate(s, name="基准小区")
    t0 = time.perf_counter()
    rows = read_ledger(xlsx)
    t1 = time.perf_counter()
    with database.begin(Actor.system()) as s:
        summary = import_ledger(s, rows)
    t2 = time.perf_counter()
    database.dispose()
    assert summary.rows == len(rows), summary
    return t1 - t0, t2 - t1


def raw(xlsx: Path, template_db: Path, db_path: Path) -> tuple[float, float]:
    """(read seconds, insert seconds)."""
    shutil.copy(template_db, db_path)
    conn = raw_connection(db_path)
    now = datetime.now(UTC).replace(tzinfo=None).isoformat(sep=" ")
    t0 = time.perf_counter()
    wb = load_workbook(xlsx, read_only=True)
    values = list(wb[SHEET].iter_rows(min_row=2, values_only=True))
    wb.close()
    t1 = time.perf_counter()
    units: dict[str, int] = {}
    unit_rows, person_rows, occ_rows = [], [], []
    buildings: dict[str, int] = {}
    for r in values:
        b, e, room = str(r[0]), int(r[1]), str(r[2])  # type: ignore[arg-type]
        bid = buildings.setdefault(b, len(buildings) + 1)
        code = f"{b}-{e}-{room}"
        if code not in units:
            units[code] = len(units) + 1
            unit_rows.append(
                (units[code], 1, bid, code, e, int(room[:-2]), room, int(float(r[4]) * 100),  # type: ignore[arg-type]
                 "residence", "occupied", "", 1, now, now)
            )  # fmt: skip
        pid = len(person_rows) + 1
        person_rows.append(
            (pid, r[7], "", "", r[9] or "", "", r[10] or None, "", "", "", 1, now, now)
        )
        start = r[11].date() if isinstance(r[11], datetime) else date.today()
        occ_rows.append(
            (pid, units[code], "owner" if r[8] == "业主" else "family", start.isoformat())
        )
    conn.execute("BEGIN")
    conn.executemany(
        "INSERT INTO building (id, estate_id, code, name, floors, entrances, has_elevator, "
        "sort_key, version, created_at, updated_at) VALUES (?, 1, ?, ?, 25, 2, 1, 0, 1, ?, ?)",
        [(bid, code, f"{code}栋", now, now) for code, bid in buildings.items()],
    )
    conn.executemany(
        "INSERT INTO unit (id, estate_id, building_id, code, entrance, floor, room, area_centi, "
        "unit_type, status, notes, version, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        unit_rows,
    )
    conn.executemany(
        "INSERT INTO person (id, name, name_initials, name_pinyin, phone, phone2, id_number, "
        "emergency_contact, emergency_phone, notes, version, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        person_rows,
    )
    conn.executemany(
        "INSERT INTO occupancy (person_id, unit_id, role, start_date, end_reason) "
        "VALUES (?, ?, ?, ?, '')",
        occ_rows,
    )
    conn.execute("COMMIT")
    t2 = time.perf_counter()
    conn.close()
    return t1 - t0, t2 - t1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--smoke", action="store_true", help="the smallest configuration, once (smoke test)"
    )
    args = parser.parse_args(argv)
    if args.smoke:
        args.rows = 50
        args.repeat = 1
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        xlsx = folder / "ledger.xlsx"
        write_file(xlsx, make_rows(args.rows))
        template = folder / "template.sqlite3"
        database = fresh_database(template)
        with database.begin(Actor.system()) as s:
            reg.create_estate(s, name="基准小区")
        with database.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        database.dispose()
        ours_t = [ours(xlsx, folder / f"ours{i}.sqlite3") for i in range(args.repeat)]
        raw_t = [raw(xlsx, template, folder / f"raw{i}.sqlite3") for i in range(args.repeat)]
    o = statistics.median(a + b for a, b in ours_t)
    r = statistics.median(a + b for a, b in raw_t)
    o_read, o_write = (statistics.median(x[i] for x in ours_t) for i in (0, 1))
    r_read, r_write = (statistics.median(x[i] for x in raw_t) for i in (0, 1))
    print(f"owner ledger import, {args.rows} rows (median of {args.repeat})")
    print(
        f"  PropDesk read_ledger + import_ledger : {o:6.2f} s  (read {o_read:.2f} + check/write {o_write:.2f})"
    )
    print(
        f"  openpyxl read_only + sqlite3 alone    : {r:6.2f} s  (read {r_read:.2f} + insert {r_write:.2f})"
    )
    print(
        f"  ratio {o / r:.1f}x   target < {TARGET_S:.0f} s: {'met' if o < TARGET_S else 'MISSED'}"
    )
    return 0 if o < TARGET_S or args.smoke else 1


if __name__ == "__main__":
    sys.exit(main())
