"""Choosing an organization in a form: type a word of its name or short name, or its INN.

The field is a plain text input that works without JavaScript: the server finds the organization
the text names among those the form allows. With the script (static/registry/organization_picker.js)
the input suggests organizations as the person types, from registry:organization_lookup, and a
choice puts the organization's label (with its INN) into the input, which the server then resolves
exactly.
"""

import re

from django import forms
from django.db.models import QuerySet
from django.urls import reverse_lazy

from core.search import fold, search
from core.views import parse_id
from registry.models import Organization
from registry.selectors import natural_key

# An INN of an organization has 10 digits (12 for an individual entrepreneur).
_INN = re.compile(r"(?<!\d)(\d{10}|\d{12})(?!\d)")
# Without a whole INN the text must name the organization: the «19» of «СОШ № 19» found inside
# another school's INN must never choose that school.
NAME_FIELDS = ("full_name", "short_name")
SHOWN_CANDIDATES = 5


def organization_label(organization: Organization) -> str:
    """Return how the picker shows an organization: «МОБУ «СОШ № 5» — ИНН 5610012345»."""
    return f"{organization.short_name or organization.full_name} — ИНН {organization.inn}"


class OrganizationInput(forms.TextInput):
    """A text input the picker's script turns into a combobox of suggestions."""

    def __init__(self, attrs: dict | None = None) -> None:
        defaults = {
            "autocomplete": "off",
            "spellcheck": "false",
            "placeholder": "Начните вводить наименование или ИНН",
            "data-organization-lookup": reverse_lazy("registry:organization_lookup"),
        }
        super().__init__({**defaults, **(attrs or {})})

    def format_value(self, value):
        if isinstance(value, Organization):
            return organization_label(value)
        key = value if isinstance(value, int) else parse_id(value)
        if key is not None:
            # An initial given as a primary key (a model form's instance).
            organization = Organization.objects.filter(pk=key).first()
            if organization is not None:
                return organization_label(organization)
        return super().format_value(value)


class OrganizationField(forms.Field):
    """An organization from `queryset`, named by its INN, its name or its short name."""

    widget = OrganizationInput
    default_error_messages = {
        "required": "Укажите организацию: начните вводить её наименование или ИНН.",
        "unknown_inn": "Организации с ИНН {inn} нет в реестре.",
        "out_of_scope": (
            "Организация с ИНН {inn} есть в реестре, но здесь её выбрать нельзя: она из другого "
            "муниципального образования или закрыта."
        ),
        "none": "Организация «{text}» не найдена. Проверьте наименование или введите ИНН.",
        "several": (
            "Под «{text}» подходят несколько организаций ({shown}). Уточните наименование "
            "или введите ИНН."
        ),
    }

    def __init__(
        self, *, queryset: QuerySet[Organization] | None = None, municipality_field: str = "", **kw
    ) -> None:
        super().__init__(**kw)
        self.queryset = queryset if queryset is not None else Organization.objects.none()
        if municipality_field:
            # The script narrows the suggestions to the municipality chosen in that field.
            self.widget.attrs["data-municipality-field"] = municipality_field

    def prepare_value(self, value):
        return value

    def to_python(self, value) -> Organization | None:
        if isinstance(value, Organization):
            return value
        text = " ".join(str(value or "").split())
        if not text:
            return None
        inn = _INN.search(text)
        if inn is not None:
            found = self.queryset.filter(inn=inn.group(1)).first()
            if found is not None:
                return found
            code = (
                "out_of_scope"
                if Organization.objects.filter(inn=inn.group(1)).exists()
                else "unknown_inn"
            )
            raise forms.ValidationError(
                self.error_messages[code].format(inn=inn.group(1)), code=code
            )
        matches = list(search(self.queryset, text, NAME_FIELDS)[:50])
        exact = [
            organization
            for organization in matches
            if fold(text) in (fold(organization.short_name), fold(organization.full_name))
        ]
        if len(exact) == 1:
            return exact[0]
        if len(matches) == 1:
            return matches[0]
        if not matches:
            raise forms.ValidationError(self.error_messages["none"].format(text=text), code="none")
        shown = sorted(exact or matches, key=lambda o: natural_key(o.short_name or o.full_name))
        names = "; ".join(organization_label(o) for o in shown[:SHOWN_CANDIDATES])
        if len(shown) > SHOWN_CANDIDATES:
            names += "; …"
        raise forms.ValidationError(
            self.error_messages["several"].format(text=text, shown=names), code="several"
        )
