from __future__ import annotations

import pytest

from propdesk.errors import ValidationError
from propdesk.privacy import mask_id_number, mask_phone
from propdesk.registry import validation as v


def test_valid_id_number_accepted_and_uppercased() -> None:
    assert v.normalize_id_number("11010519491231002x") == "11010519491231002X"
    assert v.normalize_id_number("  ") is None


@pytest.mark.parametrize(
    ("value", "fragment"),
    [
        ("110105194912310021", "校验位"),
        ("11010519491331002X", "出生日期"),
        ("1101051949123100", "18位"),
        ("A1010519491231002X", "18位"),
    ],
)
def test_bad_id_numbers(value: str, fragment: str) -> None:
    with pytest.raises(ValidationError) as err:
        v.normalize_id_number(value)
    assert fragment in str(err.value)
    assert err.value.field == "id_number"


@pytest.mark.parametrize(
    "phone", ["13812345678", "+86 138 1234 5678", "0755-12345678", "02112345678"]
)
def test_good_phones(phone: str) -> None:
    assert v.normalize_phone(phone)


@pytest.mark.parametrize("phone", ["12345", "1381234567", "23812345678", "abc"])
def test_bad_phones(phone: str) -> None:
    with pytest.raises(ValidationError):
        v.normalize_phone(phone)


def test_unit_code_format() -> None:
    assert v.validate_unit_code("3-2-1502") == "3-2-1502"
    with pytest.raises(ValidationError):
        v.validate_unit_code("3-1502")


def test_masks() -> None:
    assert mask_id_number("11010519491231002X") == "1101**********002X"
    assert mask_phone("13812345678") == "138****5678"


def test_pinyin_keys_read_polyphonic_surnames() -> None:
    from propdesk.registry.pinyin import pinyin_keys

    assert pinyin_keys("张三") == ("zs", "zhangsan")
    assert pinyin_keys("曾小贤") == ("zxx", "zengxiaoxian")
    assert pinyin_keys("覃海") == ("qh", "qinhai")
