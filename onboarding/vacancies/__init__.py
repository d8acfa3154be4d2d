"""Vacancies of heads and deputies, the forecast of future ones, and the reserve's coverage."""
