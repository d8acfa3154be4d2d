"""Campaigns: set-up and weights, the cohort, the run and its reminders, progress, the ranking."""
