"""Renovation permits: list, permit page actions, inspections, acceptance, refund."""
