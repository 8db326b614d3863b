from __future__ import annotations

import io
from datetime import date, datetime
from typing import Any

from pypdf import PdfReader

from propdesk.registry.ledger import LedgerLine
from reports.pdf.owner_ledger import owner_ledger_pdf, totals


def _line(code: str, name: str = "", status: str = "occupied", **kw: Any) -> LedgerLine:
    b, e, r = code.split("-")
    return LedgerLine(
        unit_code=code, building_code=b, building_name=f"{b}栋", entrance=int(e),
        floor=int(r[:-2]), room=r, area_centi=kw.pop("area_centi", 10000), unit_type="residence",
        status=status, unit_notes="", person_name=name, **kw,
    )  # fmt: skip


LINES = [
    _line("3-1-0101", "张三", role="owner", phone="138****5678", start_date=date(2020, 5, 1)),
    _line("3-1-0101", "李梅", role="family"),
    _line("3-1-0102", status="vacant", area_centi=8956),
    _line("3-1-0201", "欧阳娜娜", status="rented", role="tenant", phone="139****1111"),
]


def _fonts(page: Any) -> list[Any]:
    return [f.get_object() for f in page["/Resources"]["/Font"].values()]


def _embedded_file(font: Any) -> Any:
    descriptor = font.get("/FontDescriptor")
    if descriptor is None and "/DescendantFonts" in font:
        descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
    return None if descriptor is None else descriptor.get_object().get("/FontFile2")


def test_totals_count_each_unit_once() -> None:
    t = totals(LINES)
    assert (t.units, t.occupied, t.vacant, t.area_centi) == (3, 2, 1, 28956)
    assert t.text() == "共 3 套，已入住 2 套，空置 1 套，总建筑面积 289.56 m²"


def test_ledger_pdf_text_and_embedded_font() -> None:
    pdf = owner_ledger_pdf(
        LINES,
        estate_name="翠湖花园",
        building_name="3栋",
        printed_by="王小明",
        printed_at=datetime(2026, 6, 1, 9, 30),
    )
    reader = PdfReader(io.BytesIO(pdf))
    text = "".join(p.extract_text() for p in reader.pages)
    for expected in ("翠湖花园", "业主台账", "3-1-0101", "张三", "李梅", "欧阳娜娜", "业主",
                     "家属", "租户", "138****5678", "2020-05-01", "空置", "打印人：王小明",
                     "总建筑面积 289.56"):  # fmt: skip
        assert expected in text, expected
    assert "13812345678" not in text
    page = reader.pages[0]
    embedded = [f for f in _fonts(page) if "WenQuanYi" in str(f.get("/BaseFont"))]
    assert embedded, "the CJK font is used on the page"
    assert all(_embedded_file(f) is not None for f in embedded), "and embedded as FontFile2"


def test_area_and_status_only_on_first_line_of_a_unit() -> None:
    pdf = owner_ledger_pdf(LINES, estate_name="翠湖花园", building_name="3栋")
    text = PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    assert text.count("3-1-0101") == 2  # repeated (in grey) on 李梅's line
    assert text.count("100.00") == 2  # 3-1-0101 and 3-1-0201 once each
    assert text.count("自住") == 1


def test_many_units_flow_over_pages_with_header_repeated() -> None:
    lines = [_line(f"3-1-{f:02d}{r:02d}", f"住户{f}{r}", role="owner")
             for f in range(1, 31) for r in range(1, 5)]  # fmt: skip
    reader = PdfReader(
        io.BytesIO(owner_ledger_pdf(lines, estate_name="翠湖花园", building_name="3栋"))
    )
    assert len(reader.pages) >= 3
    last = reader.pages[-1].extract_text()
    assert "业主/住户" in last  # the header row repeats
    assert f"第 {len(reader.pages)} / {len(reader.pages)} 页" in last


def test_empty_building() -> None:
    text = (
        PdfReader(io.BytesIO(owner_ledger_pdf([], estate_name="翠湖花园", building_name="9栋")))
        .pages[0]
        .extract_text()
    )
    assert "尚未登记房屋" in text
    assert "共 0 套" in text
