"""Pages of the selection stage: applicant side (registration, the application, its sections).

The consent section is in applicant_consent.py, the record sections and documents in
applicant_sections.py; a document's download, shared with the staff, in documents.py.
"""

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth import get_user_model, login
from django.contrib.auth.decorators import login_required
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    QueryDict,
)
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.datastructures import MultiValueDict
from django.utils.http import urlsafe_base64_decode
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from candidates import access
from candidates.forms_applicant import (
    NominationStartForm,
    ProfileForm,
    RegistrationForm,
)
from candidates.models import Candidate, Nomination, NominationSource, NominationStatus
from candidates.selectors import nomination_missing_items
from candidates.services.nominations import nomination_create, nomination_transition
from candidates.services.records import application_profile_update
from candidates.services.registration import candidate_activate, candidate_self_register
from governance.consent import consent_active
from governance.models import ConsentPurpose

REGISTRATION_EMAIL_KEY = "registration_email"
NOT_EDITABLE_MESSAGE = (
    "Заявка уже не в черновике и не возвращена на доработку — изменить её нельзя."
)
# Where each item of «Чего не хватает» is filled in (matched by the start of its wording).
MISSING_ITEM_SECTIONS = (
    ("согласие", "applicant_consent"),
    ("дата рождения", "applicant_profile"),
    ("контактный телефон", "applicant_profile"),
    ("сведения об образовании", "applicant_education"),
    ("сведения о трудовой деятельности", "applicant_work"),
    ("документ", "applicant_documents"),
)


@dataclass(frozen=True)
class SectionLink:
    key: str
    title: str
    url: str
    is_complete: bool | None  # None: optional section, nothing to complete


def posted(request: HttpRequest) -> QueryDict | None:
    """Return the submitted fields of a POST (an empty one too), None for a GET."""
    return request.POST if request.method == "POST" else None


def posted_files(request: HttpRequest) -> MultiValueDict | None:
    """Return the uploaded files of a POST, None for a GET."""
    return request.FILES if request.method == "POST" else None


def own_candidate(request: HttpRequest) -> Candidate | None:
    """Return the signed-in candidate's profile; 404 for every other role."""
    if not access.is_applicant(request.user):
        raise Http404
    return (
        access.candidates_visible_to(request.user)
        .select_related("municipality", "organization")
        .first()
    )


def own_nomination(request: HttpRequest, pk: int) -> Nomination:
    """Return the candidate's own nomination or answer 404."""
    if not access.is_applicant(request.user):
        raise Http404
    return get_object_or_404(
        access.nominations_visible_to(request.user).select_related(
            "candidate__user",
            "candidate__municipality",
            "candidate__organization",
            "position_kind",
            "municipality",
        ),
        pk=pk,
    )


def missing_items_with_links(nomination: Nomination, missing: list[str]) -> list[dict]:
    """Return each missing item with the URL of the section where it is filled in."""
    items = []
    for text in missing:
        url_name = next(
            (name for start, name in MISSING_ITEM_SECTIONS if text.startswith(start)),
            "applicant_nomination",
        )
        items.append({"text": text, "url": reverse(f"candidates:{url_name}", args=[nomination.pk])})
    return items


def application_context(request: HttpRequest, nomination: Nomination, active: str) -> dict:
    """Return what every page of the application shows: flags, missing items, the sections."""
    missing = nomination_missing_items(nomination)
    candidate = nomination.candidate

    def lacks(start: str) -> bool:
        return any(text.startswith(start) for text in missing)

    states = {
        "overview": None,
        "profile": not (lacks("дата рождения") or lacks("контактный телефон")),
        "education": not lacks("сведения об образовании"),
        "dpo": None,
        "work": not lacks("сведения о трудовой деятельности"),
        "documents": not lacks("документ"),
        "consent": not lacks("согласие"),
    }
    titles = {
        "overview": "Заявка",
        "profile": "Анкета",
        "education": "Образование",
        "dpo": "Дополнительное образование",
        "work": "Трудовая деятельность",
        "documents": "Документы",
        "consent": "Согласие",
    }
    url_names = {"overview": "applicant_nomination"} | {
        key: f"applicant_{key}" for key in titles if key != "overview"
    }
    sections = [
        SectionLink(
            key=key,
            title=title,
            url=reverse(f"candidates:{url_names[key]}", args=[nomination.pk]),
            is_complete=states[key],
        )
        for key, title in titles.items()
    ]
    return {
        "nomination": nomination,
        "candidate": candidate,
        "sections": sections,
        "active_section": active,
        "missing_items": missing_items_with_links(nomination, missing),
        "can_edit": access.can_edit_application(request.user, nomination),
        "can_submit": access.can_submit(request.user, nomination),
        "is_returned": nomination.status == NominationStatus.RETURNED,
    }


def add_service_error(form, error: ValidationError) -> None:
    """Attach a service's refusal to the form: to its fields where it names them."""
    if hasattr(error, "error_dict") and set(error.error_dict) <= set(form.fields):
        form.add_error(None, error)
    else:
        form.add_error(None, error.messages)


def refuse_if_not_editable(request: HttpRequest, nomination: Nomination) -> HttpResponse | None:
    """Return a redirect with the reason when the application may not be changed now."""
    if access.can_edit_application(request.user, nomination):
        return None
    messages.error(request, NOT_EDITABLE_MESSAGE)
    return redirect("candidates:applicant_nomination", pk=nomination.pk)


