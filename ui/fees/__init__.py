"""Fee screens: the cashier, the unit's account, arrears, collection rate and fee settings."""
