"""Service desk screens: intake dialog, ticket board, ticket page, queues, statistics, settings."""
