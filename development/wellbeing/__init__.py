"""The voluntary well-being pulse: a person's own trend, staff aggregates of five or more."""
