"""The archive's screens are fully translated to Chinese, and the .qm is current."""

from __future__ import annotations

from pathlib import Path

from tests.ui.translation_checks import current_translator, untranslated


def test_every_archive_string_has_a_chinese_translation(tmp_path: Path) -> None:
    left, count = untranslated("archive_zh_CN.ts", ("ui/archive",), tmp_path)
    assert left == []
    assert count > 60


def test_compiled_qm_is_up_to_date(tmp_path: Path) -> None:
    translator = current_translator("archive_zh_CN.ts", tmp_path)
    assert translator.translate("NavModule", "Archive") == "档案"
    assert translator.translate("ArchivePage", "&New document…") == "新增资料(&N)…"
