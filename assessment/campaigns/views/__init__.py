"""Staff pages of campaigns."""
