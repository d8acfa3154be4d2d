"""Writes of the development stage; views, admin, imports and commands all call these."""
