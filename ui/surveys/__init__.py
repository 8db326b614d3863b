"""Satisfaction surveys (满意度调查): campaigns, phone calls, paper entry, re-checks, results."""
