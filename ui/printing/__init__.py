"""Print preview, printing and saving of the PDFs built by :mod:`reports.pdf`."""
