"""Pages of the selection stage: commission side."""
