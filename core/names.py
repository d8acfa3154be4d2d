"""Russian personal names: what passes as one, its cases in official papers, its gender.

Declension is pytrovich's (the petrovich rules): «Прохорова Наталья Игоревна» → genitive
«Прохоровой Натальи Игоревны», dative «Прохоровой Наталье Игоревне», accusative «Прохорову
Наталью Игоревну». Unusual names can decline wrongly, so the selection stage stores the forms on
the person and lets staff correct them; this module only proposes them.
"""

import unicodedata
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from pytrovich.detector import PetrovichGenderDetector
from pytrovich.enums import Case, Gender, NamePart
from pytrovich.maker import PetrovichDeclinationMaker

PERSON_NAME_MESSAGE = (
    "Можно вводить только буквы, пробелы, дефис и апостроф (например, «Петрова-Водкина», «Д’Арк»)."
)
# The hyphens and apostrophes people type: ASCII, the typographic ones, the modifier letter.
_PUNCTUATION = frozenset(" -‐–'’ʼ")

MALE = "male"
FEMALE = "female"

# The cases the portal's documents use, by the names stored on the person.
CASES = {
    "genitive": Case.GENITIVE,  # «О включении Прохоровой Натальи Игоревны»
    "dative": Case.DATIVE,  # «Отказать Гусевой Елене Павловне»
    "accusative": Case.ACCUSATIVE,  # «Включить Прохорову Наталью Игоревну»
    "instrumental": Case.INSTRUMENTAL,  # «с Прохоровой Натальей Игоревной»
}

_maker = PetrovichDeclinationMaker()
_detector = PetrovichGenderDetector()
_GENDERS = {MALE: Gender.MALE, FEMALE: Gender.FEMALE}


def detect_gender(*, last_name: str = "", first_name: str = "", middle_name: str = "") -> str:
    """Return MALE or FEMALE from the patronymic (then the names); "" when it cannot tell."""
    middle = middle_name.strip().lower()
    if middle.endswith(("вич", "ьич", "оглы", "улы")):
        return MALE
    if middle.endswith(("вна", "чна", "шна", "кызы", "гызы")):
        return FEMALE
    try:
        gender = _detector.detect(
            firstname=first_name.strip() or None, middlename=middle_name.strip() or None
        )
    except (KeyError, ValueError, AttributeError):
        gender = None
    if gender == Gender.MALE:
        return MALE
    if gender == Gender.FEMALE:
        return FEMALE
    last = last_name.strip().lower()
    if last.endswith(("ова", "ева", "ёва", "ина", "ына", "ская", "цкая")):
        return FEMALE
    if last.endswith(("ов", "ев", "ёв", "ин", "ын", "ский", "цкий")):
        return MALE
    return ""


def _decline(part: NamePart, gender: str, case: Case, value: str) -> str:
    if not value:
        return ""
    # Double surnames decline part by part: «Петрова-Водкина».
    return "-".join(
        _maker.make(part, _GENDERS.get(gender, Gender.ANDROGYNOUS), case, piece)
        for piece in value.split("-")
    )


def decline_full_name(
    *, last_name: str, first_name: str, middle_name: str, gender: str, case: str
) -> str:
    """Return «Фамилия Имя Отчество» in the case (a key of CASES)."""
    grammatical = CASES[case]
    parts = [
        _decline(NamePart.LASTNAME, gender, grammatical, last_name.strip()),
        _decline(NamePart.FIRSTNAME, gender, grammatical, first_name.strip()),
        _decline(NamePart.MIDDLENAME, gender, grammatical, middle_name.strip()),
    ]
    return " ".join(part for part in parts if part)


def decline_short_name(
    *, last_name: str, first_name: str, middle_name: str, gender: str, case: str | None
) -> str:
    """Return «Абрамову С. И.» — the surname in the case, then the initials."""
    surname = last_name.strip()
    if case is not None:
        surname = _decline(NamePart.LASTNAME, gender, CASES[case], surname)
    initials = " ".join(f"{part.strip()[0]}." for part in (first_name, middle_name) if part.strip())
    # Non-breaking spaces keep the initials with the surname at a line end.
    return "\u00a0".join(part for part in (surname, initials.replace(" ", "\u00a0")) if part)


@dataclass(frozen=True)
class NameForms:
    """A full name in the nominative and in each case of CASES, and the gender it agrees with."""

    nominative: str
    genitive: str
    dative: str
    accusative: str
    instrumental: str
    gender: str


def name_forms(*, last_name: str, first_name: str, middle_name: str, gender: str = "") -> NameForms:
    """Return the proposed forms of a full name; the gender is detected when not given."""
    gender = gender or detect_gender(
        last_name=last_name, first_name=first_name, middle_name=middle_name
    )
    names = {"last_name": last_name, "first_name": first_name, "middle_name": middle_name}
    return NameForms(
        nominative=" ".join(part.strip() for part in names.values() if part.strip()),
        gender=gender,
        **{case: decline_full_name(**names, gender=gender, case=case) for case in CASES},
    )


def agree(gender: str, *, male: str, female: str) -> str:
    """Return the word form that agrees with the gender: «воздержался» / «воздержалась»."""
    return female if gender == FEMALE else male


def is_person_name(text: str) -> bool:
    """Return whether the text reads as a name: letters, with spaces, hyphens, apostrophes."""
    has_letter = False
    for character in text:
        category = unicodedata.category(character)
        if category.startswith("L"):
            has_letter = True
        elif not (category.startswith("M") or character in _PUNCTUATION):
            return False
    return has_letter


def validate_person_name(value: str) -> None:
    """Refuse, in Russian, a surname, first name or patronymic that is not a name."""
    if value and not is_person_name(value):
        raise ValidationError(PERSON_NAME_MESSAGE, code="person_name")
