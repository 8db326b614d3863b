"""The deposit ledger (押金台账): money held for a unit and given back, never income."""
