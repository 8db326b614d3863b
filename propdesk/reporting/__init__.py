"""Reporting: the monthly management report (管理月报) and notices (通知/告示)."""
