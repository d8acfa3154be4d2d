"""Writes of mentoring: the registry, pairs and bulk matching, neighbours, sessions, letters."""
