"""Reads of campaigns: who may join the cohort, who has finished what."""
