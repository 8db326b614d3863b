"""Vehicles, pets and emergency contacts of a household (issue 19 part 5)."""
