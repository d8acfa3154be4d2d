"""Writes of campaigns: set-up and weights, the cohort, the workflow, reminders."""
