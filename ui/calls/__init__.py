"""The call desk's screens: the call card, the call desk page, the caller-ID endpoint."""
