"""Pages of mentoring: the registry, matching, pairs, the pair's own pages, the report."""
