"""Demo registry: about a thousand believable organizations spread over the 42 municipalities.

Called by `manage.py seed_demo`. Deterministic for a given random generator and day; existing
organizations (matched by INN) are left alone, so running it again adds nothing.
"""

import datetime
import random
from dataclasses import dataclass

from django.db import transaction

from audit.models import AuditSource
from audit.services import Change, audit_record_bulk
from demo.region import (
    ADDITIONAL_KINDS,
    CITIES,
    COLLEGE_PROFILES,
    FEMALE_NAMES,
    KINDERGARTEN_NAMES,
    MALE_NAMES,
    PATRONYMIC_BASES,
    POPULATION,
    STREETS,
    SURNAMES,
    VILLAGES,
)
from registry.founders import founder_from_name
from registry.models import Municipality, Organization, OrganizationKind
from registry.validators import _INN10_WEIGHTS

TARGET_ORGANIZATIONS = 1000

# Rural areas need more organizations per resident: many small village schools.
URBAN_RATE, RURAL_RATE = 0.4, 0.9

KIND_MIX = {
    # kind: share among a city's / a rural area's organizations
    OrganizationKind.GENERAL: (0.40, 0.50),
    OrganizationKind.PRESCHOOL: (0.46, 0.43),
    OrganizationKind.ADDITIONAL: (0.09, 0.07),
    OrganizationKind.VOCATIONAL: (0.05, 0.0),
}
STUDENT_RANGES = {
    # kind: (city range, rural range)
    OrganizationKind.GENERAL: ((450, 1600), (25, 450)),
    OrganizationKind.PRESCHOOL: ((120, 380), (15, 140)),
    OrganizationKind.ADDITIONAL: ((600, 2800), (150, 900)),
    OrganizationKind.VOCATIONAL: ((450, 1900), (300, 800)),
}


def has_data() -> bool:
    """Return whether the registry already holds organizations."""
    return Organization.objects.exists()


def inn_for(office: int, serial: int) -> str:
    """Return a valid 10-digit INN of an Orenburg legal entity registered at the tax office."""
    body = f"56{office:02d}{serial:05d}"
    check = sum(int(digit) * weight for digit, weight in zip(body, _INN10_WEIGHTS, strict=True))
    return body + str(check % 11 % 10)


def ogrn_for(year: int, office: int, serial: int) -> str:
    """Return a valid 13-digit OGRN: legal entity, registration year, region 56, office, serial."""
    body = f"1{year % 100:02d}56{office:02d}{serial:05d}"
    return body + str(int(body) % 11 % 10)


def allocate(total: int) -> dict[str, int]:
    """Return how many organizations each municipality gets, summing exactly to the total."""
    weights = {
        name: people * (URBAN_RATE if name in CITIES else RURAL_RATE)
        for name, people in POPULATION.items()
    }
    scale = total / sum(weights.values())
    shares = {name: weight * scale for name, weight in weights.items()}
    counts = {name: max(int(share), 3) for name, share in shares.items()}
    by_remainder = sorted(shares, key=lambda name: shares[name] - int(shares[name]), reverse=True)
    index = 0
    while sum(counts.values()) < total:
        counts[by_remainder[index % len(by_remainder)]] += 1
        index += 1
    return counts


def _kinds_for(count: int, *, is_city: bool, rng: random.Random) -> list[str]:
    column = 0 if is_city else 1
    kinds: list[str] = []
    for kind, shares in KIND_MIX.items():
        kinds += [kind.value] * round(count * shares[column])
    if not is_city and count >= 25:
        kinds.append(OrganizationKind.VOCATIONAL.value)  # one college in a larger district
    kinds = (kinds + [OrganizationKind.GENERAL.value] * count)[:count]
    rng.shuffle(kinds)
    return kinds


@dataclass
class _Place:
    """Where an organization stands, for names and addresses."""

    adjective: str
    area_genitive: str
    settlement: str
    area_code: str
    is_city: bool


def _place(municipality: Municipality, rng: random.Random, used_villages: list[str]) -> _Place:
    if municipality.name in CITIES:
        adjective, town, code = CITIES[municipality.name]
        return _Place(adjective, "", town, code, True)
    adjective = municipality.name.split()[0]
    area = "городского округа" if "округ" in municipality.name else "района"
    genitive = f"{adjective[:-2]}ого {area}"  # Адамовский → Адамовского, Северный → Северного
    village = used_villages.pop() if used_villages else rng.choice(VILLAGES)
    code = f"353{30 + len(adjective) % 60:02d}"
    return _Place(adjective, genitive, f"с. {village}", code, False)


def _head(rng: random.Random, kind: str) -> str:
    female_share = 0.93 if kind == OrganizationKind.PRESCHOOL else 0.68
    surname_male, surname_female = rng.choice(SURNAMES)
    patronymic = rng.choice(PATRONYMIC_BASES)[0]
    if rng.random() < female_share:
        return f"{surname_female} {rng.choice(FEMALE_NAMES)} {patronymic}на"
    return f"{surname_male} {rng.choice(MALE_NAMES)} {patronymic}ич"


def _birth_date(rng: random.Random, today: datetime.date) -> datetime.date:
    age_days = int(rng.triangular(33, 71, 53) * 365.25)
    return today - datetime.timedelta(days=age_days)


