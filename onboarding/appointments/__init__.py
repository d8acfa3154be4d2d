"""Appointment by the founder after the attestation, closing the membership as «назначен»."""
