"""Attention flags (关注标记) on a household or a person (issue 19 part 1)."""
