"""Factories for the test suite: valid identifiers, believable names."""

import random

import factory

from accounts.models import Role, User
from registry.models import Founder, Municipality, Organization, OrganizationKind
from registry.validators import _INN10_WEIGHTS

RUSSIAN_CAPITALS = "АБВГДЕЖЗИКЛМНОПРСТУФХЦЧШЭЮЯ"


def letters(number: int) -> str:
    """Return a number written in letters (0 → «А», 27 → «ББ»): names take no digits."""
    base = len(RUSSIAN_CAPITALS)
    text = RUSSIAN_CAPITALS[number % base]
    while number >= base:
        number = number // base - 1
        text = RUSSIAN_CAPITALS[number % base] + text
    return text


def make_inn(seed: int) -> str:
    """Return a valid 10-digit INN derived from the seed."""
    body = f"56{seed % 10_000_000:07d}"
    check = sum(int(d) * w for d, w in zip(body, _INN10_WEIGHTS, strict=False)) % 11 % 10
    return body + str(check)


def make_ogrn(seed: int) -> str:
    """Return a valid 13-digit OGRN derived from the seed."""
    body = f"10256{seed % 10_000_000:07d}"
    return body + str(int(body) % 11 % 10)


class OrganizationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organization

    municipality = factory.LazyFunction(lambda: Municipality.objects.order_by("?").first())
    full_name = factory.Sequence(lambda n: f"МОБУ «Средняя общеобразовательная школа № {n + 1}»")
    short_name = factory.Sequence(lambda n: f"МОБУ «СОШ № {n + 1}»")
    kind = OrganizationKind.GENERAL
    founder = Founder.MUNICIPAL
    inn = factory.Sequence(lambda n: make_inn(n + random.randint(0, 10**6)))
    kpp = "561001001"
    ogrn = factory.Sequence(lambda n: make_ogrn(n))


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.Sequence(lambda n: f"user{n}@example.org")
    first_name = "Анна"
    last_name = factory.Sequence(lambda n: f"Иванова-{letters(n)}")
    middle_name = "Петровна"
    role = Role.CANDIDATE
    password = factory.PostGenerationMethodCall("set_password", "parol-dlya-testa-2026")

    @factory.post_generation
    def persist_password(obj, create, extracted, **kwargs):
        if create:
            obj.save()
