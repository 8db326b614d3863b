"""Property registry: estate, buildings, units, parking, people and occupancies (房产资料, 业主台账)."""
