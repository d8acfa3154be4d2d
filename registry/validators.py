"""Check digits and formats of Russian organization identifiers."""

import re

from django.core.exceptions import ValidationError

_INN10_WEIGHTS = (2, 4, 10, 3, 5, 9, 4, 6, 8)
_KPP_PATTERN = re.compile(r"^\d{4}[\dA-Z]{2}\d{3}$")


def inn_is_valid(inn: str) -> bool:
    """Return whether a legal entity's 10-digit INN has the right check digit."""
    if len(inn) != 10 or not inn.isdigit():
        return False
    total = sum(int(digit) * weight for digit, weight in zip(inn, _INN10_WEIGHTS, strict=False))
    return total % 11 % 10 == int(inn[9])


def ogrn_is_valid(ogrn: str) -> bool:
    """Return whether a 13-digit OGRN has the right check digit."""
    if len(ogrn) != 13 or not ogrn.isdigit():
        return False
    return int(ogrn[:12]) % 11 % 10 == int(ogrn[12])


def kpp_is_valid(kpp: str) -> bool:
    """Return whether a KPP has the format NNNNPPNNN."""
    return bool(_KPP_PATTERN.match(kpp))


def validate_inn(value: str) -> None:
    """Raise unless the value is a valid legal entity INN."""
    if not value.isdigit() or len(value) != 10:
        raise ValidationError("ИНН организации должен состоять из 10 цифр.", code="inn_format")
    if not inn_is_valid(value):
        raise ValidationError("Неверная контрольная цифра ИНН.", code="inn_checksum")


def validate_ogrn(value: str) -> None:
    """Raise unless the value is a valid OGRN."""
    if not value.isdigit() or len(value) != 13:
        raise ValidationError("ОГРН должен состоять из 13 цифр.", code="ogrn_format")
    if not ogrn_is_valid(value):
        raise ValidationError("Неверная контрольная цифра ОГРН.", code="ogrn_checksum")


def validate_kpp(value: str) -> None:
    """Raise unless the value is a KPP of 9 characters in the standard format."""
    if not kpp_is_valid(value):
        raise ValidationError(
            "КПП должен состоять из 9 символов: 4 цифры, 2 цифры или заглавные латинские буквы, "
            "3 цифры.",
            code="kpp_format",
        )
