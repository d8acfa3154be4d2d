"""A ModelAdmin that asks the app's access policy instead of Django's model permissions, and
titles its pages in grammatical Russian."""

from django.contrib import admin
from django.contrib.admin.options import IS_POPUP_VAR
from django.contrib.admin.utils import lookup_spawns_duplicates
from django.db.models import QuerySet
from django.http import HttpRequest

from core.search import search


class PolicyAdmin(admin.ModelAdmin):
    """Admin whose rows and rights come from the owning app's access.py.

    Subclasses set `visible_to` (user -> queryset) and `may_change` (user -> bool); what a user
    may not see is absent from the changelist and answers 404 on its change page.

    Each subclass also sets `name_accusative`: the model's verbose_name in the accusative, which
    Django's titles need in Russian («Добавить комиссию», «Выберите образовательную организацию
    для изменения»); tests/test_admin_russian.py asks every registered admin for it.
    """

    visible_to = None
    may_change = None
    may_view = None
    name_accusative = ""

    def titles(self, request: HttpRequest, object_id=None, *, add: bool = False) -> dict:
        """Return the page's title and the accusative name the templates need."""
        name = self.name_accusative or str(self.opts.verbose_name)
        may_change = self.has_change_permission(request)
        if add:
            title = f"Добавить {name}"
        elif object_id is not None:
            title = f"{'Изменить' if may_change else 'Просмотреть'} {name}"
        elif IS_POPUP_VAR in request.GET:
            title = f"Выберите {name}"
        else:
            title = f"Выберите {name} для {'изменения' if may_change else 'просмотра'}"
        return {"title": title, "name_accusative": name}

    def changelist_view(self, request: HttpRequest, extra_context=None):
        context = {**self.titles(request), **(extra_context or {})}
        return super().changelist_view(request, context)

    def changeform_view(
        self, request: HttpRequest, object_id=None, form_url="", extra_context=None
    ):
        titles = self.titles(request, object_id, add=object_id is None)
        return super().changeform_view(
            request, object_id, form_url, {**titles, **(extra_context or {})}
        )

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
