"""Administration screens: users, change password, audit log viewer, backup and restore."""
