"""The qualification routes of the Regulation, evaluated and explained."""

import datetime

import pytest

from candidates.eligibility import Profile, evaluate
from candidates.experience import length_of_service
from governance.regulation import DEFAULT_PARAMETERS, parse_regulation

TODAY = datetime.date(2026, 11, 27)
REGULATION = parse_regulation(DEFAULT_PARAMETERS)
DIRECTOR = REGULATION.rule_for("director-general")
DEPUTY = REGULATION.rule_for("deputy-general")


def profile(*, education=(), dpo=(), work=()) -> Profile:
    return Profile(higher_education=list(education), dpo=list(dpo), work=list(work))


def pedagogical(start, end=None):
    return ("pedagogical", start, end)


def management(start, end=None):
    return ("management", start, end)


MANAGEMENT_DEGREE = ("management", "Менеджмент", 2010)
PEDAGOGY_DEGREE = ("pedagogy", "Учитель истории", 2008)
MANAGEMENT_DPO = ("management_economics", "Менеджмент в образовании", 520, 2019)


def test_it_admits_exactly_five_years_on_pedagogical_posts():
    result = evaluate(
        DIRECTOR,
        profile(
            education=[MANAGEMENT_DEGREE],
            work=[pedagogical(datetime.date(2020, 9, 1), datetime.date(2025, 8, 31))],
        ),
        TODAY,
    )

    assert result.is_eligible
    assert "Стаж на педагогических должностях 5 г." in result.routes[0].conditions[1].text


def test_it_refuses_a_month_short_and_says_how_much_is_there():
    result = evaluate(
        DIRECTOR,
        profile(
            education=[MANAGEMENT_DEGREE],
            work=[pedagogical(datetime.date(2021, 4, 1), datetime.date(2025, 10, 31))],
        ),
        TODAY,
    )

    assert not result.is_eligible
    assert result.routes[0].conditions[1].text == (
        "Стаж на педагогических должностях 4 г. 7 мес. — требуется не менее 5 лет."
    )


def test_it_admits_by_the_dpo_route_without_a_management_degree():
    result = evaluate(
        DIRECTOR,
        profile(
            education=[PEDAGOGY_DEGREE],
            dpo=[MANAGEMENT_DPO],
            work=[
                pedagogical(datetime.date(2018, 9, 1), datetime.date(2021, 8, 31)),
                management(datetime.date(2021, 9, 1)),
            ],
        ),
        TODAY,
    )

    first, second, *standard = result.routes  # then the 250н routes
    assert len(standard) == 2
    assert not first.passed
    assert second.passed
    assert result.is_eligible
    assert "«Менеджмент в образовании», 520 ч." in second.conditions[1].text


def test_it_does_not_count_short_dpo():
    short = ("management_economics", "Основы менеджмента", 72, 2022)
    result = evaluate(
        DIRECTOR,
        profile(
            education=[PEDAGOGY_DEGREE], dpo=[short], work=[pedagogical(datetime.date(2010, 9, 1))]
        ),
        TODAY,
    )

    assert not result.is_eligible
    assert "не менее 250 ч." in result.routes[1].conditions[1].text


def test_management_experience_counts_for_a_deputy_but_not_for_a_director_on_the_first_route():
    work = [
        pedagogical(datetime.date(2019, 9, 1), datetime.date(2022, 8, 31)),
        management(datetime.date(2022, 9, 1)),
    ]

    director = evaluate(DIRECTOR, profile(education=[MANAGEMENT_DEGREE], work=work), TODAY)
    deputy = evaluate(DEPUTY, profile(education=[MANAGEMENT_DEGREE], work=work), TODAY)

    assert not director.is_eligible
    assert deputy.is_eligible
    assert "педагогических или руководящих" in deputy.routes[0].conditions[1].text


def test_missing_data_is_named_not_guessed():
    result = evaluate(DIRECTOR, profile(), TODAY)

    assert not result.is_eligible
    texts = [c.text for route in result.routes for c in route.conditions]
    assert "Сведения о высшем образовании не указаны." in texts
    assert "Сведения о трудовой деятельности не указаны." in texts


def test_overlapping_jobs_are_counted_once():
    service = length_of_service(
        [
            (datetime.date(2015, 1, 1), datetime.date(2018, 12, 31)),
            (datetime.date(2018, 1, 1), datetime.date(2020, 7, 31)),
        ]
    )

    assert str(service) == "5 г. 7 мес."


def test_a_position_without_rules_is_reported():
    result = evaluate(None, profile(education=[MANAGEMENT_DEGREE]), TODAY)

    assert not result.is_eligible
    assert "нет квалификационных требований" in result.problem


@pytest.mark.parametrize("years", [1, 21])
def test_years_phrase_is_genitive_singular_for_one(years):
    rule = parse_regulation(
        {
            **DEFAULT_PARAMETERS,
            "eligibility": [
                {
                    **DEFAULT_PARAMETERS["eligibility"][0],
                    "routes": [
                        {
                            **DEFAULT_PARAMETERS["eligibility"][0]["routes"][0],
                            "min_experience_years": years,
                        }
                    ],
                }
            ],
        }
    ).rule_for("director-general")

    result = evaluate(
        rule, profile(education=[MANAGEMENT_DEGREE], work=[pedagogical(TODAY)]), TODAY
    )

    assert f"не менее {years} года" in result.routes[0].conditions[1].text


def test_it_admits_by_the_professional_standard_and_names_the_act():
    master = ("pedagogy", "Педагогическое образование", 2012, "master")
    result = evaluate(
        DIRECTOR,
        profile(
            education=[master],
            dpo=[("hr_management", "Управление персоналом", 300, 2020)],
            work=[pedagogical(datetime.date(2012, 9, 1))],
        ),
        TODAY,
    )

    passed = [route for route in result.routes if route.passed]
    assert [route.code for route in passed] == ["ps_pedagogy_and_retraining"]
    assert passed[0].title.startswith("профессиональный стандарт (приказ Минтруда России")
    assert "Высшее образование (магистратура)" in passed[0].conditions[0].text
    assert result.routes[0].title.startswith("ЕКС (приказ Минздравсоцразвития России")


def test_a_pedagogical_bachelor_with_a_master_in_management_passes_by_250n():
    bachelor = ("pedagogy", "Педагогическое образование", 2010, "bachelor")
    master = ("management", "Менеджмент", 2013, "master")
    result = evaluate(
        DEPUTY,
        profile(education=[bachelor, master], work=[pedagogical(datetime.date(2010, 9, 1))]),
        TODAY,
    )

    by_code = {route.code: route for route in result.routes}
    assert by_code["ps_bachelor_and_master"].passed
    assert "Второе высшее образование (магистратура)" in (
        by_code["ps_bachelor_and_master"].conditions[1].text
    )
    # A bachelor's degree alone does not meet the first 250н route (specialist or master).
    assert not by_code["ps_pedagogy_and_retraining"].passed
