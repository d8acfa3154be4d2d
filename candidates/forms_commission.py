"""Forms of the commission's pages and of the reserve list."""

from django import forms
from django.db.models import QuerySet

from candidates.models import (
    CommissionMeeting,
    CommissionMember,
    MembershipStatus,
    Nomination,
    ReserveMembership,
    VoteChoice,
)
from governance.regulation import Regulation
from registry.models import Municipality, PositionKind

DATE_HELP = "В формате дд.мм.гггг."


class RussianDateInput(forms.DateInput):
    """A text date field written дд.мм.гггг."""

    def __init__(self, **kwargs) -> None:
        super().__init__(
            format="%d.%m.%Y",
            attrs={"placeholder": "дд.мм.гггг", "inputmode": "numeric", "autocomplete": "off"},
            **kwargs,
        )


def _choices(items) -> list[tuple[str, str]]:
    return [(item.code, item.name) for item in items]


class MeetingCreateForm(forms.Form):
    commission = forms.ModelChoiceField(
        label="Комиссия", queryset=None, empty_label="— выберите комиссию —"
    )
    date = forms.DateField(label="Дата заседания", widget=RussianDateInput(), help_text=DATE_HELP)
    starts_at = forms.TimeField(
        label="Время начала", required=False, input_formats=["%H:%M"], help_text="Например: 15:00."
    )
    place = forms.CharField(label="Место проведения", max_length=500, required=False)

    def __init__(self, *args, commissions: QuerySet, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["commission"].queryset = commissions
        if commissions.count() == 1:
            self.fields["commission"].initial = commissions.first()


class NominationChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, nomination: Nomination) -> str:
        return (
            f"{nomination.candidate.full_name} — {nomination.position_kind.name} "
            f"({nomination.municipality.name})"
        )


class AgendaNominationForm(forms.Form):
    nomination = NominationChoiceField(
        label="Заявка", queryset=None, empty_label="— выберите заявку —"
    )
    category = forms.ChoiceField(label="Предлагаемая категория резерва")
    readiness = forms.ChoiceField(label="Готовность к назначению")

    def __init__(self, *args, nominations: QuerySet, regulation: Regulation, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["nomination"].queryset = nominations
        self.fields["category"].choices = _choices(regulation.categories)
        self.fields["readiness"].choices = _choices(regulation.readiness_levels)


class MembershipChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, membership: ReserveMembership) -> str:
        return (
            f"{membership.candidate.full_name} — {membership.position_kind.name}, "
            f"срок до {membership.term_ends_on:%d.%m.%Y}"
        )


class AgendaExtensionForm(forms.Form):
    membership = MembershipChoiceField(
        label="Резервист", queryset=None, empty_label="— выберите резервиста —"
    )

    def __init__(self, *args, memberships: QuerySet, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["membership"].queryset = memberships


class MemberChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, member: CommissionMember) -> str:
        return member.user.get_full_name() or member.user.username


