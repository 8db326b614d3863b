"""The activities' screens are fully translated to Chinese, and the .qm is current."""

from __future__ import annotations

from pathlib import Path

from tests.ui.translation_checks import current_translator, untranslated


def test_every_activities_string_has_a_chinese_translation(tmp_path: Path) -> None:
    left, count = untranslated("activities_zh_CN.ts", ("ui/activities",), tmp_path)
    assert left == []
    assert count > 80


def test_compiled_qm_is_up_to_date(tmp_path: Path) -> None:
    translator = current_translator("activities_zh_CN.ts", tmp_path)
    assert translator.translate("NavModule", "Community activities") == "社区活动"
    assert translator.translate("SignupDialog", "&Sign up") == "报名(&S)"
