"""The printing base: one document builder for every printed page."""

from reports.pdf.document import DocumentSpec, build_pdf, styles

__all__ = ["DocumentSpec", "build_pdf", "styles"]
