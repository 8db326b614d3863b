"""The team page (团队): monthly assessment (考核) and the desk roster (排班)."""
