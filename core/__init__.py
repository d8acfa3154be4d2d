"""The bottom layer: helpers every app may use; it imports no app of the project."""
