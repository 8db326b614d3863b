"""Numbers in any format, search keys (no database)."""

from __future__ import annotations

import pytest

from propdesk.calls.textkeys import bigrams, normalise_number, query_terms, same_number, search_key
from propdesk.errors import ValidationError


@pytest.mark.parametrize(
    ("raw", "digits"),
    [
        ("+86 138-1234-5678", "13812345678"),
        ("0086 13812345678", "13812345678"),
        ("8613812345678", "13812345678"),
        ("138 1234 5678", "13812345678"),
        ("(0755) 2688-1234", "075526881234"),
        ("0755-26881234-801", "075526881234"),
        ("+86 755 26881234", "075526881234"),
        ("5678", "5678"),
        ("", ""),
    ],
)
def test_numbers_are_normalised(raw: str, digits: str) -> None:
    assert normalise_number(raw) == digits


def test_text_is_not_a_number() -> None:
    with pytest.raises(ValidationError):
        normalise_number("张三")


def test_landline_without_area_code_matches() -> None:
    assert same_number("0755-26881234", "075526881234")
    assert same_number("26881234", "075526881234")
    assert not same_number("13812345678", "13912345678")


def test_search_key_and_terms() -> None:
    key = search_key("装修时间有什么规定")
    assert "zxsj" in key
    assert "zhuangxiu" in key
    assert bigrams("装修时间") == ["装修", "修时", "时间"]
    assert query_terms("装修 zx") == ["装修", "zx"]
