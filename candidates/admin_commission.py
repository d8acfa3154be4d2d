"""Back office for commissions and the reserve.

Commissions and their composition are set up here, through candidates.services.commission_setup.
Meetings, agendas, votes and memberships are only shown: the commission's pages and the
membership pages change them through their services.
"""

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db.models import Case, CharField, F, QuerySet, Value, When
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
from candidates.models.commission import membership_status_label
from candidates.services.commission_setup import (
    MEMBER_FIELDS,
    commission_create,
    commission_member_add,
    commission_member_check,
    commission_member_update,
    commission_update,
)
from core.admin_base import PolicyAdmin, ReadOnlyPolicyAdmin
from governance.selectors import regulation_in_force


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
    name_accusative = "комиссию"
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
    name_accusative = "члена комиссии"
    may_view = access.can_manage_commission
    list_display = ["user", "commission", "role", "position", "is_active"]
    list_select_related = ["user", "commission"]
    list_filter = ["commission", "role", "is_active"]
    search_fields = ["user__last_name", "user__first_name", "position"]


def with_regulation_names(queryset: QuerySet, *, fields: dict[str, str]) -> QuerySet:
    """Annotate each code field with its name in the Regulation in force ({field: list name}).

    Categories, readiness levels and grounds are the Regulation's data, not the model's choices;
    the admin shows their names («оперативный»), read in one query for the whole page.
    """
    regulation = regulation_in_force()
    names = {}
    for field, list_name in fields.items():
        whens = [
            When(**{field: item.code}, then=Value(item.name))
            for item in getattr(regulation, list_name)
        ]
        names[f"{field}_name"] = Case(*whens, default=F(field), output_field=CharField())
    return queryset.annotate(**names)


REGULATION_CODES = {
    "category": "categories",
    "readiness": "readiness_levels",
    "exclusion_ground": "exclusion_grounds",
}


def regulation_filter(field: str, list_name: str, title: str) -> type[admin.SimpleListFilter]:
    """Return a list filter on a code field that offers the Regulation's names of the codes."""

    class RegulationCodeFilter(admin.SimpleListFilter):
        parameter_name = field

        def lookups(self, request, model_admin) -> list[tuple[str, str]]:
            return [(item.code, item.name) for item in getattr(regulation_in_force(), list_name)]

        def queryset(self, request, queryset):
            return queryset.filter(**{field: self.value()}) if self.value() else queryset

    RegulationCodeFilter.title = title
    return RegulationCodeFilter


class RegulationNamesMixin:
    """Show the category, readiness and exclusion ground by their names in the Regulation."""

    @admin.display(description="категория резерва", ordering="category")
    def category_label(self, obj) -> str:
        return getattr(obj, "category_name", obj.category) or "—"

    @admin.display(description="готовность", ordering="readiness")
    def readiness_label(self, obj) -> str:
        return getattr(obj, "readiness_name", obj.readiness) or "—"


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
    name_accusative = "заседание комиссии"
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
class AgendaItemAdmin(RegulationNamesMixin, ReadOnlyPolicyAdmin):
    name_accusative = "вопрос повестки"
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
    exclude = ["category", "readiness"]
    readonly_fields = ["category_label", "readiness_label"]

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        codes = {"category": "categories", "readiness": "readiness_levels"}
        return with_regulation_names(super().get_queryset(request), fields=codes)


@admin.register(Vote)
class VoteAdmin(ReadOnlyPolicyAdmin):
    name_accusative = "голос"
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


class MembershipEventLabels:
    """Show a membership event's kind and statuses in words."""

    @admin.display(description="событие", ordering="action")
    def action_label(self, event: MembershipEvent) -> str:
        return event.action_label

    @admin.display(description="из статуса", ordering="from_status")
    def from_status_label(self, event: MembershipEvent) -> str:
        return membership_status_label(event.from_status)

    @admin.display(description="в статус", ordering="to_status")
    def to_status_label(self, event: MembershipEvent) -> str:
        return membership_status_label(event.to_status)


class MembershipEventInline(MembershipEventLabels, ReadOnlyTabularInline):
    model = MembershipEvent
    fields = [
        "created_at",
        "action_label",
        "from_status_label",
        "to_status_label",
        "new_term_ends_on",
        "reason",
    ]


@admin.register(ReserveMembership)
class ReserveMembershipAdmin(RegulationNamesMixin, ReadOnlyPolicyAdmin):
    name_accusative = "членство в резерве"
    visible_to = access.memberships_visible_to
    may_view = access.can_manage_membership
    list_display = [
        "candidate",
        "position_kind",
        "municipality",
        "category_label",
        "readiness_label",
        "term_ends_on",
        "status",
    ]
    list_select_related = ["candidate", "position_kind", "municipality"]
    list_filter = [
        "status",
        regulation_filter("category", "categories", "категория резерва"),
        regulation_filter("readiness", "readiness_levels", "готовность"),
        "position_kind",
        "municipality",
    ]
    search_fields = ["candidate__last_name", "candidate__first_name", "order_number"]
    date_hierarchy = "term_ends_on"
    inlines = [MembershipEventInline]
    exclude = ["category", "readiness", "exclusion_ground"]
    readonly_fields = ["category_label", "readiness_label", "exclusion_ground_label"]

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return with_regulation_names(super().get_queryset(request), fields=REGULATION_CODES)

    @admin.display(description="основание исключения", ordering="exclusion_ground")
    def exclusion_ground_label(self, membership: ReserveMembership) -> str:
        return getattr(membership, "exclusion_ground_name", "") or "—"


@admin.register(MembershipEvent)
class MembershipEventAdmin(MembershipEventLabels, ReadOnlyPolicyAdmin):
    name_accusative = "событие членства в резерве"
    may_view = access.can_manage_membership
    list_display = [
        "membership",
        "action_label",
        "from_status_label",
        "to_status_label",
        "created_at",
    ]
    list_select_related = ["membership__candidate", "membership__position_kind"]
    exclude = ["action", "from_status", "to_status"]
    readonly_fields = ["action_label", "from_status_label", "to_status_label"]

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        memberships = access.memberships_visible_to(request.user)
        return super().get_queryset(request).filter(membership__in=memberships.values("pk"))
