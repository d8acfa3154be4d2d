"""Writes of results: computing and completing them, performance ratings and notes."""
