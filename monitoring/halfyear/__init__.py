"""Reservists' half-yearly reports on their plans, due on the Regulation's dates (1.07, 10.12)."""
