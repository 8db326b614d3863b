"""PropDesk domain core: models, database and services. Imports neither Qt nor ReportLab."""

__version__ = "0.1.0"
