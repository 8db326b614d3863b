"""The management dashboard: this month's figures, live, each leading to its list."""
