"""The front desk's daily rounds and memory: patrols, vacant-unit checks, the shift log with
handover, parcels held and visitors (design §6)."""
