"""Vehicles, pets and emergency contacts on the unit page (issue 19 part 5)."""
