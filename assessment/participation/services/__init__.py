"""Writes of the participant's side: drafts, invitations and answers, test attempts."""
