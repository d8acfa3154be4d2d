"""The individual report as .docx: result, profile table, comments; each download is logged."""

import io

from django.urls import reverse
from docx import Document

from assessment.models import InstrumentKind
from assessment.results.services.results import results_compute
from audit.models import PersonalDataAccess
from tests.assessment.factories import (
    assign_expert,
    make_campaign,
    make_expert,
    make_participant,
    rate,
    submit_self_assessment,
)

ALL_CODES = [f"K{n:02d}" for n in range(1, 11)]


def _text(document) -> str:
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def test_the_report_holds_the_numbers_of_the_result_page(client, ministry_user):
    campaign = make_campaign(
        kinds=["self_assessment", "case"], weights={"self_assessment": 50, "case": 50}
    )
    participant = make_participant(campaign=campaign, last_name="Отчётова")
    submit_self_assessment(participant, {**dict.fromkeys(ALL_CODES, 3), "K10": 1})
    case = {"K02": 4, "K04": 4, "K05": 4, "K06": 4, "K08": 4}
    rate(assign_expert(participant, InstrumentKind.CASE, make_expert()), case, comment="Точно")
    rate(assign_expert(participant, InstrumentKind.CASE, make_expert()), case)
    results_compute(campaign=campaign)
    client.force_login(ministry_user)

    response = client.get(reverse("assessment:result_download", args=[participant.pk]))

    assert response["Content-Type"].startswith(
        "application/vnd.openxmlformats-officedocument.wordprocessingml"
    )
    text = _text(Document(io.BytesIO(response.content)))
    participant.refresh_from_db()
    total = str(participant.result.total).replace(".", ",")
    assert f"{total} из 100" in text
    assert "Отчётова" in text
    assert "Педагогическое лидерство и саморазвитие: уровень 1 при целевом 3." in text
    assert "Точно" in text
    assert "Управленческий кейс" in text
    assert PersonalDataAccess.objects.filter(
        actor=ministry_user, purpose__startswith="выгрузка отчёта"
    ).exists()


def test_a_report_before_any_result_says_so(client, ministry_user):
    participant = make_participant(campaign=make_campaign())
    client.force_login(ministry_user)

    response = client.get(reverse("assessment:result_download", args=[participant.pk]))

    assert "Результат ещё не рассчитан." in _text(Document(io.BytesIO(response.content)))
