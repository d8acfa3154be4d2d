"""The roadmap's pages: who reads them, the timeline with overdue items, filters, the status."""

import datetime
import io
from decimal import Decimal

import pytest
import time_machine
from django.urls import reverse
from docx import Document

from audit.models import AuditEvent
from governance.models import RoadmapItem, RoadmapStage, RoadmapStatus
from governance.roadmap.selectors import roadmap_state
from governance.roadmap.services import roadmap_actual_record
from tests.governance.roadmap_factories import RoadmapItemFactory

TODAY = datetime.date(2027, 5, 15)


@pytest.fixture
def items(db):
    return {
        "late": RoadmapItemFactory(
            number="2.2",
            title="Проверка соответствия требованиям",
            stage=RoadmapStage.SELECTION,
            starts_on=datetime.date(2027, 1, 10),
            ends_on=datetime.date(2027, 3, 31),
            status=RoadmapStatus.IN_PROGRESS,
        ),
        "done": RoadmapItemFactory(
            number="2.1",
            title="Выдвижение кандидатов",
            stage=RoadmapStage.SELECTION,
            ends_on=datetime.date(2027, 2, 28),
            status=RoadmapStatus.DONE,
            budget_amount=Decimal("1000.00"),
            budget_source="regional",
        ),
        "future": RoadmapItemFactory(
            number="4.10",
            title="Стажировки резервистов",
            starts_on=datetime.date(2028, 2, 1),
            ends_on=datetime.date(2028, 11, 30),
            partners="ИРО\nОГПУ",
        ),
    }


@time_machine.travel(TODAY)
@pytest.mark.parametrize("persona", ["ministry_user", "municipal_user", "admin_user"])
def test_staff_see_the_timeline_with_the_overdue_item(client, request, persona, items):
    client.force_login(request.getfixturevalue(persona))

    response = client.get(reverse("roadmap:roadmap"))

    text = response.content.decode()
    assert response.status_code == 200
    assert 'из них просрочено: <strong class="text-danger">1</strong>' in text
    late_row = text.split('data-number="2.2"')[1].split("</li>")[0]
    assert "просрочено" in late_row and "bar-overdue" in late_row
    done_row = text.split('data-number="2.1"')[1].split("</li>")[0]
    assert "bar-done" in done_row and "просрочено" not in done_row
    # Years 2027–2028 across, the item of 2028 far right; no comma decimals in the SVG.
    assert ">2027</text>" in text and ">2028</text>" in text
    assert 'x="54.172%"' in text.split('data-number="4.10"')[1].split("</li>")[0]


@pytest.mark.parametrize("persona", ["candidate_user", "mentor_user", "expert_user"])
def test_outsiders_get_404_everywhere(client, request, persona, items):
    client.force_login(request.getfixturevalue(persona))

    for url in (
        reverse("roadmap:roadmap"),
        reverse("roadmap:item", args=[items["late"].pk]),
        reverse("roadmap:export"),
        reverse("roadmap:document"),
    ):
        assert client.get(url).status_code == 404, url


def test_an_anonymous_visitor_is_sent_to_sign_in(client, items):
    assert client.get(reverse("roadmap:roadmap")).status_code == 302


@time_machine.travel(TODAY)
def test_filters_narrow_the_list(client, ministry_user, items):
    client.force_login(ministry_user)

    def numbers(**params):
        response = client.get(reverse("roadmap:roadmap"), params)
        return [item.number for item in response.context["items"]]

    assert numbers() == ["2.1", "2.2", "4.10"]
    assert numbers(status="overdue") == ["2.2"]
    assert numbers(stage="selection") == ["2.1", "2.2"]
    assert numbers(year="2028") == ["4.10"]
    assert numbers(q="стажировки") == ["4.10"]
    assert numbers(q="огпу") == ["4.10"]


@time_machine.travel(TODAY)
def test_the_ministry_marks_an_item_done(client, ministry_user, items):
    client.force_login(ministry_user)

    client.post(reverse("roadmap:item", args=[items["late"].pk]), {"status": "done"})

    items["late"].refresh_from_db()
    assert items["late"].status == RoadmapStatus.DONE
    assert items["late"].completed_on == TODAY
    assert AuditEvent.objects.filter(action="roadmap_item.transition").count() == 1


def test_a_coordinator_reads_an_item_but_cannot_change_it(client, municipal_user, items):
    client.force_login(municipal_user)
    url = reverse("roadmap:item", args=[items["late"].pk])

    page = client.get(url)
    refused = client.post(url, {"status": "done"})

    assert page.status_code == 200
    assert "Сохранить" not in page.content.decode()
    assert refused.status_code == 404
    items["late"].refresh_from_db()
    assert items["late"].status == RoadmapStatus.IN_PROGRESS


@time_machine.travel(TODAY)
def test_the_document_holds_every_item(client, ministry_user, items):
    client.force_login(ministry_user)

    response = client.get(reverse("roadmap:document"))

    document = Document(io.BytesIO(response.content))
    cells = {cell.text for table in document.tables for row in table.rows for cell in row.cells}
    text = "\n".join(paragraph.text for paragraph in document.paragraphs)
    assert "с ресурсным обеспечением" in text
    assert "Всего мероприятий: 3; из них выполнено: 1, просрочено: 1." in text
    for item in items.values():
        assert item.number in cells
        assert item.title in cells
    assert any("в работе" in cell or "просрочено" in cell for cell in cells)
    assert any("1\u00a0000,00 руб." in cell for cell in cells)


def test_the_measured_values_are_written_once(items):
    items["done"].indicator_code = "reserve_size"
    items["done"].save()
    day = datetime.date(2027, 5, 1)

    first = roadmap_actual_record(values={"reserve_size": Decimal(118)}, measured_on=day)
    again = roadmap_actual_record(values={"reserve_size": Decimal(118)}, measured_on=day)

    item = RoadmapItem.objects.get(pk=items["done"].pk)
    assert (first, again) == (1, 0)
    assert (item.actual_value, item.actual_on, item.actual_from_monitoring) == (118, day, True)


@time_machine.travel(TODAY)
def test_the_state_counts_the_items(items):
    state = roadmap_state(today=TODAY)

    assert (state.total, state.done, state.overdue, state.budget_total) == (3, 1, 1, 1000)


def test_an_earlier_month_does_not_replace_a_later_value(items):
    items["done"].indicator_code = "reserve_size"
    items["done"].save()
    roadmap_actual_record(
        values={"reserve_size": Decimal(120)}, measured_on=datetime.date(2027, 5, 31)
    )

    older = roadmap_actual_record(
        values={"reserve_size": Decimal(90)}, measured_on=datetime.date(2027, 3, 31)
    )

    item = RoadmapItem.objects.get(pk=items["done"].pk)
    assert older == 0
    assert (item.actual_value, item.actual_on) == (120, datetime.date(2027, 5, 31))
