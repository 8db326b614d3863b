"""Move-in checklists, moving appointments and move-outs."""
