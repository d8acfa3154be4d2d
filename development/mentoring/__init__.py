"""Mentoring: the mentor registry, explained matching, pairs, sessions, effectiveness."""
