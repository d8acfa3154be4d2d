"""Russian formats of the portal."""
