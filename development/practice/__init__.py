"""Training carried into practice: who may confirm it, and the bank of good practice."""
