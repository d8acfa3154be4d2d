"""Who may read the record and configure the regulation."""

from accounts.access import is_admin, is_region_wide


def can_view_audit_log(user) -> bool:
    """Return whether the user may read the audit log."""
    return is_region_wide(user)


def can_view_personal_data_log(user) -> bool:
    """Return whether the user may read who viewed whose personal data."""
    return is_admin(user)


def can_view_regulation(user) -> bool:
    """Return whether the user may read the Regulation and its history (everyone signed in)."""
    return getattr(user, "is_authenticated", False) and user.is_active


def can_change_regulation(user) -> bool:
    """Return whether the user may put a new version of the Regulation in force."""
    return is_region_wide(user)