class VoteForm(forms.Form):
    choice = forms.ChoiceField(label="Голос", choices=VoteChoice.choices)
    # Empty: the signed-in member votes for themself; set: the secretary records a member's vote.
    member = MemberChoiceField(label="Член комиссии", queryset=None, required=False)

    def __init__(self, *args, members: QuerySet, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["member"].queryset = members


class AttendanceForm(forms.Form):
    member = MemberChoiceField(label="Член комиссии", queryset=None)
    present = forms.ChoiceField(
        label="Присутствие", choices=[("yes", "присутствует"), ("no", "отсутствует")]
    )

    def __init__(self, *args, members: QuerySet, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["member"].queryset = members


class DecideForm(forms.Form):
    """The refusal's grounds: picked from the candidate's assessment result, or another ground."""

    grounds = forms.MultipleChoiceField(
        label="Основания отказа из результата оценки",
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    reason = forms.CharField(
        label="Иное основание",
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Если большинство не поддержит предложение, нужно хотя бы одно основание.",
    )

    def __init__(self, *args, deficits: tuple[str, ...] = (), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["grounds"].choices = [(text, text) for text in deficits]
        if not deficits:
            del self.fields["grounds"]

    def reason_text(self) -> str:
        """Return the grounds as the protocol states them: picked first, then the other."""
        picked = list(self.cleaned_data.get("grounds") or [])
        other = self.cleaned_data.get("reason", "").strip()
        return "; ".join([*picked, *([other] if other else [])])


class CloseMeetingForm(forms.Form):
    protocol_number = forms.CharField(label="Номер протокола", max_length=50)
    protocol_date = forms.DateField(
        label="Дата составления протокола",
        widget=RussianDateInput(),
        required=False,
        help_text="Пусто — сегодня.",
    )
    invited = forms.CharField(
        label="Приглашённые",
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="По одному в строке: фамилия и инициалы, должность.",
    )


class InclusionOrderForm(forms.Form):
    """The ministry's order as the register records it; the next number is suggested."""

    order_number = forms.CharField(label="Номер приказа", max_length=50)
    order_date = forms.DateField(
        label="Дата приказа", widget=RussianDateInput(), help_text=DATE_HELP
    )
    signatory_name = forms.CharField(
        label="Подписал (фамилия и инициалы)", max_length=150, help_text="Например: Иванова А. П."
    )
    signatory_post = forms.CharField(label="Должность подписавшего", max_length=255)

    def order_data(self) -> dict:
        """Return the cleaned order fields as the services take them."""
        return {name: self.cleaned_data[name] for name in ORDER_FIELDS}


ORDER_FIELDS = ("order_number", "order_date", "signatory_name", "signatory_post")


class ExtensionMeetingForm(forms.Form):
    meeting = forms.ModelChoiceField(
        label="Заседание", queryset=None, empty_label="— выберите заседание —"
    )

    def __init__(self, *args, meetings: QuerySet[CommissionMeeting], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["meeting"].queryset = meetings


class ExcludeForm(InclusionOrderForm):
    ground = forms.ChoiceField(label="Основание исключения")
    comment = forms.CharField(
        label="Комментарий",
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Например, реквизиты заявления или документа, подтверждающего основание.",
    )
    on_date = forms.DateField(
        label="Дата исключения",
        widget=RussianDateInput(),
        help_text="Пусто — дата приказа.",
        required=False,
    )

    def __init__(self, *args, regulation: Regulation, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # An appointment closes the membership as «назначен» on the appointment stage.
        grounds = [
            choice for choice in _choices(regulation.exclusion_grounds) if choice[0] != "appointed"
        ]
        self.fields["ground"].choices = [("", "— выберите основание —"), *grounds]
        # The ground and comment first, then the order's requisites.
        self.order_fields([name for name in self.fields if name not in ORDER_FIELDS])


TERM_WINDOWS = [("", "любой"), ("3", "3 месяца"), ("6", "6 месяцев"), ("12", "12 месяцев")]


class MembershipFilterForm(forms.Form):
    """Filters of the reserve list; every field optional."""

    q = forms.CharField(label="Поиск по ФИО", required=False, max_length=100)
    status = forms.ChoiceField(
        label="Статус",
        required=False,
        choices=[("", "все"), *MembershipStatus.choices],
    )
    municipality = forms.ModelChoiceField(
        label="Муниципальное образование",
        required=False,
        queryset=Municipality.objects.order_by("name"),
        empty_label="все",
    )
    position_kind = forms.ModelChoiceField(
        label="Должность",
        required=False,
        queryset=PositionKind.objects.all(),
        empty_label="все",
    )
    category = forms.ChoiceField(label="Категория", required=False)
    readiness = forms.ChoiceField(label="Готовность", required=False)
    term_months = forms.TypedChoiceField(
        label="Срок истекает в течение",
        required=False,
        choices=TERM_WINDOWS,
        coerce=int,
        empty_value=None,
    )

    def __init__(self, *args, regulation: Regulation, region_wide: bool, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["category"].choices = [("", "все"), *_choices(regulation.categories)]
        self.fields["readiness"].choices = [("", "все"), *_choices(regulation.readiness_levels)]
        if not region_wide:
            del self.fields["municipality"]
        for name, field in self.fields.items():
            css = "form-control form-control-sm" if name == "q" else "form-select form-select-sm"
            field.widget.attrs["class"] = css
        self.fields["q"].widget.input_type = "search"
        self.fields["q"].widget.attrs["placeholder"] = "Фамилия, имя или отчество"
