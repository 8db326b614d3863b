"""The care screens are fully translated to Chinese, and the .qm is current."""

from __future__ import annotations

from pathlib import Path

from tests.ui.translation_checks import current_translator, untranslated


def test_every_care_string_has_a_chinese_translation(tmp_path: Path) -> None:
    left, count = untranslated("care_zh_CN.ts", ("ui/care",), tmp_path)
    assert left == []
    assert count > 40


def test_compiled_qm_is_up_to_date(tmp_path: Path) -> None:
    translator = current_translator("care_zh_CN.ts", tmp_path)
    assert translator.translate("NavModule", "Care") == "关怀"
    assert translator.translate("CareBanner", "[Attention] ") == "【关注】"
