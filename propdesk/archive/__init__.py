"""The household archive (一户一档): required documents, scans, paper originals, borrowing."""
