"""Results: scores from the answers and ratings, the report, the talent review."""
