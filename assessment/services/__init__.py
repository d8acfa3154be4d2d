"""Writes of the assessment stage."""
