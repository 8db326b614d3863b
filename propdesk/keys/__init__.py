"""Key custody at the front desk (钥匙托管): deposits, loans and returns."""
