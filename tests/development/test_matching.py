"""The matching rules: hard rules, each score component, the explanation, ranking, bulk."""

import pytest

from development.mentoring import matching
from development.mentoring.matching import Gap, Match, Mentee, MentorCandidate

ORENBURG, DISTRICT, ORSK = 1, 2, 3
NEIGHBOURS = frozenset({frozenset((ORENBURG, DISTRICT))})
KINDS = {"general": "общеобразовательная организация", "preschool": "дошкольная организация"}
FINANCE = Gap("K05", "Финансы, право и закупки", level=1, target=3)
PEOPLE = Gap("K03", "Управление персоналом", level=2, target=3)
NAMES = {ORENBURG: "город Оренбург", DISTRICT: "Оренбургский район", ORSK: "город Орск"}


def mentee(**fields) -> Mentee:
    values = {
        "key": 1,
        "name": "Резервистова А. А.",
        "municipality_id": ORENBURG,
        "municipality_name": NAMES[ORENBURG],
        "organization_id": 100,
        "organization_kind": "general",
        "target_kinds": ("general",),
        "gaps": (FINANCE, PEOPLE),
    }
    return Mentee(**(values | fields))


def mentor(key: int = 10, **fields) -> MentorCandidate:
    municipality = fields.pop("municipality_id", ORENBURG)
    values = {
        "key": key,
        "name": f"Наставник {key}",
        "municipality_id": municipality,
        "municipality_name": NAMES[municipality],
        "organization_id": 200 + key,
        "organization_kind": "general",
        "strengths": {},
        "capacity": 2,
        "load": 0,
        "is_available": True,
    }
    return MentorCandidate(**(values | fields))


def score(the_mentee: Mentee, the_mentor: MentorCandidate):
    return matching.score(the_mentee, the_mentor, NEIGHBOURS, KINDS)


def lines_of(result: Match, kind: str) -> list:
    return [line for line in result.lines if line.kind == kind]


# --- Hard rules ------------------------------------------------------------------------------


def test_it_never_offers_a_mentor_over_capacity():
    result = score(mentee(), mentor(capacity=2, load=2))
    assert isinstance(result, matching.Exclusion)
    assert result.reason == "нет свободных мест (занято 2 из 2)"


def test_it_never_offers_a_mentor_from_the_mentees_own_organization():
    result = score(mentee(organization_id=100), mentor(organization_id=100, strengths={"K05": 4}))
    assert isinstance(result, matching.Exclusion)
    assert "той же организации" in result.reason


def test_it_excludes_an_unavailable_mentor():
    result = score(mentee(), mentor(is_available=False, strengths={"K05": 4}))
    assert isinstance(result, matching.Exclusion)
    assert result.reason == "не принимает наставляемых"


def test_a_mentee_without_a_workplace_may_have_any_mentor():
    assert isinstance(score(mentee(organization_id=None), mentor(organization_id=100)), Match)


# --- Components ------------------------------------------------------------------------------


def test_full_coverage_earns_ten_points_per_missing_level():
    result = score(mentee(gaps=(FINANCE,)), mentor(strengths={"K05": 4}))
    (line,) = lines_of(result, matching.KIND_GAP)
    assert line.points == 20
    assert line.text == (
        "закрывает дефицит «Финансы, право и закупки» (уровень наставника 4 при целевом 3)"
    )


def test_partial_coverage_earns_half_and_no_strength_earns_nothing():
    partial = score(mentee(gaps=(FINANCE,)), mentor(strengths={"K05": 2}))
    assert lines_of(partial, matching.KIND_GAP)[0].points == 10
    assert "частично" in lines_of(partial, matching.KIND_GAP)[0].text
    level_of_mentee = score(mentee(gaps=(FINANCE,)), mentor(strengths={"K05": 1}))
    assert lines_of(level_of_mentee, matching.KIND_GAP)[0].points == 0
    none = score(mentee(gaps=(FINANCE,)), mentor(strengths={}))
    assert lines_of(none, matching.KIND_GAP)[0].points == 0
    assert "не указан" in lines_of(none, matching.KIND_GAP)[0].text


def test_bigger_gaps_weigh_more():
    small = score(mentee(gaps=(PEOPLE,)), mentor(strengths={"K03": 4}))
    big = score(mentee(gaps=(FINANCE,)), mentor(strengths={"K05": 4}))
    assert lines_of(small, matching.KIND_GAP)[0].points == 10
    assert lines_of(big, matching.KIND_GAP)[0].points == 20


@pytest.mark.parametrize(
    ("municipality", "points", "words"),
    [
        (ORENBURG, 15, "то же муниципальное образование (город Оренбург)"),
        (DISTRICT, 8, "соседнее муниципальное образование (Оренбургский район)"),
        (ORSK, 0, "другое, не соседнее муниципальное образование (город Орск)"),
    ],
)
def test_geography_prefers_the_same_then_a_neighbouring_municipality(municipality, points, words):
    (line,) = lines_of(score(mentee(), mentor(municipality_id=municipality)), "geography")
    assert (line.points, line.text) == (points, words)


def test_the_same_kind_of_organization_counts_once():
    same = score(mentee(), mentor(organization_kind="general"))
    assert lines_of(same, "organization")[0].points == 10
    assert "тот же тип организации" in lines_of(same, "organization")[0].text
    other = score(mentee(target_kinds=()), mentor(organization_kind="preschool"))
    assert lines_of(other, "organization")[0].points == 0


def test_the_target_positions_kind_counts_when_the_mentee_works_elsewhere():
    result = score(
        mentee(organization_kind="additional", target_kinds=("preschool",)),
        mentor(organization_kind="preschool"),
    )
    (line,) = lines_of(result, "organization")
    assert line.points == 10
    assert line.text == "тип организации соответствует целевой должности (дошкольная организация)"


