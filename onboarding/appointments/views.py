"""Appointment pages: the list, one appointment with its attestation and the founder's order,
making it after the confirmation page (core.views), cancelling, the order's download."""

import mimetypes
import re
from pathlib import PurePath

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from audit.services import personal_data_access_log
from core.views import Confirmation, confirmation_page, is_confirmed
from onboarding import access
from onboarding.appointments.forms import AttestationForm, CancelForm, OrderForm
from onboarding.appointments.services import (
    appointment_cancel,
    appointment_make,
    appointment_order_record,
    attestation_record,
    has_order,
    needs_attestation,
    order_issuer_hint,
)
from onboarding.common import PAGE_SIZE, attempt, require, show_form_errors
from onboarding.models import Appointment, AppointmentStatus, Attestation

# Characters an order number may hold that a file name may not («12/к» → «12-к»).
_UNSAFE = re.compile(r"[^\w-]+")
LIST_FILTERS = {
    "preparing": ("Готовятся", AppointmentStatus.PREPARING),
    "made": ("Назначены", AppointmentStatus.MADE),
    "cancelled": ("Отменены", AppointmentStatus.CANCELLED),
}


@login_required
def appointment_list(request: HttpRequest) -> HttpResponse:
    """List the appointments of the user's territory: being prepared, made, cancelled."""
    user = request.user
    require(access.can_view_vacancies(user))
    status = request.GET.get("status", "preparing")
    status = status if status in LIST_FILTERS else "preparing"
    appointments = (
        access.appointments_visible_to(user)
        .filter(status=LIST_FILTERS[status][1])
        .select_related(
            "membership__candidate",
            "vacancy__organization__municipality",
            "vacancy__position_kind",
            "attestation",
        )
        .order_by("-created_at", "-pk")
    )
    page = Paginator(appointments, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "onboarding/appointments/list.html",
        {
            "page": page,
            "status": status,
            "filters": [(key, title) for key, (title, _) in LIST_FILTERS.items()],
            "query": f"status={status}",
            "region_wide": access.works_region_wide(user),
        },
    )


def appointment_for(user, pk: int) -> Appointment:
    """Return the appointment if the user may see it, else 404."""
    return get_object_or_404(
        access.appointments_visible_to(user).select_related(
            "membership__candidate__organization",
            "membership__position_kind",
            "vacancy__organization__municipality",
            "vacancy__position_kind",
            "offer",
            "made_by",
        ),
        pk=pk,
    )


def _consequences(appointment: Appointment) -> list[str]:
    """Return what making the appointment changes, in sentences, for the confirmation page."""
    vacancy = appointment.vacancy
    organization = vacancy.organization
    candidate = appointment.membership.candidate
    lines = [
        f"Резервист {candidate}: членство в кадровом резерве закроется со статусом «назначен».",
        f"Вакансия «{vacancy.position_kind}» в {organization} станет замещённой из резерва.",
    ]
    if vacancy.position_kind.is_head:
        former = organization.head_full_name or "не указан"
        lines += [
            f"В реестре руководителем организации станет {candidate} (сейчас — {former}).",
            "Будет составлен план введения в должность по шаблону для организаций типа "
            f"«{organization.get_kind_display()}» с контрольными точками через 1, 3, 6 и 12 "
            "месяцев.",
        ]
    return lines


def _order_form(appointment: Appointment) -> OrderForm:
    initial = {
        name: getattr(appointment, name)
        for name in ("order_number", "order_date", "starts_on", "contract_ends_on")
    }
    initial["order_issuer"] = appointment.order_issuer or order_issuer_hint(appointment)
    return OrderForm(initial=initial, has_file=bool(appointment.order_file))


def _render(request: HttpRequest, appointment: Appointment, **forms) -> HttpResponse:
    user = request.user
    attestation = Attestation.objects.filter(appointment=appointment).first()
    can_record = access.can_record_appointment(user, appointment)
    personal_data_access_log(
        actor=user,
        subject=appointment.membership.candidate,
        purpose="назначение на должность",
        request=request,
    )
    initial = {}
    if attestation is not None:
        initial = {
            name: getattr(attestation, name)
            for name in ("kind", "decision", "held_on", "commission", "protocol_number", "reason")
        }
    return render(
        request,
        "onboarding/appointments/detail.html",
        {
            "appointment": appointment,
            "attestation": attestation,
            "needs_attestation": needs_attestation(appointment),
            "ready": not needs_attestation(appointment)
            or (attestation is not None and attestation.is_passed),
            "can_record": can_record,
            "attestation_form": forms.get("attestation_form") or AttestationForm(initial=initial),
            "order_form": forms.get("order_form") or _order_form(appointment),
            "has_order": has_order(appointment),
            "cancel_form": CancelForm(prefix="cancel"),
            "issuer": order_issuer_hint(appointment),
            "side": access.appointing_side(appointment.vacancy.organization),
            "plan": getattr(appointment, "induction_plan", None)
            if appointment.status == AppointmentStatus.MADE
            else None,
        },
    )


