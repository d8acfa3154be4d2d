"""The roadmap with resource provision: activities, deadlines, resources, indicators, status."""
