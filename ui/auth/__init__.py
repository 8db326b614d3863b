"""Login, first-run administrator set-up and the screen lock."""
