"""Shortlists of reservists for a vacancy, with explained scores, and the offers made to them."""
