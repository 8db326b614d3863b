"""The shared input checks: trimmed text with a limit, amounts in integer fen."""

from __future__ import annotations

import pytest

from propdesk.errors import ValidationError
from propdesk.validate import (
    MAX_AMOUNT_FEN,
    TEXT_LIMIT,
    clean_column,
    clean_text,
    column_limit,
    fen_amount,
)


def test_clean_text_strips_and_allows_empty_when_optional() -> None:
    assert clean_text("  张三 ", "name", 10) == "张三"
    assert clean_text(None, "name", 10) == ""


def test_clean_text_refuses_empty_when_required_with_the_given_message() -> None:
    with pytest.raises(ValidationError) as err:
        clean_text("   ", "name", 10, "请填写姓名。")
    assert (err.value.field, err.value.message) == ("name", "请填写姓名。")


def test_clean_text_refuses_too_long() -> None:
    assert clean_text("一二三", "note", 3) == "一二三"
    with pytest.raises(ValidationError) as err:
        clean_text("一二三四", "note", 3)
    assert err.value.message == "不能超过 3 个字。"
    with pytest.raises(ValidationError) as err:
        clean_text("一二三四", "note", 3, label="备注")
    assert err.value.message == "备注不能超过 3 个字。"


def test_clean_text_refuses_nul_bytes() -> None:
    with pytest.raises(ValidationError) as err:
        clean_text("张\x00三", "name", 10, label="姓名")
    assert err.value.field == "name"
    assert "空字符" in err.value.message


def test_clean_column_takes_the_length_of_the_column() -> None:
    from propdesk.registry.models import Building, Unit

    assert column_limit(Building.name) == 50
    assert column_limit(Unit.notes) == TEXT_LIMIT
    assert clean_column(" 一号楼 ", Building.name) == "一号楼"
    with pytest.raises(ValidationError) as err:
        clean_column("楼" * 51, Building.name, label="楼栋名称")
    assert (err.value.field, err.value.message) == ("name", "楼栋名称不能超过 50 个字。")


@pytest.mark.parametrize("bad", [True, 1.5, "100", None, -1])
def test_fen_amount_refuses_non_integers_and_negatives(bad: object) -> None:
    with pytest.raises(ValidationError) as err:
        fen_amount(bad, "deposit_fen", "押金")
    assert err.value.field == "deposit_fen"
    assert err.value.message.startswith("押金金额")


def test_fen_amount_bounds() -> None:
    assert fen_amount(0, "f", "押金") == 0
    assert fen_amount(MAX_AMOUNT_FEN, "f", "押金") == MAX_AMOUNT_FEN
    with pytest.raises(ValidationError, match="必须大于 0"):
        fen_amount(0, "f", "押金", allow_zero=False)
    with pytest.raises(ValidationError, match="过大"):
        fen_amount(MAX_AMOUNT_FEN + 1, "f", "押金")
