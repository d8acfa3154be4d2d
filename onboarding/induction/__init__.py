"""Induction of the new head: the plan for the first year, the adaptation mentor, probation."""
