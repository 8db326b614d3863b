"""Archive services on SQLite and PostgreSQL: filing, scans, expiry, location, loans, printing."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from propdesk import clock
from propdesk.archive import queries as q
from propdesk.archive import services as svc
from propdesk.archive.models import ArchiveDocument, ArchiveFile, ArchiveKind, ArchiveLoan
from propdesk.archive.values import DEFAULT_KINDS, MAX_SCAN_BYTES, DocState
from propdesk.db.engine import Database
from propdesk.errors import Conflict, ValidationError
from propdesk.registry import services as reg
from tests.propdesk.archive.helpers import CLERK, MANAGER, Estate, kind_id, scan_file


def _count(db: Database, model: type[object]) -> int:
    with db.begin(CLERK) as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def test_default_checklist_is_seeded(db: Database) -> None:
    with db.begin(CLERK) as s:
        svc.ensure_defaults(s)  # PostgreSQL tests start from emptied tables
        svc.ensure_defaults(s)  # twice changes nothing
    with db.begin(CLERK) as s:
        kinds = q.list_kinds(s)
    names = {k.name for k in kinds}
    assert {"房屋交接单", "业主身份证复印件", "购房合同/产权证明", "装修申请表"} <= names
    assert {"装修押金收据", "迁出结算单"} <= names
    assert {k.stage for k in kinds} == {"movein", "renovation", "moveout", "other"}
    assert {k.code for k in kinds if k.code} >= {"receipt", "letter", "renovation_permit"}
    assert len(kinds) == len(DEFAULT_KINDS)


def test_manager_defines_a_kind_and_duplicate_name_refused(db: Database) -> None:
    with db.begin(MANAGER) as s:
        kid = svc.save_kind(
            s,
            None,
            name="车位租赁合同",
            stage="movein",
            scope="household",
            required=False,
            validity_months=12,
        )
    with db.begin(CLERK) as s:
        row = next(k for k in q.list_kinds(s) if k.id == kid)
    assert (row.stage, row.scope, row.required, row.validity_months) == (
        "movein",
        "household",
        False,
        12,
    )
    with pytest.raises(ValidationError) as exc, db.begin(MANAGER) as s:
        svc.save_kind(
            s,
            None,
            name="车位租赁合同",
            stage="movein",
            scope="unit",
            required=True,
            validity_months=None,
        )
    assert exc.value.field == "name"
    with pytest.raises(ValidationError) as exc, db.begin(MANAGER) as s:
        svc.save_kind(
            s,
            None,
            name="某资料",
            stage="movein",
            scope="unit",
            required=True,
            validity_months=0,
        )
    assert exc.value.field == "validity_months"


def test_add_document_with_scan_and_expiry_from_validity(
    db: Database, estate: Estate, tmp_path: Path
) -> None:
    path = scan_file(tmp_path, "租赁合同.pdf")
    with db.begin(CLERK) as s:
        year = clock.today(s).year - 1  # 31 January of last year: always in the past
        kid = kind_id(s, "租赁合同")  # household, 12 months
        did = svc.add_document(
            s,
            kind_id=kid,
            unit_id=estate.units[0],
            occupancy_id=estate.occupancy,
            doc_date=date(year, 1, 31),
            scan_path=path,
            cabinet="A3",
            box="12",
        )
    with db.begin(CLERK) as s:
        doc = next(d for d in q.unit_documents(s, estate.units[0]) if d.id == did)
        name, data = svc.open_scan(s, did)
    assert doc.scope == "household"
    assert doc.expires_on == date(year + 1, 1, 31)
    assert (doc.cabinet, doc.box, doc.file_name) == ("A3", "12", "租赁合同.pdf")
    assert (name, data) == ("租赁合同.pdf", path.read_bytes())


def test_same_scan_stored_once(db: Database, estate: Estate, tmp_path: Path) -> None:
    path = scan_file(tmp_path)
    with db.begin(CLERK) as s:
        kid = kind_id(s, "房屋交接单")
        for unit in estate.units[:2]:
            svc.add_document(s, kind_id=kid, unit_id=unit, scan_path=path)
    assert _count(db, ArchiveDocument) == 2
    assert _count(db, ArchiveFile) == 1


def test_bad_scan_refused_and_nothing_saved(db: Database, estate: Estate, tmp_path: Path) -> None:
    big = tmp_path / "big.pdf"
    big.write_bytes(b"%PDF-1.4")  # a real PDF's start, but too big
    with big.open("r+b") as fh:
        fh.truncate(MAX_SCAN_BYTES + 1)
    fake = tmp_path / "fake_scan.pdf"
    fake.write_bytes(b"not a scan")  # 10 bytes of text named .pdf
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    folder = tmp_path / "扫描件"
    folder.mkdir()
    for bad, words in (
        (tmp_path / "nothing.pdf", "找不到文件"),
        (folder, "是文件夹，不是文件"),
        (big, "扫描件太大"),
        (fake, "“fake_scan.pdf”不是扫描件"),
        (empty, "空文件"),
    ):
        with pytest.raises(ValidationError) as exc, db.begin(CLERK) as s:
            svc.add_document(
                s,
                kind_id=kind_id(s, "房屋交接单"),
                unit_id=estate.units[0],
                scan_path=bad,
                cabinet="A1",
            )
        assert exc.value.field == "scan"
        assert words in str(exc.value)
    assert _count(db, ArchiveDocument) == 0
    assert _count(db, ArchiveFile) == 0


def test_scan_checked_by_content_not_name(db: Database, estate: Estate, tmp_path: Path) -> None:
    """PDF, JPEG, PNG and TIFF are taken by their first bytes; a real scan whose name has the
    wrong (or no) extension is kept under a name with the right one; replacing a document's
    scan with a file that is not one is refused and the old scan stays."""
    contents = {
        "a.pdf": b"%PDF-1.7\n" + bytes(20),
        "b.JPG": b"\xff\xd8\xff\xe0" + bytes(20),
        "c.png": b"\x89PNG\r\n\x1a\n" + bytes(20),
        "d.tif": b"II*\x00" + bytes(20),
        "e.tiff": b"MM\x00*" + bytes(20),
        "photo.pdf": b"\xff\xd8\xff\xe1" + bytes(20),  # a JPEG named .pdf
        "扫描001": b"%PDF-1.4\n" + bytes(20),  # no extension
    }
    ids = {}
    with db.begin(CLERK) as s:
        kid = kind_id(s, "房屋交接单")
        for name, data in contents.items():
            (tmp_path / name).write_bytes(data)
            ids[name] = svc.add_document(
                s, kind_id=kid, unit_id=estate.units[0], scan_path=tmp_path / name
            )
    with db.begin(CLERK) as s:
        names = {name: svc.open_scan(s, did) for name, did in ids.items()}
    assert {n: stored for n, (stored, _data) in names.items()} == {
        "a.pdf": "a.pdf",
        "b.JPG": "b.JPG",
        "c.png": "c.png",
        "d.tif": "d.tif",
        "e.tiff": "e.tiff",
        "photo.pdf": "photo.jpg",
        "扫描001": "扫描001.pdf",
    }
    assert all(names[n][1] == data for n, data in contents.items())

    fake = tmp_path / "fake_scan.pdf"
    fake.write_bytes(b"hello\nworld")
    with pytest.raises(ValidationError) as exc, db.begin(CLERK) as s:
        svc.attach_scan(s, ids["a.pdf"], fake)
    assert exc.value.field == "scan"
    assert "不是扫描件" in str(exc.value)
    with db.begin(CLERK) as s:
        assert svc.open_scan(s, ids["a.pdf"]) == ("a.pdf", contents["a.pdf"])
    assert _count(db, ArchiveFile) == len(contents)


def test_future_date_and_expiry_before_date_refused(db: Database, estate: Estate) -> None:
    with db.begin(CLERK) as s:
        today = clock.today(s)
    with pytest.raises(ValidationError) as exc, db.begin(CLERK) as s:
        svc.add_document(
            s,
            kind_id=kind_id(s, "房屋交接单"),
            unit_id=estate.units[0],
            doc_date=today + timedelta(days=1),
        )
    assert exc.value.field == "doc_date"
    with pytest.raises(ValidationError) as exc, db.begin(CLERK) as s:
        svc.add_document(
            s,
            kind_id=kind_id(s, "房屋交接单"),
            unit_id=estate.units[0],
            doc_date=today,
            expires_on=today - timedelta(days=1),
        )
    assert exc.value.field == "expires_on"
    assert _count(db, ArchiveDocument) == 0


def test_household_papers_leave_with_it_unit_papers_stay(db: Database, estate: Estate) -> None:
    unit = estate.units[0]
    with db.begin(CLERK) as s:
        svc.add_document(s, kind_id=kind_id(s, "房屋交接单"), unit_id=unit)
        svc.add_document(s, kind_id=kind_id(s, "入住登记表"), occupancy_id=estate.occupancy)
        svc.add_document(s, kind_id=kind_id(s, "业主身份证复印件"), person_id=estate.zhang)
    with db.begin(CLERK) as s:
        assert {d.kind_name for d in q.unit_documents(s, unit)} == {
            "房屋交接单",
            "入住登记表",
            "业主身份证复印件",
        }
    with db.begin(MANAGER) as s:
        reg.end_occupancy(s, estate.occupancy, end_date=clock.today(s), reason="出售")
    with db.begin(CLERK) as s:
        assert [d.kind_name for d in q.unit_documents(s, unit)] == ["房屋交接单"]
        assert q.applicable_stages(s, unit) == frozenset()


def test_checklist_states_present_missing_expired(db: Database, estate: Estate) -> None:
    unit = estate.units[0]
    with db.begin(CLERK) as s:
        today = clock.today(s)
        svc.add_document(s, kind_id=kind_id(s, "房屋交接单"), unit_id=unit)
        svc.add_document(
            s,
            kind_id=kind_id(s, "购房合同/产权证明"),
            unit_id=unit,
            doc_date=today - timedelta(days=400),
            expires_on=today - timedelta(days=1),
        )
        # expiring today still counts
        svc.add_document(
            s,
            kind_id=kind_id(s, "入住登记表"),
            occupancy_id=estate.occupancy,
            doc_date=today - timedelta(days=10),
            expires_on=today,
        )
    with db.begin(CLERK) as s:
        lines = {ln.kind_name: ln for ln in q.unit_checklist(s, unit)}
        summary = q.unit_summary(s, unit)
    assert lines["房屋交接单"].state == DocState.PRESENT
    assert lines["购房合同/产权证明"].state == DocState.EXPIRED
    assert lines["入住登记表"].state == DocState.PRESENT
    assert lines["业主身份证复印件"].state == DocState.MISSING
    assert summary.present == 2
    assert summary.expired == ("购房合同/产权证明",)
    assert summary.missing == ("业主身份证复印件",)


def test_location_and_loan_log(db: Database, estate: Estate) -> None:
    with db.begin(CLERK) as s:
        did = svc.add_document(s, kind_id=kind_id(s, "房屋交接单"), unit_id=estate.units[0])
        svc.set_location(s, did, cabinet="B2", box="07")
        due = clock.today(s) + timedelta(days=3)
        svc.lend_paper(s, did, borrower="工程部 刘工", due_on=due, purpose="核对面积")
    with pytest.raises(Conflict) as exc, db.begin(CLERK) as s:
        svc.lend_paper(s, did, borrower="张三", due_on=due)
    assert "已借出" in str(exc.value)
    assert "刘工" in str(exc.value)
    assert _count(db, ArchiveLoan) == 1
    with db.begin(CLERK) as s:
        doc = next(d for d in q.unit_documents(s, estate.units[0]) if d.id == did)
        assert (doc.cabinet, doc.box, doc.on_loan, doc.borrower) == (
            "B2",
            "07",
            True,
            "工程部 刘工",
        )
        svc.return_paper(s, did)
    with pytest.raises(Conflict), db.begin(CLERK) as s:
        svc.return_paper(s, did)
    with db.begin(CLERK) as s:
        (loan,) = q.loans(s, did)
        assert loan.returned_at is not None
        assert loan.returned_to == "王前台"
        assert loan.lent_by == "王前台"
        svc.lend_paper(s, did, borrower="张三", due_on=due)  # out again after the return
    with pytest.raises(ValidationError) as exc2, db.begin(CLERK) as s:
        svc.lend_paper(s, did, borrower="", due_on=due)
    assert exc2.value.field == "borrower"


def test_file_printed_stores_the_pdf_once_per_batch(db: Database, estate: Estate) -> None:
    pdf = b"%PDF-1.4 letters"
    with db.begin(CLERK) as s:
        ids = svc.file_printed_batch(s, estate.units, "letter", "催缴函 2026-06", pdf)
        one = svc.file_printed(s, estate.units[0], "receipt", "收据 SJ0001", b"%PDF receipt")
        none = svc.file_printed(s, estate.units[0], "no_such_kind", "x", b"x")
    assert len(ids) == 3
    assert one is not None
    assert none is None
    assert _count(db, ArchiveFile) == 2
    with db.begin(CLERK) as s:
        docs = q.unit_documents(s, estate.units[1])
        assert [(d.title, d.source) for d in docs] == [("催缴函 2026-06", "printed")]
        assert svc.open_scan(s, docs[0].id)[1] == pdf


def test_inactive_kind_cannot_be_filed(db: Database, estate: Estate) -> None:
    with db.begin(MANAGER) as s:
        kid = kind_id(s, "钥匙交还单")
        k = s.get(ArchiveKind, kid)
        assert k is not None
        svc.save_kind(
            s,
            kid,
            name=k.name,
            stage=k.stage,
            scope=k.scope,
            required=k.required,
            validity_months=None,
            active=False,
            version=k.version,
        )
    with pytest.raises(ValidationError) as exc, db.begin(CLERK) as s:
        svc.add_document(s, kind_id=kid, unit_id=estate.units[0])
    assert exc.value.field == "kind"


def test_add_months_month_end() -> None:
    assert svc.add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert svc.add_months(date(2028, 2, 29), 12) == date(2029, 2, 28)
    assert svc.add_months(date(2026, 12, 15), 6) == date(2027, 6, 15)


def test_opening_an_id_copy_needs_full_id_and_is_audited(
    db: Database, estate: Estate, tmp_path: Path
) -> None:
    from propdesk.audit.models import AuditEntry
    from propdesk.errors import NotAllowed

    path = scan_file(tmp_path, "身份证.pdf")
    unit_scan = scan_file(tmp_path, "交接单.pdf", size=10)
    with db.begin(CLERK) as s:
        id_copy = svc.add_document(
            s, kind_id=kind_id(s, "业主身份证复印件"), person_id=estate.zhang, scan_path=path
        )
        handover = svc.add_document(
            s, kind_id=kind_id(s, "房屋交接单"), unit_id=estate.units[0], scan_path=unit_scan
        )
        assert svc.open_scan(s, handover)[0] == "交接单.pdf"  # the unit's papers: any clerk
    with pytest.raises(NotAllowed), db.begin(CLERK) as s:
        svc.open_scan(s, id_copy)

    def exports() -> int:
        with db.begin(MANAGER) as s:
            return int(
                s.scalar(select(func.count(AuditEntry.id)).where(AuditEntry.action == "export"))
                or 0
            )

    before = exports()
    with db.begin(MANAGER) as s:
        assert svc.open_scan(s, id_copy) == ("身份证.pdf", path.read_bytes())
    assert exports() == before + 1
