"""The shared input checks: trimmed text with a limit, amounts in integer fen."""

from __future__ import annotations

import pytest

from propdesk.errors import ValidationError
from propdesk.validate import MAX_AMOUNT_FEN, clean_text, fen_amount


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
    assert err.value.message == "不能超过3个字。"


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
