"""Move-in checklists (入伙), moving appointments (搬家预约) and move-outs (迁出)."""
