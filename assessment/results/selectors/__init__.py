"""Reads behind results: what each instrument scored, the report, the 9-box."""
