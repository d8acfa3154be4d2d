"""Pages of a participant's result and of the talent review."""