def test_free_places_earn_three_each_up_to_nine():
    assert lines_of(score(mentee(), mentor(capacity=2, load=1)), "capacity")[0].points == 3
    assert lines_of(score(mentee(), mentor(capacity=5, load=0)), "capacity")[0].points == 9


def test_a_mentee_without_a_result_gets_a_line_saying_so():
    result = score(mentee(gaps=(), has_result=False), mentor())
    (line,) = lines_of(result, matching.KIND_GAP)
    assert line.points == 0
    assert line.text == "нет завершённой оценки — дефициты неизвестны"


# --- The explanation and the ranking ---------------------------------------------------------


@pytest.mark.parametrize(
    "the_mentor",
    [
        mentor(strengths={"K05": 4, "K03": 3}),
        mentor(strengths={"K05": 2}, municipality_id=DISTRICT, organization_kind="preschool"),
        mentor(municipality_id=ORSK, capacity=9, load=1),
    ],
)
def test_the_explanation_sums_to_the_score(the_mentor):
    result = score(mentee(), the_mentor)
    explanation = result.explanation()
    assert sum(line["points"] for line in explanation) == result.score
    assert all(line["text"] for line in explanation)
    assert {line["kind"] for line in explanation} == {
        "gap",
        "geography",
        "organization",
        "capacity",
    }


def test_the_worked_example_adds_up():
    result = score(mentee(), mentor(strengths={"K05": 4, "K03": 2}, capacity=3, load=1))
    assert [line.points for line in result.lines] == [20, 0, 15, 10, 6]
    assert result.score == 51


def test_ranking_puts_the_best_score_first_and_lists_the_excluded():
    best = mentor(1, strengths={"K05": 4, "K03": 4})
    middle = mentor(2, strengths={"K05": 4})
    far = mentor(3, strengths={"K05": 4}, municipality_id=ORSK)
    full = mentor(4, strengths={"K05": 4, "K03": 4}, load=2)
    own = mentor(5, organization_id=100)
    matches, excluded = matching.rank(mentee(), [far, full, middle, own, best], NEIGHBOURS, KINDS)
    assert [match.mentor.key for match in matches] == [1, 2, 3]
    assert [match.score for match in matches] == sorted((m.score for m in matches), reverse=True)
    assert {item.mentor.key for item in excluded} == {4, 5}


def test_equal_scores_are_ordered_by_gap_coverage_then_name():
    covers = mentor(
        1, strengths={"K05": 4}, municipality_id=DISTRICT, organization_kind="preschool", load=1
    )
    near = mentor(2, strengths={"K05": 2}, organization_kind="preschool")
    matches, _ = matching.rank(mentee(gaps=(FINANCE,)), [near, covers], NEIGHBOURS, KINDS)
    assert [match.score for match in matches] == [20 + 8 + 0 + 3, 10 + 15 + 0 + 6]
    assert [match.mentor.key for match in matches] == [1, 2]
    tie_a = mentor(3, name="Борисов", strengths={"K05": 4})
    tie_b = mentor(4, name="Алексеев", strengths={"K05": 4})
    matches, _ = matching.rank(mentee(gaps=(FINANCE,)), [tie_a, tie_b], NEIGHBOURS, KINDS)
    assert [match.mentor.name for match in matches] == ["Алексеев", "Борисов"]


# --- Bulk assignment -------------------------------------------------------------------------


def cohort(size: int) -> list[Mentee]:
    return [
        mentee(key=number, name=f"Резервист {number:02d}", organization_id=1000 + number)
        for number in range(1, size + 1)
    ]


def test_bulk_never_puts_a_mentor_over_capacity_and_lists_the_rest():
    mentors = [
        mentor(1, strengths={"K05": 4}, capacity=2),
        mentor(2, strengths={"K03": 4}, capacity=1, load=0),
        mentor(3, capacity=3, load=2),
        mentor(4, is_available=False, capacity=5),
    ]
    proposal = matching.assign(cohort(7), mentors, NEIGHBOURS, KINDS)
    per_mentor: dict[int, int] = {}
    for _, match in proposal.pairs:
        per_mentor[match.mentor.key] = per_mentor.get(match.mentor.key, 0) + 1
    assert per_mentor == {1: 2, 2: 1, 3: 1}
    assert len(proposal.pairs) == 4
    assert len(proposal.unassigned) == 3
    assert {reason for _, reason in proposal.unassigned} == {
        "все подходящие наставники заняты парами, предложенными выше"
    }
    assigned = [the_mentee.key for the_mentee, _ in proposal.pairs]
    left = [the_mentee.key for the_mentee, _ in proposal.unassigned]
    assert sorted(assigned + left) == list(range(1, 8))


def test_bulk_takes_the_best_pair_first_and_rescores_as_places_fill():
    strong = mentor(1, strengths={"K05": 4, "K03": 4}, capacity=2)
    proposal = matching.assign(cohort(2), [strong], NEIGHBOURS, KINDS)
    first, second = (match for _, match in proposal.pairs)
    # The free-place points fall as the mentor's places fill: 6 for the first, 3 for the second.
    assert lines_of(first, "capacity")[0].points == 6
    assert lines_of(second, "capacity")[0].points == 3
    assert first.score - second.score == 3


def test_bulk_leaves_out_a_mentee_no_mentor_may_take():
    own = mentee(key=1, organization_id=500)
    proposal = matching.assign([own], [mentor(1, organization_id=500)], NEIGHBOURS, KINDS)
    assert proposal.pairs == []
    assert "работает не в организации наставляемого" in proposal.unassigned[0][1]
