"""Back office of mentoring: neighbouring municipalities are edited here; the rest is shown.

Mentors, pairs and sessions change on the portal's pages through the mentoring services (the
capacity lock, the confirmations, the answers); here the ministry can look them up. The pairs
of neighbouring municipalities, which matching reads, are added and removed here, audited.
"""

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest

from core.admin_base import PolicyAdmin, ReadOnlyPolicyAdmin
from development import access
from development.mentoring.services.neighbours import neighbour_pair_create, neighbour_pair_delete
from development.models import (
    Mentor,
    MentoringSession,
    Mentorship,
    MentorStrength,
    NeighbourPair,
)


def _neighbours_visible_to(user) -> QuerySet[NeighbourPair]:
    rows = NeighbourPair.objects.all()
    return rows if access.can_keep_neighbours(user) else rows.none()


class NeighbourPairForm(forms.ModelForm):
    class Meta:
        model = NeighbourPair
        fields = ["first", "second"]

    def clean(self) -> dict:
        cleaned = super().clean()
        first, second = cleaned.get("first"), cleaned.get("second")
        if first and second:
            if first.pk == second.pk:
                raise ValidationError("Выберите два разных муниципальных образования.")
            low, high = sorted((first, second), key=lambda municipality: municipality.pk)
            if NeighbourPair.objects.filter(first=low, second=high).exists():
                raise ValidationError(f"Пара «{low} — {high}» уже есть.")
            # Stored once, the smaller id first, whatever order the fields were filled in.
            cleaned["first"], cleaned["second"] = low, high
            self.instance.first, self.instance.second = low, high
        return cleaned

    def _post_clean(self) -> None:
        # The constraints are checked by the service on the ordered pair, not on the raw input.
        pass


@admin.register(NeighbourPair)
class NeighbourPairAdmin(PolicyAdmin):
    name_accusative = "соседние муниципальные образования"
    form = NeighbourPairForm
    visible_to = _neighbours_visible_to
    may_change = access.can_keep_neighbours
    list_display = ["first", "second"]
    list_filter = ["first"]
    search_fields = ["first__name", "second__name"]
    ordering = ["first__name", "second__name"]

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        # A pair is added or removed, never edited in place.
        return obj is None and super().has_change_permission(request, obj)

    def has_view_permission(self, request: HttpRequest, obj=None) -> bool:
        return access.can_keep_neighbours(request.user)

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return access.can_keep_neighbours(request.user)

    def save_model(self, request: HttpRequest, obj: NeighbourPair, form, change: bool) -> None:
        created = neighbour_pair_create(
            first=form.cleaned_data["first"],
            second=form.cleaned_data["second"],
            actor=request.user,
            request=request,
        )
        obj.pk = created.pk

    def delete_model(self, request: HttpRequest, obj: NeighbourPair) -> None:
        neighbour_pair_delete(pair=obj, actor=request.user, request=request)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[NeighbourPair]) -> None:
        for pair in queryset:
            neighbour_pair_delete(pair=pair, actor=request.user, request=request)


class MentorStrengthInline(admin.TabularInline):
    model = MentorStrength
    fields = ["competency", "level"]
    readonly_fields = ["competency", "level"]
    extra = 0
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_view_permission(self, request: HttpRequest, obj=None) -> bool:
        return access.can_look_up_mentoring_records(request.user)


@admin.register(Mentor)
class MentorAdmin(ReadOnlyPolicyAdmin):
    name_accusative = "наставника"
    visible_to = access.mentors_visible_to
    may_view = access.can_look_up_mentoring_records
    inlines = [MentorStrengthInline]
    list_display = ["user", "organization", "position", "years_as_head", "capacity", "is_available"]
    list_filter = ["is_available", "organization__kind"]
    search_fields = ["user__last_name", "user__first_name", "organization__short_name"]
    list_select_related = ["user", "organization"]


@admin.register(Mentorship)
class MentorshipAdmin(ReadOnlyPolicyAdmin):
    name_accusative = "пару наставничества"
    visible_to = access.mentorships_visible_to
    may_view = access.can_look_up_mentoring_records
    list_display = ["mentee", "mentor", "status", "match_score", "started_on", "ended_on"]
    list_filter = ["status"]
    search_fields = ["mentee__last_name", "mentor__user__last_name"]
    list_select_related = ["mentee", "mentor__user"]
    exclude = ["match_explanation"]


@admin.register(MentoringSession)
class MentoringSessionAdmin(ReadOnlyPolicyAdmin):
    name_accusative = "встречу с наставником"
    visible_to = access.sessions_visible_to
    may_view = access.can_look_up_mentoring_records
    list_display = [
        "mentorship",
        "date",
        "duration_minutes",
        "format",
        "confirmation",
        "usefulness",
    ]
    list_filter = ["confirmation", "format"]
    list_select_related = ["mentorship__mentee", "mentorship__mentor__user"]
