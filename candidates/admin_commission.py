"""Back office for commissions and the reserve.

Commissions and their composition are set up here, through candidates.services.commission_setup.
Meetings, agendas, votes and memberships are only shown: the commission's pages and the
membership pages change them through their services.
"""

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.forms.models import BaseInlineFormSet
from django.http import HttpRequest

from candidates import access
from candidates.models import (
    AgendaItem,
    Commission,
    CommissionMeeting,
    CommissionMember,
    CommissionRole,
    MembershipEvent,
    ReserveMembership,
    Vote,
)
from candidates.services.commission_setup import (
    MEMBER_FIELDS,
    commission_create,
    commission_member_add,
    commission_member_check,
    commission_member_update,
    commission_update,
)
from core.admin_base import PolicyAdmin, ReadOnlyPolicyAdmin


class CommissionMemberForm(forms.ModelForm):
    class Meta:
        model = CommissionMember
        fields = ["user", "role", "position", "is_active"]

    def clean(self) -> dict:
        cleaned = super().clean()
        user = cleaned.get("user")
        if user is not None:
            try:
                commission_member_check(
                    commission=self.parent,
                    user=user,
                    role=cleaned.get("role", ""),
                    is_active=cleaned.get("is_active", True),
                    member_pk=self.instance.pk,
                )
            except ValidationError as error:
                self.add_error(None, error)
        return cleaned


class CommissionMemberFormSet(BaseInlineFormSet):
    def clean(self) -> None:
        super().clean()
        chairs = [
            form
            for form in self.forms
            if getattr(form, "cleaned_data", None)
            and form.cleaned_data.get("role") == CommissionRole.CHAIR
            and form.cleaned_data.get("is_active")
        ]
        if len(chairs) > 1:
            raise ValidationError("У комиссии может быть только один действующий председатель.")


