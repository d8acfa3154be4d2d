"""The founder (учредитель) of an organization: read from a registry cell, or told by its name.

The founder decides who appoints the head (273-ФЗ ст. 51 ч. 1): a municipal organization's head
is appointed by the municipality, a regional one's by the ministry. Registries rarely have a
column for it, but the organizational-legal form in the name says it: «МБОУ», «Муниципальное
…» — municipal; «ГАПОУ», «Государственное …» — regional (the region's own organizations);
«ФГБОУ», «Федеральное государственное …» — federal; «ЧОУ», «АНО», «Частное …» — private.
An explicit value in the registry always wins over the name.

Plain functions over strings, with no Django models: the registry's import parses rows in a
worker process that loads none.
"""

import re

REGIONAL, MUNICIPAL, FEDERAL, PRIVATE = "regional", "municipal", "federal", "private"

# How the import template and the export write each founder.
FOUNDER_NAMES = {
    REGIONAL: "региональная",
    MUNICIPAL: "муниципальная",
    FEDERAL: "федеральная",
    PRIVATE: "частная",
}

# A cell's text, lower-cased with ё as е, by how it begins. Longest and most specific first:
# «федеральное государственное» must be read before «государственное».
_CELL_PREFIXES: tuple[tuple[str, str], ...] = (
    ("федерал", FEDERAL),
    ("российская федерация", FEDERAL),
    ("рф", FEDERAL),
    ("министерство просвещения", FEDERAL),
    ("министерство науки", FEDERAL),
    ("регион", REGIONAL),
    ("област", REGIONAL),
    ("субъект", REGIONAL),
    ("оренбургская область", REGIONAL),
    ("министерство образования оренбургской области", REGIONAL),
    ("правительство оренбургской области", REGIONAL),
    ("государствен", REGIONAL),
    ("муниципал", MUNICIPAL),
    ("мо ", MUNICIPAL),
    ("администрация", MUNICIPAL),
    ("управление образования", MUNICIPAL),
    ("отдел образования", MUNICIPAL),
    ("комитет по образованию", MUNICIPAL),
    ("частн", PRIVATE),
    ("негосударствен", PRIVATE),
    ("автономная некоммерческая", PRIVATE),
    ("ано", PRIVATE),
    ("религиозн", PRIVATE),
)

# The first words of a full name.
_NAME_PREFIXES: tuple[tuple[str, str], ...] = (
    ("федеральное", FEDERAL),
    ("государственное", REGIONAL),
    ("областное", REGIONAL),
    ("муниципальное", MUNICIPAL),
    ("частное", PRIVATE),
    ("негосударственное", PRIVATE),
    ("автономная некоммерческая", PRIVATE),
    ("религиозная", PRIVATE),
)

# The abbreviation a short name starts with: МБОУ, ГАПОУ, ФГБОУ, ЧОУ, АНО…
_ABBREVIATION = re.compile(r"^([А-ЯЁ]{2,})(?![а-яё])")
_ABBREVIATION_PREFIXES: tuple[tuple[str, str], ...] = (
    ("ФГ", FEDERAL),
    ("ФК", FEDERAL),
    ("АНО", PRIVATE),
    ("АН", PRIVATE),
    ("ЧОУ", PRIVATE),
    ("ЧУ", PRIVATE),
    ("ЧДОУ", PRIVATE),
    ("ЧПОУ", PRIVATE),
    ("НОУ", PRIVATE),
    ("Г", REGIONAL),
    ("ОГ", REGIONAL),  # ОГАУ, ОГБУ: «областное государственное…»
    ("М", MUNICIPAL),
)


def _folded(text: str) -> str:
    return " ".join(str(text).lower().replace("ё", "е").split())


def founder_from_text(text: str) -> str | None:
    """Return the founder a registry cell names («муниципальная», «Оренбургская область»…)."""
    folded = _folded(text).strip(" .")
    for code, name in FOUNDER_NAMES.items():
        if folded == name:
            return code
    for prefix, code in _CELL_PREFIXES:
        if folded == prefix.strip() or folded.startswith(prefix):
            return code
    return None


def founder_from_name(full_name: str, short_name: str = "") -> str:
    """Return the founder the organization's name tells, or "" when it does not."""
    folded = _folded(full_name)
    for prefix, code in _NAME_PREFIXES:
        if folded.startswith(prefix):
            return code
    match = _ABBREVIATION.match(str(short_name).strip())
    if match:
        abbreviation = match.group(1).replace("Ё", "Е")
        for prefix, code in _ABBREVIATION_PREFIXES:
            if abbreviation.startswith(prefix):
                return code
    return ""
