"""Pages of the expert panels: the ministry's assignments and calibration, the expert's own work."""
