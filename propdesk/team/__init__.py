"""The service team: monthly assessment (考核) per clerk and the desk roster (排班)."""
