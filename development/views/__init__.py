"""Views of the development stage, one module per topic."""
