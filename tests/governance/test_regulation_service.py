"""The Regulation's invariants live in its service: every caller is refused the same way."""

import copy

import pytest
from django.core.exceptions import ValidationError

from audit.models import AuditEvent
from governance.models import RegulationVersion
from governance.regulation import DEFAULT_PARAMETERS
from governance.selectors import regulation_in_force, regulation_version_in_force
from governance.services import regulation_version_create


def _parameters(**changes) -> dict:
    parameters = copy.deepcopy(DEFAULT_PARAMETERS)
    parameters.update(changes)
    return parameters


def _route(**changes) -> list[dict]:
    eligibility = copy.deepcopy(DEFAULT_PARAMETERS["eligibility"])
    eligibility[0]["routes"][0].update(changes)
    return eligibility


def _weights(**changes) -> dict:
    return {**DEFAULT_PARAMETERS["assessment_weights"], **changes}


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"reserve_term_years": 0}, "reserve_term_years", "должен быть от 1 до 10 лет"),
        ({"reserve_term_years": 11}, "reserve_term_years", "должен быть от 1 до 10 лет"),
        ({"extension_term_years": 6}, "extension_term_years", "Срок продления должен быть"),
        (
            {"max_extensions": 2, "extension_term_years": 0},
            "extension_term_years",
            "Если продление допускается, укажите его срок не меньше 1 года.",
        ),
        ({"max_extensions": 6}, "max_extensions", "Число продлений должно быть от 0 до 5."),
        ({"pass_threshold": 0}, "pass_threshold", "Проходной балл должен быть от 1 до 100."),
        ({"pass_threshold": 101}, "pass_threshold", "Проходной балл должен быть от 1 до 100."),
        ({"commission_quorum_percent": 0}, "commission_quorum_percent", "от 1 до 100"),
        ({"max_offer_refusals": 0}, "max_offer_refusals", "до исключения — от 1 до 10"),
        ({"categories": []}, "categories", "Категории резерва: нужен хотя бы один пункт."),
        (
            {"categories": [{"code": "Оперативный", "name": "оперативный"}]},
            "categories",
            "код «Оперативный» — только латинские строчные буквы, цифры и «_»",
        ),
        (
            {"readiness_levels": [{"code": "now", "name": "сейчас"}, {"code": "now", "name": "x"}]},
            "readiness_levels",
            "Уровни готовности: код «now» повторяется.",
        ),
        (
            {"readiness_levels": [{"code": "now", "name": "  "}]},
            "readiness_levels",
            "у кода «now» нет названия",
        ),
        (
            {"exclusion_grounds": [{"code": "own_request", "name": "личное заявление"}]},
            "exclusion_grounds",
            "Оставьте основание term_expired: его записывает закрытие истёкших сроков.",
        ),
        ({"required_documents": []}, "required_documents", "хотя бы один обязательный документ"),
        (
            {"required_documents": ["application", "passport"]},
            "required_documents",
            "Неизвестные виды документов: passport.",
        ),
        ({"reporting_dates": []}, "reporting_dates", "Укажите хотя бы одну дату отчётности."),
        (
            {"reporting_dates": [[2, 30]]},
            "reporting_dates",
            "Несуществующая дата отчётности: 30.02.",
        ),
        (
            {"eligibility": _route(education_fields=["astrology"])},
            "eligibility",
            "неизвестное направление подготовки",
        ),
        (
            {"eligibility": _route(experience_kinds=["military"])},
            "eligibility",
            "неизвестный вид стажа",
        ),
        (
            {"eligibility": _route(min_experience_years=51)},
            "eligibility",
            "стаж должен быть от 0 до 50 лет",
        ),
        (
            {"eligibility": _route(dpo_min_hours=2001)},
            "eligibility",
            "объём ДПО должен быть от 0 до 2000 часов",
        ),
        (
            {"assessment_weights": _weights(case=25)},
            "assessment_weights",
            "Сумма весов инструментов оценки должна быть равна 100, сейчас 105.",
        ),
        (
            {"assessment_weights": _weights(case=-5, interview=45)},
            "assessment_weights",
            "Решение управленческих кейсов: вес должен быть от 0 до 100 %.",
        ),
    ],
)
def test_it_refuses_each_broken_invariant_in_russian(ministry_user, changes, field, message):
    with pytest.raises(ValidationError) as refusal:
        regulation_version_create(
            author=ministry_user, parameters=_parameters(**changes), reason="Приказ № 7"
        )

    assert list(refusal.value.message_dict) == [field]
    assert any(message in text for text in refusal.value.message_dict[field])
    assert RegulationVersion.objects.count() == 1
    assert not AuditEvent.objects.filter(action="regulation.version_create").exists()


def test_it_names_every_problem_at_once_the_reason_included(ministry_user):
    with pytest.raises(ValidationError) as refusal:
        regulation_version_create(
            author=ministry_user,
            parameters=_parameters(pass_threshold=0, reporting_dates=[[2, 30]]),
            reason="   ",
        )

    assert set(refusal.value.message_dict) == {"pass_threshold", "reporting_dates", "reason"}
    assert refusal.value.message_dict["reason"] == ["Укажите основание изменения Положения."]


def test_it_refuses_parameters_that_are_not_a_regulations(ministry_user):
    parameters = _parameters()
    del parameters["categories"]

    with pytest.raises(ValidationError, match="Параметры Положения неполны или неверны"):
        regulation_version_create(author=ministry_user, parameters=parameters, reason="№ 7")
    assert RegulationVersion.objects.count() == 1


def test_it_refuses_an_edit_begun_on_a_version_no_longer_in_force(ministry_user, admin_user):
    regulation_version_create(
        author=admin_user, parameters=_parameters(pass_threshold=70), reason="Приказ № 6"
    )

    with pytest.raises(ValidationError, match="вступила в силу редакция № 2"):
        regulation_version_create(
            author=ministry_user,
            parameters=_parameters(reserve_term_years=4),
            reason="Приказ № 7",
            base_number=1,
        )
    assert regulation_version_in_force().number == 2
    assert regulation_in_force().reserve_term_years == 3


def test_it_puts_a_valid_version_in_force_no_extension_without_a_term(ministry_user):
    version = regulation_version_create(
        author=ministry_user,
        parameters=_parameters(max_extensions=0, extension_term_years=0),
        reason=" Приказ № 7 ",
        base_number=1,
    )

    assert (version.number, version.in_force, version.reason) == (2, True, "Приказ № 7")
    assert regulation_in_force().max_extensions == 0
