"""Periodic reports on the reserve: the municipality's half-year, the region's year, the summary."""
