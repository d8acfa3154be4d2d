"""The comprehensive programme: passport, partners, resources, tracks by post and its document."""
