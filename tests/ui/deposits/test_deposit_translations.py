"""The deposit ledger screen is fully translated to Chinese, and the .qm is current."""

from __future__ import annotations

from pathlib import Path

from tests.ui.translation_checks import current_translator, untranslated


def test_every_deposits_string_has_a_chinese_translation(tmp_path: Path) -> None:
    left, count = untranslated("deposits_zh_CN.ts", ("ui/deposits",), tmp_path)
    assert left == []
    assert count > 25


def test_compiled_qm_is_up_to_date(tmp_path: Path) -> None:
    translator = current_translator("deposits_zh_CN.ts", tmp_path)
    assert translator.translate("DepositsPage", "Refund…") == "退还押金…"
    assert translator.translate("NavModule", "Deposits") == "押金台账"
