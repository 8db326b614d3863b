"""Key custody register."""
