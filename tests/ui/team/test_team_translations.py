"""The team page is fully translated to Chinese, and the .qm is current."""

from __future__ import annotations

from pathlib import Path

from tests.ui.translation_checks import current_translator, untranslated


def test_every_team_string_has_a_chinese_translation(tmp_path: Path) -> None:
    left, count = untranslated("team_zh_CN.ts", ("ui/team",), tmp_path)
    assert left == []
    assert count >= 80


def test_compiled_qm_is_up_to_date(tmp_path: Path) -> None:
    translator = current_translator("team_zh_CN.ts", tmp_path)
    assert translator.translate("NavModule", "Team") == "团队"
    assert translator.translate("RosterTab", "Print roste&r…") == "打印排班表(&R)…"
