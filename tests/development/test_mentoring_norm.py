"""One mentoring norm, a parameter of the Regulation: the programme and the mentoring pages."""

import copy
import io

import docx
from django.urls import reverse

from development.models import ProgrammeModule, SessionConfirmation
from governance.documents import regulation_document
from governance.models import RegulationVersion
from governance.services import regulation_version_create
from tests.development.mentoring_factories import (
    make_mentor,
    make_pair,
    make_reservist,
    make_session,
)


def _text(content: bytes) -> str:
    return "\n".join(paragraph.text for paragraph in docx.Document(io.BytesIO(content)).paragraphs)


def _set_norm(author, hours: int) -> None:
    parameters = copy.deepcopy(RegulationVersion.objects.get(in_force=True).parameters)
    parameters["mentoring_hours_per_year"] = hours
    regulation_version_create(author=author, parameters=parameters, reason="Приказ № 12")


def test_the_seeded_norm_is_the_one_both_pages_said_before(client, ministry_user):
    client.force_login(ministry_user)

    programme = client.get(reverse("development:programme")).context["programme"]

    assert programme.mentoring_hours == 36
    mentoring = [row for year in programme.years for row in year.modules if row.module.is_mentoring]
    assert [row.hours for row in mentoring] == [36, 36, 36]  # was 12 a year in the programme


def test_a_changed_norm_reaches_the_programme_and_the_mentoring_pages(client, ministry_user):
    _set_norm(ministry_user, 24)
    pair = make_pair(make_mentor(), make_reservist())
    make_session(pair, minutes=120, confirmation=SessionConfirmation.CONFIRMED)
    client.force_login(ministry_user)

    programme = client.get(reverse("development:programme")).content.decode()
    pair_page = client.get(reverse("development:pair_detail", args=[pair.pk])).content.decode()
    client.force_login(pair.mentor.user)
    mentees = client.get(reverse("development:mentor_mentees")).content.decode()

    assert "Норма наставничества по Положению — <strong>24 ч</strong>" in programme
    assert ProgrammeModule.objects.filter(is_mentoring=True).count() == 3
    assert "из 24 ч в год по программе" in pair_page
    assert "2,0 ч</strong> из 24 ч" in pair_page or "2.0 ч</strong> из 24 ч" in pair_page
    assert "24 ч в год по программе" in mentees
    document = client.get(reverse("development:programme_download"))
    assert document.status_code == 200
    regulation = _text(regulation_document(RegulationVersion.objects.get(in_force=True)))
    assert "Норма наставничества — 24 часа встреч наставника с резервистом в год." in regulation


def test_the_regulation_refuses_a_norm_out_of_range(ministry_user):
    import pytest
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as refusal:
        _set_norm(ministry_user, 0)

    assert "mentoring_hours_per_year" in refusal.value.message_dict
