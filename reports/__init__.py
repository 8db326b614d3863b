"""Printed documents (ReportLab) and Excel files (openpyxl): plain data in, bytes or files out.

No Qt and no database session in here: callers pass values from ``propdesk`` queries.
"""
