"""The competency model and the instruments: their back office and the knowledge-test bank."""
