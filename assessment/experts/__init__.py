"""Experts and calibration: profiles, conflict-checked assignments, blind rating, agreed scores."""
