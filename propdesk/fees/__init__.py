"""Fees and arrears (收费管理, 催缴): fee items, rates, billing runs, payments, receipts, arrears."""
