"""Excel workbooks (openpyxl): templates, imports read back, exports. ``write_only`` for big sheets."""
