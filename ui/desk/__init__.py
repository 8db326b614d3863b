"""The desk's screens: overview, patrols, shift log, parcels and visitors, desk settings."""
