"""Audit trail of every change (who, when, what, old → new)."""
