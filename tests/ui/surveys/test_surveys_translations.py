"""The survey screens are fully translated to Chinese, and the .qm is current."""

from __future__ import annotations

from pathlib import Path

from tests.ui.translation_checks import current_translator, untranslated


def test_every_surveys_string_has_a_chinese_translation(tmp_path: Path) -> None:
    left, count = untranslated("surveys_zh_CN.ts", ("ui/surveys",), tmp_path)
    assert left == []
    assert count > 150


def test_compiled_qm_is_up_to_date(tmp_path: Path) -> None:
    translator = current_translator("surveys_zh_CN.ts", tmp_path)
    assert translator.translate("NavModule", "Satisfaction surveys") == "满意度调查"
    assert translator.translate("SurveyEntry", "&Complaint: call back") == "投诉，需回访(&C)"
    assert translator.translate("SurveySaved", "Answers of %1 saved.") == "%1 的答卷已保存。"
