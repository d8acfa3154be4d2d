"""Indicators by municipality and period: each defined once, with its formula in words."""
