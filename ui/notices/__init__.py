"""Notices (通知/告示): fill in a template, preview live, print, keep the history."""