def _contract_end(rng: random.Random, today: datetime.date) -> datetime.date | None:
    roll = rng.random()
    if roll < 0.05:
        return None  # not entered in the registry
    if roll < 0.18:
        return today + datetime.timedelta(days=rng.randint(15, 365))  # ends within a year
    return today + datetime.timedelta(days=rng.randint(366, 5 * 365))


def _names(kind: str, place: _Place, number: int, rng: random.Random) -> tuple[str, str]:
    where = "" if place.is_city else f" {place.settlement}"
    if kind == OrganizationKind.GENERAL:
        if place.is_city:
            return (
                "Муниципальное общеобразовательное бюджетное учреждение "
                f"«Средняя общеобразовательная школа № {number}»",
                f"МОБУ «СОШ № {number}»",
            )
        level, short = rng.choice([("Средняя", "СОШ"), ("Средняя", "СОШ"), ("Основная", "ООШ")])
        return (
            "Муниципальное общеобразовательное бюджетное учреждение "
            f"«{level} общеобразовательная школа{where}»",
            f"МОБУ «{short}{where}»",
        )
    if kind == OrganizationKind.PRESCHOOL:
        nickname = rng.choice(KINDERGARTEN_NAMES)
        if place.is_city:
            return (
                "Муниципальное дошкольное образовательное автономное учреждение "
                f"«Детский сад № {number} «{nickname}»»",
                f"МДОАУ «Детский сад № {number}»",
            )
        return (
            "Муниципальное дошкольное образовательное бюджетное учреждение "
            f"«Детский сад «{nickname}»{where}»",
            f"МДОБУ «Детский сад «{nickname}»{where}»",
        )
    if kind == OrganizationKind.ADDITIONAL:
        full, short = ADDITIONAL_KINDS[number % len(ADDITIONAL_KINDS)]
        suffix = f" № {number}" if place.is_city else f" {place.area_genitive}"
        return (
            f"Муниципальное бюджетное учреждение дополнительного образования «{full}{suffix}»",
            f"МБУДО «{short}{suffix}»",
        )
    profile = COLLEGE_PROFILES[number % len(COLLEGE_PROFILES)]
    return (
        "Государственное автономное профессиональное образовательное учреждение "
        f"«{place.adjective} {profile}»",
        f"ГАПОУ «{place.adjective} {profile}»",
    )


def _phone(area_code: str, rng: random.Random) -> str:
    local_digits = 10 - len(area_code)
    local = f"{rng.randrange(10 ** (local_digits - 1) * 2, 10**local_digits):d}"
    return f"+7 ({area_code}) {local[:-4]}-{local[-4:-2]}-{local[-2:]}"


def build_organizations(*, rng: random.Random, today: datetime.date) -> list[Organization]:
    """Return the demo organizations, unsaved, in a deterministic order."""
    municipalities = {item.name: item for item in Municipality.objects.all()}
    organizations = []
    serial = 0
    for office, (name, count) in enumerate(sorted(allocate(TARGET_ORGANIZATIONS).items()), 10):
        municipality = municipalities[name]
        is_city = name in CITIES
        villages = rng.sample(VILLAGES, k=min(len(VILLAGES), count))
        numbers = {kind.value: 0 for kind in OrganizationKind}
        used_names: set[str] = set()
        for kind in _kinds_for(count, is_city=is_city, rng=rng):
            serial += 1
            numbers[kind] += 1
            place = _place(municipality, rng, villages)
            full_name, short_name = _names(kind, place, numbers[kind], rng)
            if full_name in used_names:
                full_name, short_name = f"{full_name} (филиал)", f"{short_name} (филиал)"
            used_names.add(full_name)
            low, high = STUDENT_RANGES[OrganizationKind(kind)][0 if is_city else 1]
            organizations.append(
                Organization(
                    municipality=municipality,
                    full_name=full_name,
                    short_name=short_name,
                    kind=kind,
                    founder=founder_from_name(full_name, short_name),
                    inn=inn_for(office, serial),
                    kpp=f"56{office:02d}01001",
                    ogrn=ogrn_for(rng.randint(1993, 2016), office, serial),
                    address=(
                        f"46{rng.randint(0, 1999):04d}, Оренбургская область, "
                        f"{'' if is_city else name + ', '}{place.settlement}, "
                        f"{rng.choice(STREETS)}, д. {rng.randint(1, 120)}"
                    ),
                    phone=_phone(place.area_code, rng),
                    email=f"org{serial:04d}@obr56.example",
                    student_count=rng.randint(low, high),
                    head_full_name=_head(rng, kind),
                    head_birth_date=_birth_date(rng, today),
                    head_contract_end_date=_contract_end(rng, today),
                )
            )
    return organizations


@transaction.atomic
def seed(*, rng: random.Random, today: datetime.date) -> list[str]:
    """Create the demo organizations that are not there yet; return lines for the report."""
    organizations = build_organizations(rng=rng, today=today)
    existing = set(
        Organization.objects.filter(inn__in=[item.inn for item in organizations]).values_list(
            "inn", flat=True
        )
    )
    new = [item for item in organizations if item.inn not in existing]
    created = Organization.objects.bulk_create(new, batch_size=500)
    audit_record_bulk(
        actor=None,
        changes=[Change(action="organization.create", obj=item) for item in created],
        source=AuditSource.COMMAND,
    )
    return [
        f"Организации: создано {len(created)}, уже были {len(existing)} "
        f"(муниципальных образований: {len({item.municipality_id for item in organizations})})."
    ]
