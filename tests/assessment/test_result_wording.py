"""What the result page, the report, the summary and the ranking say in each assessment state.

A running campaign's incomplete result says «оценка не завершена», never a total of 0,0 with
«порог не пройден»; the strengths and gaps sections never contradict each other.
"""

import io
import itertools
from dataclasses import dataclass
from decimal import Decimal

import pytest
from django.urls import reverse
from docx import Document

from assessment.models import CampaignStatus, InstrumentKind
from assessment.results.agenda_panels import agenda_result_panels
from assessment.results.services.results import results_compute
from assessment.results.wording import ResultState, profile_wording
from tests.assessment.factories import (
    assign_expert,
    make_campaign,
    make_expert,
    make_participant,
    rate,
    submit_self_assessment,
)

ALL_CODES = [f"K{n:02d}" for n in range(1, 11)]
WEIGHTS = {"self_assessment": 40, "case": 60}


def _docx_text(response) -> str:
    document = Document(io.BytesIO(response.content))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def _page_and_report(client, participant) -> tuple[str, str]:
    page = client.get(reverse("assessment:result_detail", args=[participant.pk]))
    report = client.get(reverse("assessment:result_download", args=[participant.pk]))
    return page.content.decode(), _docx_text(report)


def _ranking(client, campaign) -> str:
    return client.get(reverse("assessment:campaign_ranking", args=[campaign.pk])).content.decode()


def _rate_case(participant, value: int) -> None:
    case = dict.fromkeys(("K02", "K04", "K05", "K06", "K08"), value)
    for _ in range(2):
        rate(assign_expert(participant, InstrumentKind.CASE, make_expert()), case)


@pytest.fixture
def running(db):
    return make_campaign(kinds=["self_assessment", "case"], weights=WEIGHTS)


def test_a_running_incomplete_result_says_the_assessment_is_not_finished(
    client, ministry_user, running
):
    participant = make_participant(campaign=running, last_name="Незавершённая")
    submit_self_assessment(participant, dict.fromkeys(ALL_CODES, 1))  # the case is not rated yet
    results_compute(campaign=running)
    client.force_login(ministry_user)

    page, report = _page_and_report(client, participant)
    summary = agenda_result_panels([participant.nomination_id])[participant.nomination_id]
    ranking = _ranking(client, running)

    for text in (page, report, summary):
        assert "Оценка не завершена" in text or "оценка не завершена" in text
        assert "порог не пройден" not in text
        assert "порог пройден" not in text
        assert "0,0 из 100" not in text  # the partial total is never stated
    assert "получены результаты 1 из 2 инструментов" in report
    assert "(предварительно)" in page
    assert "По уже полученным результатам ни одна измеренная компетенция" in page
    assert "оценка не завершена" in ranking
    assert "не пройден</span>" not in ranking


def test_nothing_measured_yet_is_one_sentence_not_two_contradicting_ones(
    client, ministry_user, running
):
    participant = make_participant(campaign=running, last_name="Безответная")
    results_compute(campaign=running)
    client.force_login(ministry_user)

    page, report = _page_and_report(client, participant)

    for text in (page, report):
        assert "Ни одна компетенция ещё не измерена" in text
        assert "не достигла целевого уровня" not in text
        assert "Дефицитов нет" not in text
        assert "дефицитов нет" not in text


def test_a_complete_result_states_the_total_the_pass_and_the_place(client, ministry_user, running):
    participant = make_participant(campaign=running, last_name="Полная")
    submit_self_assessment(participant, dict.fromkeys(ALL_CODES, 4))
    _rate_case(participant, 4)
    results_compute(campaign=running)
    client.force_login(ministry_user)

    page, report = _page_and_report(client, participant)

    for text in (page, report):
        assert "100,0 из 100" in text or "100.0" in text.replace("100,0", "100.0")
        assert "оценка не завершена" not in text.lower()
    assert "100,0 из 100 при проходном балле 60 — порог пройден." in report
    assert "Дефицитов нет: все измеренные компетенции на целевом уровне." in report
    assert "не достигла целевого уровня" not in report
    assert "Место в кампании: 1 из 1" in report


def test_a_closed_campaign_counts_what_is_missing_as_zero_and_says_so(
    client, ministry_user, running
):
    participant = make_participant(campaign=running, last_name="Неявившаяся")
    submit_self_assessment(participant, dict.fromkeys(ALL_CODES, 1))
    running.status = CampaignStatus.CLOSED
    running.save(update_fields=["status"])
    results_compute(campaign=running)
    client.force_login(ministry_user)

    page, report = _page_and_report(client, participant)
    ranking = _ranking(client, running)

    assert "0,0 из 100 при проходном балле 60 — порог не пройден." in report
    assert "Не пройдены и засчитаны как 0: Управленческий кейс" in report
    assert "Ни одна измеренная компетенция не достигла целевого уровня." in report
    assert "Дефицитов нет" not in report
    assert "порог 60 не пройден" in page
    assert "не пройден</span>" in ranking
    assert "оценка не завершена" not in ranking


@dataclass
class Line:
    name: str
    score: Decimal | None
    level: int | None
    target: int | None

    @property
    def is_gap(self) -> bool:
        return bool(self.target and self.level is not None and self.level < self.target)


# Every competency either unmeasured, reached or a gap; with or without a target.
KINDS = {
    "unmeasured": Line("а", None, None, 3),
    "reached": Line("б", Decimal("70.0"), 3, 3),
    "gap": Line("в", Decimal("40.0"), 2, 3),
    "no_target": Line("г", Decimal("40.0"), 2, None),
}


@pytest.mark.parametrize("state", [ResultState.RUNNING, ResultState.FINAL])
@pytest.mark.parametrize(
    "kinds",
    [
        combo
        for size in range(1, 4)
        for combo in itertools.combinations_with_replacement(KINDS, size)
    ],
)
def test_the_sections_never_contradict_each_other(state, kinds):
    wording = profile_wording([KINDS[kind] for kind in kinds], state)

    said = [text for text in (wording.strengths_empty, wording.gaps_empty) if text]
    assert len(said) <= 1  # never «не достигла» together with «дефицитов нет»
    if wording.note:
        assert not said
    if "reached" in kinds:
        assert wording.strengths_empty is None
    if "gap" in kinds:
        assert wording.gaps_empty is None
    if "unmeasured" in kinds and set(kinds) != {"unmeasured"}:
        assert wording.unmeasured
    if state == ResultState.RUNNING:
        assert all(text.startswith("По уже полученным результатам") for text in said)
