"""Pages of the participant and of the colleague who answers a 360° link."""
