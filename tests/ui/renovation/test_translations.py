"""The move-in, renovation and key screens are fully translated to Chinese, and the .qm is current."""

from __future__ import annotations

from pathlib import Path

from tests.ui.translation_checks import current_translator, untranslated


def test_every_occupancy_string_has_a_chinese_translation(tmp_path: Path) -> None:
    left, count = untranslated(
        "occupancy_zh_CN.ts", ("ui/renovation", "ui/movein", "ui/keys"), tmp_path
    )
    assert left == []
    assert count > 250


def test_compiled_qm_is_up_to_date(tmp_path: Path) -> None:
    translator = current_translator("occupancy_zh_CN.ts", tmp_path)
    assert translator.translate("PermitView", "Refund deposit…") == "退还押金…"
    assert translator.translate("NavModule", "Renovation") == "装修管理"