@login_required
def appointment_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """Show an appointment: the offer accepted, the attestation, the order, what is left."""
    return _render(request, appointment_for(request.user, pk))


@login_required
@require_POST
def attestation_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Record the attestation's result or the founder's acceptance of the reserve's assessment."""
    appointment = appointment_for(request.user, pk)
    require(access.can_record_appointment(request.user, appointment))
    form = AttestationForm(request.POST)
    if not form.is_valid():
        return _render(request, appointment, attestation_form=form)
    data = form.cleaned_data
    attempt(
        request,
        lambda: attestation_record(
            appointment=appointment, actor=request.user, request=request, **data
        ),
        "Аттестация записана.",
    )
    return redirect("onboarding:appointment_detail", pk=appointment.pk)


@login_required
@require_POST
def order_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Attach the founder's order (number, dates, scan) to the appointment being prepared."""
    appointment = appointment_for(request.user, pk)
    require(access.can_record_appointment(request.user, appointment))
    form = OrderForm(request.POST, request.FILES, has_file=bool(appointment.order_file))
    if not form.is_valid():
        return _render(request, appointment, order_form=form)
    data = form.cleaned_data
    attempt(
        request,
        lambda: appointment_order_record(
            appointment=appointment, actor=request.user, request=request, **data
        ),
        "Приказ приложен. Проверьте его и запишите назначение.",
    )
    return redirect(reverse("onboarding:appointment_detail", args=[appointment.pk]) + "#order")


def _confirmation(appointment: Appointment) -> Confirmation:
    return Confirmation(
        title=f"Записать назначение: {appointment.membership.candidate}?",
        details=[
            (
                "Должность",
                f"{appointment.vacancy.position_kind}, {appointment.vacancy.organization}",
            ),
            (
                "Приказ",
                f"№ {appointment.order_number} от {appointment.order_date:%d.%m.%Y}, "
                f"{appointment.order_issuer}",
            ),
            ("В должности с", f"{appointment.starts_on:%d.%m.%Y}"),
        ],
        consequences=[
            *_consequences(appointment),
            "Отменить записанное назначение на портале нельзя.",
        ],
        confirm_label="Да, назначить",
        cancel_url=reverse("onboarding:appointment_detail", args=[appointment.pk]),
        danger=False,
    )


@login_required
@require_POST
def appointment_make_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Make the appointment, after the page that says what it will change."""
    appointment = appointment_for(request.user, pk)
    require(access.can_record_appointment(request.user, appointment))
    if not has_order(appointment):
        messages.error(request, "Сначала приложите приказ о назначении.")
        return redirect("onboarding:appointment_detail", pk=appointment.pk)
    if not is_confirmed(request):
        return confirmation_page(request, _confirmation(appointment))
    attempt(
        request,
        lambda: appointment_make(appointment=appointment, actor=request.user, request=request),
        "Назначение записано.",
    )
    return redirect("onboarding:appointment_detail", pk=appointment.pk)


@login_required
@require_POST
def appointment_cancel_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Cancel an appointment still being prepared."""
    appointment = appointment_for(request.user, pk)
    require(access.can_record_appointment(request.user, appointment))
    form = CancelForm(request.POST, prefix="cancel")
    if not form.is_valid():
        show_form_errors(request, form)
        return redirect("onboarding:appointment_detail", pk=appointment.pk)
    attempt(
        request,
        lambda: appointment_cancel(
            appointment=appointment,
            reason=form.cleaned_data["reason"],
            actor=request.user,
            request=request,
        ),
        "Назначение отменено; вакансия вернулась к списку кандидатов.",
    )
    return redirect("onboarding:vacancy_detail", pk=appointment.vacancy_id)


@login_required
def order_download(request: HttpRequest, pk: int) -> FileResponse:
    """Serve the founder's order to whoever may see the appointment; log the download."""
    appointment = appointment_for(request.user, pk)
    require(access.can_download_order(request.user, appointment))
    if not appointment.order_file:
        raise Http404
    try:
        handle = appointment.order_file.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    personal_data_access_log(
        actor=request.user,
        subject=appointment.membership.candidate,
        purpose=f"приказ о назначении № {appointment.order_number}"[:200],
        request=request,
    )
    extension = PurePath(appointment.order_file.name).suffix.lower()
    return FileResponse(
        handle,
        as_attachment=True,
        filename=f"приказ-{_UNSAFE.sub('-', appointment.order_number)}{extension}",
        content_type=mimetypes.types_map.get(extension, "application/octet-stream"),
    )
