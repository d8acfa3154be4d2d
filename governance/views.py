"""Pages of the Regulation: the version in force, its history, a new version, the document."""
