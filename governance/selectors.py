"""Reads of the governance app."""

from governance.models import RegulationVersion
from governance.regulation import Regulation, parse_regulation


def regulation_version_in_force() -> RegulationVersion:
    """Return the version of the Regulation in force."""
    return RegulationVersion.objects.get(in_force=True)


def regulation_in_force() -> Regulation:
    """Return the parameters of the Regulation in force, typed."""
    return parse_regulation(regulation_version_in_force().parameters)
