"""Format overrides per locale (FORMAT_MODULE_PATH)."""