@require_http_methods(["GET", "POST"])
def register(request: HttpRequest) -> HttpResponse:
    """Let a person create an account and open their application in one step."""
    if request.user.is_authenticated:
        messages.info(request, "Вы уже вошли в портал. Ваши заявки — на этой странице.")
        if access.is_applicant(request.user):
            return redirect("candidates:applicant_nominations")
        return redirect("home")
    form = RegistrationForm(posted(request))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            candidate_self_register(
                email=data["email"],
                password=data["password1"],
                profile=form.profile(),
                position_kind=data["position_kind"],
                request=request,
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            # The same answer whether or not the address was already registered.
            request.session[REGISTRATION_EMAIL_KEY] = data["email"].strip().lower()
            return redirect("candidates:applicant_register_sent")
    return render(request, "candidates/applicant/register.html", {"form": form})


@require_GET
def register_sent(request: HttpRequest) -> HttpResponse:
    """Say that a letter went to the address (whatever the letter is: nothing is revealed)."""
    email = request.session.get(REGISTRATION_EMAIL_KEY)
    if not email:
        return redirect("candidates:applicant_register")
    return render(request, "candidates/applicant/register_sent.html", {"email": email})


@require_GET
def activate(request: HttpRequest, uidb64: str, token: str) -> HttpResponse:
    """Confirm the address from the letter: activate the account, sign in, open the draft."""
    user = None
    try:
        user = get_user_model().objects.get(pk=urlsafe_base64_decode(uidb64).decode())
    except (ValueError, OverflowError, get_user_model().DoesNotExist):
        user = None
    if (
        user is None
        or not access.is_applicant_account(user)
        or not default_token_generator.check_token(user, token)
    ):
        return render(request, "candidates/applicant/activate_invalid.html", status=400)
    nomination = candidate_activate(user=user, request=request)
    login(request, user, backend="accounts.backends.UsernameOrEmailBackend")
    request.session.pop(REGISTRATION_EMAIL_KEY, None)
    messages.success(
        request,
        f"Адрес подтверждён, учётная запись создана. Для входа используйте email {user.email} "
        "и свой пароль. Заполните анкету, загрузите документы и подайте заявку.",
    )
    if nomination is not None:
        return redirect("candidates:applicant_nomination", pk=nomination.pk)
    return redirect("candidates:applicant_nominations")


@login_required
@require_http_methods(["GET", "POST"])
def nominations(request: HttpRequest) -> HttpResponse:
    """List the candidate's applications and open a new one."""
    candidate = own_candidate(request)
    form = None
    if candidate is not None:
        form = NominationStartForm(
            posted(request), initial={"municipality": candidate.municipality_id}
        )
    if request.method == "POST" and form is not None and form.is_valid():
        try:
            nomination = nomination_create(
                candidate=candidate,
                position_kind=form.cleaned_data["position_kind"],
                municipality=form.cleaned_data["municipality"],
                source=NominationSource.SELF,
                actor=request.user,
                request=request,
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, "Заявка создана. Заполните её разделы и подайте.")
            return redirect("candidates:applicant_nomination", pk=nomination.pk)
    own = access.nominations_visible_to(request.user).select_related(
        "position_kind", "municipality"
    )
    return render(
        request,
        "candidates/applicant/nominations.html",
        {
            "candidate": candidate,
            "nominations": own.order_by("-created_at"),
            "form": form,
            "can_start": candidate is not None and access.can_self_nominate(request.user),
        },
    )


@login_required
@require_GET
def nomination_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """Show the application: status, what is missing, the sections, the history."""
    nomination = own_nomination(request, pk)
    context = application_context(request, nomination, "overview")
    candidate = nomination.candidate
    context |= {
        "changes": nomination.status_changes.order_by("created_at", "id"),
        "education_count": candidate.education_records.count(),
        "dpo_count": candidate.dpo_records.count(),
        "work_count": candidate.work_records.count(),
        "document_count": nomination.documents.count(),
        "consent": consent_active(candidate.user, ConsentPurpose.PERSONAL_DATA),
    }
    return render(request, "candidates/applicant/overview.html", context)


@login_required
@require_POST
def nomination_submit(request: HttpRequest, pk: int) -> HttpResponse:
    """Submit the application; the workflow refuses with the list of what is missing."""
    nomination = own_nomination(request, pk)
    if not access.can_submit(request.user, nomination):
        messages.error(
            request,
            f"Заявка уже в статусе «{nomination.get_status_display()}» — подать её снова нельзя.",
        )
        return redirect("candidates:applicant_nomination", pk=pk)
    # The whole list first: the workflow stops at the first precondition that fails.
    missing = nomination_missing_items(nomination)
    if missing:
        messages.error(request, f"Заявку нельзя подать, пока не заполнено: {'; '.join(missing)}.")
        return redirect("candidates:applicant_nomination", pk=pk)
    try:
        nomination_transition(
            nomination=nomination,
            to_status=NominationStatus.SUBMITTED,
            actor=request.user,
            request=request,
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            "Заявка подана. Специалисты проверят документы; о каждом изменении статуса "
            "мы сообщим по электронной почте.",
        )
    return redirect("candidates:applicant_nomination", pk=pk)


@login_required
@require_http_methods(["GET", "POST"])
def profile(request: HttpRequest, pk: int) -> HttpResponse:
    """Show and change the анкета: personal data, current organization and post."""
    nomination = own_nomination(request, pk)
    candidate = nomination.candidate
    form = ProfileForm(posted(request), instance=candidate)
    if request.method == "POST":
        if refused := refuse_if_not_editable(request, nomination):
            return refused
        if form.is_valid():
            data = {name: form.cleaned_data[name] for name in form.Meta.fields}
            try:
                application_profile_update(
                    nomination=nomination, actor=request.user, data=data, request=request
                )
            except ValidationError as error:
                add_service_error(form, error)
            else:
                messages.success(request, "Анкета сохранена.")
                return redirect("candidates:applicant_profile", pk=pk)
    context = application_context(request, nomination, "profile")
    return render(request, "candidates/applicant/profile.html", context | {"form": form})
