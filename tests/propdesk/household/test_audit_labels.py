"""The audit viewer names the household's tables, columns and kinds in Chinese."""

from __future__ import annotations

from propdesk.audit.labels import describe_changes, field_label
from propdesk.audit.queries import table_label


def test_household_tables_and_columns_in_chinese() -> None:
    assert table_label("household_vehicle") == "住户车辆 (household_vehicle)"
    assert table_label("household_pet").startswith("住户宠物")
    assert table_label("household_contact").startswith("紧急联系人")
    for column in (
        "plate",
        "active_plate",
        "parking_space",
        "pass_from",
        "pass_to",
        "removed_at",
        "vaccinated_on",
        "registration_no",
        "relation",
        "phone",
    ):
        assert field_label(column) != column, column
    text = describe_changes({"kind": ["small", "nev"]}, "household_vehicle")
    assert "小型车" in text
    assert "新能源" in text
    assert "猫" in describe_changes({"kind": [None, "cat"]}, "household_pet")
