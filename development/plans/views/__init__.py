"""Pages of the plans: the plan and its workflow, its items and their evidence."""
