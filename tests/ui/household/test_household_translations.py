"""The household panels and forms are fully translated to Chinese, and the .qm is current."""

from __future__ import annotations

from pathlib import Path

from tests.ui.translation_checks import current_translator, untranslated


def test_every_household_string_has_a_chinese_translation(tmp_path: Path) -> None:
    left, count = untranslated("household_zh_CN.ts", ("ui/household",), tmp_path)
    assert left == []
    assert count >= 38


def test_compiled_qm_is_up_to_date(tmp_path: Path) -> None:
    translator = current_translator("household_zh_CN.ts", tmp_path)
    assert translator.translate("UnitVehiclesPanel", "Vehicles") == "车辆"
    assert translator.translate("VehicleDialog", "&Plate") == "车牌号(&P)"
    assert translator.translate("HouseholdPanel", "Add… (Ins)") == "添加…（Ins）"
    # a pet has a name, not a person's 姓名; the contact keeps 姓名
    assert translator.translate("PetDialog", "&Name") == "名字(&N)"
    assert translator.translate("EmergencyContactDialog", "&Name") == "姓名(&N)"
    # an occupant's own contact, shown under the household's: whose record it is
    assert translator.translate("UnitContactsPanel", "(resident record: %1)") == "（住户资料·%1）"
