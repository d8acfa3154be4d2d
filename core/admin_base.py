"""A ModelAdmin that asks the app's access policy instead of Django's model permissions."""

from django.contrib import admin
from django.contrib.admin.utils import lookup_spawns_duplicates
from django.db.models import QuerySet
from django.http import HttpRequest

from core.search import search


class PolicyAdmin(admin.ModelAdmin):
    """Admin whose rows and rights come from the owning app's access.py.

    Subclasses set `visible_to` (user -> queryset) and `may_change` (user -> bool); what a user
    may not see is absent from the changelist and answers 404 on its change page.
    """

    visible_to = None
    may_change = None
    may_view = None

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        queryset = super().get_queryset(request)
        visible = type(self).visible_to
        if visible is None:
            return queryset
        return queryset & visible(request.user)

    def has_module_permission(self, request: HttpRequest) -> bool:
        return self.has_view_permission(request)

    def get_search_results(
        self, request: HttpRequest, queryset: QuerySet, search_term: str
    ) -> tuple[QuerySet, bool]:
        """Search the search_fields as every list of the portal does: case and «ё» aside."""
        fields = [name.lstrip("^=@") for name in self.get_search_fields(request)]
        if not fields or not search_term.strip():
            return queryset, False
        if any(lookup_spawns_duplicates(self.opts, name) for name in fields):
            # A field across a many-valued relation would repeat rows: match through a subquery.
            matched = search(self.model._default_manager.all(), search_term, fields)
            return queryset.filter(pk__in=matched.values("pk")), False
        return search(queryset, search_term, fields), False

    def has_view_permission(self, request: HttpRequest, obj=None) -> bool:
        may_view = type(self).may_view
        if may_view is not None:
            return bool(may_view(request.user))
        return self.has_change_permission(request, obj)

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        may_change = type(self).may_change
        return bool(may_change(request.user)) if may_change is not None else False

    def has_add_permission(self, request: HttpRequest) -> bool:
        return self.has_change_permission(request)

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return self.has_change_permission(request, obj)


class ReadOnlyPolicyAdmin(PolicyAdmin):
    """A record that nobody edits: viewable by the policy, never added, changed or deleted."""

    def has_view_permission(self, request: HttpRequest, obj=None) -> bool:
        may_view = type(self).may_view
        return bool(may_view(request.user)) if may_view is not None else False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False
