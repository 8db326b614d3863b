"""PropDesk user interfaces: the Qt desktop app and the command line."""
