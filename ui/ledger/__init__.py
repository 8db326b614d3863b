"""Owner ledger (业主台账) in the app: import from Excel, template, export, print preview."""
