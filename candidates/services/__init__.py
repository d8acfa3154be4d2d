"""Writes of the selection stage; views, admin, imports and commands all call these."""
