"""The call desk's screens are fully translated to Chinese, and the .qm is current."""

from __future__ import annotations

from pathlib import Path

from tests.ui.translation_checks import current_translator, untranslated


def test_every_calls_string_has_a_chinese_translation(tmp_path: Path) -> None:
    left, count = untranslated("calls_zh_CN.ts", ("ui/calls",), tmp_path)
    assert left == []
    assert count > 100


def test_compiled_qm_is_up_to_date(tmp_path: Path) -> None:
    translator = current_translator("calls_zh_CN.ts", tmp_path)
    assert translator.translate("NavModule", "Call desk") == "来电登记"
    assert translator.translate("CallCard", "S&ummary") == "摘要(&U)"
