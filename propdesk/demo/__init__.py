"""Demo estate generation (``propdesk demo``): realistic, reproducible data for every module."""
