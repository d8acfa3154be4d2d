"""Individual development plans (ИОМ): drawn up from gaps, approved, worked item by item."""
