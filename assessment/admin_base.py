"""What the assessment's back office shares: read-only records, rows scoped by access.py.

Answers, ratings, campaigns and results are written by the services on the portal's pages; the
admin shows what happened and never re-implements those rules.
"""

from django.contrib import admin
from django.http import HttpRequest

from assessment import access
from core.admin_base import ReadOnlyPolicyAdmin


def scoped(scope, model):
    """Return a visible_to that asks the access policy for the user's rows of the model."""
    return lambda user: scope(user, model)


class RecordAdmin(ReadOnlyPolicyAdmin):
    """A record of the campaign's work, shown as it is."""

    may_view = access.can_view_assessment_admin

    def get_readonly_fields(self, request: HttpRequest, obj=None) -> list[str]:
        return list(self.fields or [f.name for f in self.model._meta.fields])


class RecordInline(admin.TabularInline):
    """A read-only inline: rows written by the services."""

    extra = 0
    can_delete = False

    def get_readonly_fields(self, request: HttpRequest, obj=None) -> list[str]:
        return list(self.fields)

    def has_view_permission(self, request: HttpRequest, obj=None) -> bool:
        return access.can_view_assessment_admin(request.user)

    def has_add_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False
