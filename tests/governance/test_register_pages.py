"""The ministry's pages of the orders register, the documents' templates and the consent texts."""

import datetime
import io

import docx
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from governance.consent import consent_give
from governance.document_templates import KINDS
from governance.models import ConsentPurpose, ConsentText, DocumentTemplate, Order
from governance.selectors import regulation_version_in_force

pytestmark = pytest.mark.django_db

PAGES = [
    reverse("governance:order_list"),
    reverse("governance:template_list"),
    reverse("governance:template_detail", args=["protocol"]),
    reverse("governance:consent_texts"),
]


@pytest.mark.parametrize("persona", ["municipal_user", "expert_user", "candidate_user"])
def test_outsiders_get_404(client, request, persona):
    client.force_login(request.getfixturevalue(persona))

    for url in PAGES:
        assert client.get(url).status_code == 404, url


def test_the_ministry_records_the_approval_of_the_regulation(client, ministry_user):
    client.force_login(ministry_user)
    page = client.get(reverse("governance:order_list"))
    assert page.context["form"]["order_number"].value() == "1"

    response = client.post(
        reverse("governance:order_list"),
        {
            "kind": "regulation",
            "version": regulation_version_in_force().pk,
            "order_number": "01-21/900",
            "order_date": "25.08.2026",
            "signatory_name": "Соколова Т. В.",
            "signatory_post": "Министр образования Оренбургской области",
        },
    )

    assert response.status_code == 302
    order = Order.objects.get()
    assert regulation_version_in_force().approval_order == order
    again = client.post(
        reverse("governance:order_list"),
        {
            "kind": "programme",
            "order_number": "01-21/900",
            "order_date": "01.09.2026",
            "signatory_name": "Соколова Т. В.",
            "signatory_post": "Министр образования Оренбургской области",
        },
    )
    assert again.status_code == 400
    assert "уже записан в реестре" in again.content.decode()
    document = client.get(reverse("governance:order_document", args=[order.pk]))
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(document.content)).paragraphs)
    assert "Утвердить прилагаемое Положение о системе работы с кадровым резервом" in text
    assert "Рекомендовать органам местного самоуправления" in text
    assert order.date == datetime.date(2026, 8, 25)


def test_a_new_template_version_is_checked_before_it_acts(client, ministry_user):
    client.force_login(ministry_user)
    url = reverse("governance:template_detail", args=["order_plain"])
    original = KINDS["order_plain"].default_path.read_bytes()

    broken = client.post(
        url,
        {
            "file": SimpleUploadedFile("broken.docx", b"not a zip at all"),
            "note": "Попытка",
        },
    )
    assert broken.status_code == 400
    assert "Это не файл Word" in broken.content.decode()
    good = client.post(
        url,
        {"file": SimpleUploadedFile("edited.docx", original), "note": "Уточнена преамбула"},
    )

    assert good.status_code == 302
    current = DocumentTemplate.objects.get(kind="order_plain", in_force=True)
    assert (current.version, current.note) == (2, "Уточнена преамбула")
    download = client.get(reverse("governance:template_download", args=["order_plain", 2]))
    assert download.content == original


def test_a_new_consent_text_is_offered_at_the_next_visit(client, ministry_user, candidate_user):
    consent_give(user=candidate_user, purpose=ConsentPurpose.PERSONAL_DATA)
    client.force_login(ministry_user)
    text = ConsentText.objects.get(purpose="personal_data", in_force=True).text
    client.post(
        reverse("governance:consent_texts"),
        {"purpose": "personal_data", "text": text + "\n\nДополнение о сроке хранения."},
    )
    published = ConsentText.objects.get(purpose="personal_data", in_force=True)
    client.logout()

    client.force_login(candidate_user)
    home = client.get(reverse("home"))
    assert home.status_code == 302
    assert home.url.startswith(reverse("governance:consent_renew"))
    client.post(
        reverse("governance:consent_renew"),
        {"purpose": "personal_data", "decision": "accept", "next": "/"},
    )

    assert candidate_user.consents.filter(text=published, withdrawn_at__isnull=True).exists()
    assert client.get(reverse("governance:consent_renew")).status_code == 302  # nothing left


def test_the_shipped_consent_names_what_152_fz_asks():
    text = ConsentText.objects.get(purpose="personal_data", in_force=True).text
    for part in [
        "460000, г. Оренбург",  # the operator and its address
        "Цель обработки",
        "Перечень персональных данных",
        "Перечень действий",
        "Третьи лица",
        "наставники",
        "Срок действия согласия",
        "Порядок отзыва",
    ]:
        assert part in text
    wellbeing = ConsentText.objects.get(purpose="wellbeing", in_force=True).text
    assert "близки к сведениям о состоянии здоровья" in wellbeing
