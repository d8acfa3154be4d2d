"""Pages of the selection stage: staff side."""
