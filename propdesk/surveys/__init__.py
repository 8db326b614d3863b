"""Satisfaction surveys (满意度调查): question bank, campaigns, calls, follow-up, results."""
