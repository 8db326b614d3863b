"""Users, roles and permissions."""
