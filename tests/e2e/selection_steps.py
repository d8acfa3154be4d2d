"""A candidate's steps in the browser, reusable by every selection-stage scenario."""

import re
from dataclasses import dataclass

from django.core import mail
from playwright.sync_api import Locator, Page, expect

REQUIRED_DOCUMENTS = [
    "application",
    "questionnaire",
    "diploma",
    "employment_record",
    "no_criminal_record",
    "recommendation",
    "consent",
]


def small_pdf(title: str) -> bytes:
    """Return a small valid one-page PDF with the title in it."""
    text = title.encode("ascii", "replace")
    stream = b"BT /F1 14 Tf 72 720 Td (" + text + b") Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    body = b"%PDF-1.4\n"
    offsets = []
    for number, content in enumerate(objects, start=1):
        offsets.append(len(body))
        body += f"{number} 0 obj\n".encode() + content + b"\nendobj\n"
    xref = len(body)
    body += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    body += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    body += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\n".encode()
    return body + f"startxref\n{xref}\n%%EOF\n".encode()


@dataclass(frozen=True)
class Applicant:
    """Who registers, as the registration form asks."""

    email: str = "smirnova.e@example.org"
    password: str = "Vesennij-sad-2042"
    last_name: str = "Смирнова"
    first_name: str = "Елена"
    middle_name: str = "Викторовна"
    phone: str = "+7 (3532) 21-43-65"
    municipality: str = "город Оренбург"
    position: str = "Директор общеобразовательной организации"


def field(page: Page, label: str) -> Locator:
    """Return the form field with exactly this label (a required field's asterisk allowed)."""
    return page.get_by_label(re.compile(rf"^\s*{re.escape(label)}\*?\s*$"))


def submit_and_wait(page: Page, button_name: str) -> None:
    """Press a submit button and wait for the page the server answers with."""
    with page.expect_navigation():
        page.get_by_role("button", name=button_name, exact=True).click()


def open_section(page: Page, title: str) -> None:
    """Open a section of the application from its menu."""
    page.get_by_role("navigation", name="Разделы заявки").get_by_role(
        "link", name=re.compile(title)
    ).click()
    expect(page.get_by_role("heading", level=1)).to_be_visible()


def register(page: Page, live_server_url: str, applicant: Applicant) -> None:
    """Create the account on the registration page, confirm the address; the draft opens."""
    page.goto(f"{live_server_url}/selection/apply/")
    expect(page.get_by_role("heading", name="Подать заявку в кадровый резерв")).to_be_visible()
    field(page, "Фамилия").fill(applicant.last_name)
    field(page, "Имя").fill(applicant.first_name)
    field(page, "Отчество").fill(applicant.middle_name)
    field(page, "Email").fill(applicant.email)
    field(page, "Контактный телефон").fill(applicant.phone)
    field(page, "Муниципальное образование").select_option(label=applicant.municipality)
    field(page, "На какую должность вы претендуете").select_option(label=applicant.position)
    field(page, "Пароль").fill(applicant.password)
    field(page, "Пароль ещё раз").fill(applicant.password)
    submit_and_wait(page, "Зарегистрироваться и открыть заявку")
    expect(page.get_by_role("heading", name="Проверьте почту")).to_be_visible()
    # The letter with the confirmation link (the live server sends to Django's test outbox).
    letter = next(m for m in reversed(mail.outbox) if m.to == [applicant.email.lower()])
    link = re.search(r"https?://\S+/selection/apply/confirm/\S+/", letter.body).group(0)
    page.goto(link)
    expect(page.get_by_text("Адрес подтверждён, учётная запись создана")).to_be_visible()


def fill_profile(page: Page, *, organization: str | None = None) -> None:
    """Fill the анкета: birth date, current organization found by search, post."""
    open_section(page, "Анкета")
    field(page, "Дата рождения").fill("17.03.1983")
    if organization:
        picker = page.get_by_role("combobox", name="Текущее место работы")
        picker.press_sequentially(organization)  # typed, so that the picker suggests
        page.get_by_role("option", name=organization).first.click()
        expect(picker).to_have_value(re.compile(f"^{re.escape(organization)} — ИНН \\d{{10}}$"))
    field(page, "Текущая должность").fill("Заместитель директора по учебной работе")
    submit_and_wait(page, "Сохранить анкету")
    expect(page.get_by_text("Анкета сохранена.")).to_be_visible()


def add_education(page: Page) -> None:
    """Add a higher education record."""
    open_section(page, "Образование")
    field(page, "Уровень").select_option(label="высшее")
    field(page, "Направление подготовки").select_option(label="образование и педагогические науки")
    field(page, "Специальность по диплому").fill("Учитель русского языка и литературы")
    field(page, "Образовательная организация").fill("Оренбургский педагогический университет")
    field(page, "Год окончания").fill("2005")
    submit_and_wait(page, "Добавить")
    expect(page.get_by_text("Запись добавлена.")).to_be_visible()


def add_current_job(page: Page) -> None:
    """Add the current job, «по настоящее время»."""
    open_section(page, "Трудовая деятельность")
    field(page, "Организация").fill("МОАУ «СОШ № 38»")
    field(page, "Должность").fill("Заместитель директора по учебной работе")
    field(page, "Вид должности").select_option(label="руководящая должность")
    field(page, "Дата начала работы").fill("01.09.2005")
    field(page, "по настоящее время").check()
    expect(field(page, "Дата окончания работы")).to_be_disabled()
    submit_and_wait(page, "Добавить")
    expect(page.get_by_text("по настоящее время").first).to_be_visible()


def upload_documents(page: Page, kinds: list[str] = REQUIRED_DOCUMENTS) -> None:
    """Upload a small PDF of each kind."""
    open_section(page, "Документы")
    for kind in kinds:
        field(page, "Вид документа").select_option(kind)
        field(page, "Файл").set_input_files(
            files=[
                {"name": f"{kind}.pdf", "mimeType": "application/pdf", "buffer": small_pdf(kind)}
            ]
        )
        submit_and_wait(page, "Загрузить")
        expect(page.get_by_text("загружен.").first).to_be_visible()


def give_consent(page: Page) -> None:
    """Read the consent text and give consent."""
    open_section(page, "Согласие")
    expect(page.get_by_text("152-ФЗ").first).to_be_visible()
    page.get_by_label(re.compile("даю согласие на обработку")).check()
    submit_and_wait(page, "Дать согласие")
    expect(page.get_by_text("Согласие на обработку персональных данных записано.")).to_be_visible()


def submit_application(page: Page, button_name: str = "Подать заявку") -> None:
    """Submit from the overview and see the status «подана»."""
    open_section(page, "Заявка")
    expect(page.get_by_text("Всё необходимое заполнено")).to_be_visible()
    submit_and_wait(page, button_name)
    expect(page.get_by_text("Заявка подана.")).to_be_visible()
    expect(page.locator(".application-subtitle .badge")).to_have_text("подана")


def candidate_self_nominates(
    page: Page,
    live_server_url: str,
    applicant: Applicant | None = None,
    *,
    organization: str | None = None,
) -> Applicant:
    """Register, fill every section, upload the required documents, consent and submit."""
    applicant = applicant or Applicant()
    register(page, live_server_url, applicant)
    fill_profile(page, organization=organization)
    add_education(page)
    add_current_job(page)
    upload_documents(page)
    give_consent(page)
    submit_application(page)
    return applicant
