"""The fee screens are fully translated to Chinese, and the .qm is current."""

from __future__ import annotations

from pathlib import Path

from tests.ui.translation_checks import current_translator, untranslated


def test_every_fee_string_has_a_chinese_translation(tmp_path: Path) -> None:
    left, count = untranslated("fees_zh_CN.ts", ("ui/fees",), tmp_path)
    assert left == []
    assert count > 100


def test_compiled_qm_is_up_to_date(tmp_path: Path) -> None:
    translator = current_translator("fees_zh_CN.ts", tmp_path)
    assert (
        translator.translate("CashierPage", "&Take payment and print receipt")
        == "收款并打印收据(&T)"
    )
