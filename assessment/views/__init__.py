"""Pages of the assessment stage, one module per side of the work."""