class CommissionMemberInline(admin.TabularInline):
    model = CommissionMember
    form = CommissionMemberForm
    formset = CommissionMemberFormSet
    extra = 1
    can_delete = False  # a member who voted stays on record; «входит в состав» takes them off
    fields = ["user", "role", "position", "is_active"]

    def get_formset(self, request: HttpRequest, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        formset.form.parent = obj
        return formset

    def formfield_for_foreignkey(self, db_field, request: HttpRequest, **kwargs):
        if db_field.name == "user":
            kwargs["queryset"] = access.commission_member_choices()
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def has_view_permission(self, request: HttpRequest, obj=None) -> bool:
        return access.can_manage_commission(request.user)

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return access.can_manage_commission(request.user)

    def has_add_permission(self, request: HttpRequest, obj=None) -> bool:
        return access.can_manage_commission(request.user)


@admin.register(Commission)
class CommissionAdmin(PolicyAdmin):
    may_change = access.can_manage_commission
    list_display = ["name", "is_active", "created_at"]
    list_filter = ["is_active"]
    search_fields = ["name"]
    fields = ["name", "is_active"]
    inlines = [CommissionMemberInline]

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def save_model(self, request: HttpRequest, obj: Commission, form, change: bool) -> None:
        data = form.cleaned_data
        if not change:
            created = commission_create(
                name=data["name"], is_active=data["is_active"], actor=request.user, request=request
            )
            # The admin goes on with obj (its inlines, history and redirect): make it the row.
            obj.pk = created.pk
            obj._state.adding = False
            obj._state.db = created._state.db
            return
        commission_update(
            commission=Commission.objects.get(pk=obj.pk),
            data={name: data[name] for name in form.changed_data},
            actor=request.user,
            request=request,
        )

    def save_formset(self, request: HttpRequest, form, formset, change: bool) -> None:
        commission = form.instance
        # The admin's history message reads these, as a formset's own save() would set them.
        formset.new_objects, formset.changed_objects, formset.deleted_objects = [], [], []
        for member_form in formset.forms:
            if not member_form.has_changed() or not member_form.is_valid():
                continue
            data = member_form.cleaned_data
            if member_form.instance.pk is None:
                member = commission_member_add(
                    commission=commission,
                    user=data["user"],
                    role=data["role"],
                    position=data.get("position", ""),
                    actor=request.user,
                    request=request,
                )
                formset.new_objects.append(member)
            else:
                changed = [name for name in member_form.changed_data if name in MEMBER_FIELDS]
                member = commission_member_update(
                    member=member_form.instance,
                    data={name: data[name] for name in changed},
                    actor=request.user,
                    request=request,
                )
                formset.changed_objects.append((member, changed))


@admin.register(CommissionMember)
class CommissionMemberAdmin(ReadOnlyPolicyAdmin):
    may_view = access.can_manage_commission
    list_display = ["user", "commission", "role", "position", "is_active"]
    list_select_related = ["user", "commission"]
    list_filter = ["commission", "role", "is_active"]
    search_fields = ["user__last_name", "user__first_name", "position"]


class ReadOnlyTabularInline(admin.TabularInline):
    extra = 0
    can_delete = False

    def get_readonly_fields(self, request: HttpRequest, obj=None) -> list[str]:
        return list(self.fields)

    def has_view_permission(self, request: HttpRequest, obj=None) -> bool:
        return access.can_manage_commission(request.user)

    def has_add_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False


class AgendaItemInline(ReadOnlyTabularInline):
    model = AgendaItem
    fields = ["nomination", "membership", "decision", "votes_for", "votes_against", "decided_at"]


@admin.register(CommissionMeeting)
class CommissionMeetingAdmin(ReadOnlyPolicyAdmin):
    visible_to = access.meetings_visible_to
    may_view = access.can_manage_commission
    list_display = ["commission", "date", "protocol_number", "status", "held_at"]
    list_select_related = ["commission"]
    list_filter = ["status", "commission"]
    search_fields = ["protocol_number", "commission__name"]
    date_hierarchy = "date"
    inlines = [AgendaItemInline]


class VoteInline(ReadOnlyTabularInline):
    model = Vote
    fields = ["member", "choice", "cast_at"]


@admin.register(AgendaItem)
class AgendaItemAdmin(ReadOnlyPolicyAdmin):
    may_view = access.can_manage_commission
    list_display = ["__str__", "meeting", "decision", "votes_for", "votes_against", "decided_at"]
    list_select_related = [
        "meeting__commission",
        "nomination__candidate",
        "nomination__position_kind",
        "membership__candidate",
        "membership__position_kind",
    ]
    list_filter = ["decision"]
    search_fields = ["nomination__candidate__last_name", "membership__candidate__last_name"]
    inlines = [VoteInline]


@admin.register(Vote)
class VoteAdmin(ReadOnlyPolicyAdmin):
    may_view = access.can_manage_commission
    list_display = ["agenda_item", "member", "choice", "cast_at"]
    list_select_related = [
        "agenda_item__nomination__candidate",
        "agenda_item__nomination__position_kind",
        "agenda_item__membership__candidate",
        "agenda_item__membership__position_kind",
        "member__user",
    ]
    list_filter = ["choice"]


class MembershipEventInline(ReadOnlyTabularInline):
    model = MembershipEvent
    fields = ["created_at", "action", "from_status", "to_status", "new_term_ends_on", "reason"]


@admin.register(ReserveMembership)
class ReserveMembershipAdmin(ReadOnlyPolicyAdmin):
    visible_to = access.memberships_visible_to
    may_view = access.can_manage_membership
    list_display = [
        "candidate",
        "position_kind",
        "municipality",
        "category",
        "readiness",
        "term_ends_on",
        "status",
    ]
    list_select_related = ["candidate", "position_kind", "municipality"]
    list_filter = ["status", "category", "readiness", "position_kind", "municipality"]
    search_fields = ["candidate__last_name", "candidate__first_name", "order_number"]
    date_hierarchy = "term_ends_on"
    inlines = [MembershipEventInline]


@admin.register(MembershipEvent)
class MembershipEventAdmin(ReadOnlyPolicyAdmin):
    may_view = access.can_manage_membership
    list_display = ["membership", "action", "from_status", "to_status", "created_at"]
    list_select_related = ["membership__candidate", "membership__position_kind"]
    list_filter = ["action"]

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        memberships = access.memberships_visible_to(request.user)
        return super().get_queryset(request).filter(membership__in=memberships.values("pk"))
