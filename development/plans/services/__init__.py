"""Writes of the plans: generation from gaps, editing a draft, the workflow, evidence, reminders."""
