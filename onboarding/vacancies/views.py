"""Staff pages of vacancies: the list, recording one, a vacancy's page, closing, the forecast
and the reserve's coverage."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from audit.services import personal_data_access_log_many
from core.views import query_id
from governance.selectors import regulation_in_force
from onboarding import access
from onboarding.common import PAGE_SIZE, attempt, require, show_form_errors
from onboarding.models import OPEN_STATUSES, AppointmentStatus, OfferStatus, Vacancy
from onboarding.shortlists.forms import MoveForm, OfferForm
from onboarding.shortlists.scoring import NOT_LISTED_REASONS
from onboarding.shortlists.selectors import (
    memberships_to_exclude_for_refusals,
    offers_by_vacancy,
    shortlist_of,
)
from onboarding.vacancies import forecast, selectors
from onboarding.vacancies.forms import CloseForm, ForecastForm, VacancyFilterForm, VacancyForm
from onboarding.vacancies.services import (
    vacancy_close,
    vacancy_create,
    vacancy_create_from_forecast,
)
from registry.access import organizations_visible_to


def _query_without_page(request: HttpRequest) -> str:
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


@login_required
def vacancy_list(request: HttpRequest) -> HttpResponse:
    """List the vacancies of the user's territory by status, municipality and post."""
    user = request.user
    require(access.can_view_vacancies(user))
    region_wide = access.works_region_wide(user)
    form = VacancyFilterForm(request.GET or None, region_wide=region_wide)
    filters = form.cleaned_data if form.is_valid() else {}
    visible = access.vacancies_visible_to(user)
    vacancies = selectors.vacancies_for_list(visible)
    status = filters.get("status") or "open"
    if status == "open":
        vacancies = vacancies.filter(status__in=OPEN_STATUSES)
    elif status != "all":
        vacancies = vacancies.filter(status=status)
    if filters.get("municipality"):
        vacancies = vacancies.filter(organization__municipality=filters["municipality"])
    if filters.get("position_kind"):
        vacancies = vacancies.filter(position_kind=filters["position_kind"])
    page = Paginator(vacancies.order_by("opens_on", "pk"), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "onboarding/vacancies/list.html",
        {
            "form": form,
            "page": page,
            "query": _query_without_page(request),
            "counts": selectors.vacancy_counts(visible),
            "region_wide": region_wide,
            "can_enter": access.organizations_for_vacancies(user).exists(),
        },
    )


@login_required
def vacancy_create_view(request: HttpRequest) -> HttpResponse:
    """Record a vacancy of a head or a deputy in one of the user's organizations."""
    user = request.user
    organizations = access.organizations_for_vacancies(user)
    require(access.can_view_vacancies(user))
    initial = {"opens_on": timezone.localdate()}
    chosen = query_id(request, "organization")
    if chosen is not None:
        initial["organization"] = organizations.filter(pk=chosen).first()
    form = VacancyForm(request.POST or None, organizations=organizations, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        require(access.can_enter_vacancy(user, data["organization"]))
        vacancy = attempt(
            request,
            lambda: vacancy_create(
                organization=data["organization"],
                position_kind=data["position_kind"],
                opens_on=data["opens_on"],
                reason=data["reason"],
                reason_note=data["reason_note"],
                actor=user,
                request=request,
            ),
            "Вакансия внесена.",
        )
        if vacancy is not None:
            return redirect("onboarding:vacancy_detail", pk=vacancy.pk)
    return render(request, "onboarding/vacancies/form.html", {"form": form})


def vacancy_for(user, pk: int) -> Vacancy:
    """Return the vacancy if the user may see it, else 404."""
    return get_object_or_404(
        access.vacancies_visible_to(user).select_related(
            "organization__municipality", "position_kind", "created_by"
        ),
        pk=pk,
    )


def _lead_note(vacancy: Vacancy) -> str:
    side = access.appointing_side(vacancy.organization)
    if side == "municipal":
        return (
            "Организация муниципальная: руководителя назначает учредитель — муниципальное "
            f"образование «{vacancy.organization.municipality}». Вакансию ведёт его "
            "координатор; министерство видит её, но предложения и назначение не записывает."
        )
    if side == "regional":
        return (
            "Организация региональная: руководителя назначает министерство образования "
            "Оренбургской области. Вакансию ведёт министерство; муниципальный координатор её "
            "видит."
        )
    return "В реестре не указан учредитель организации: вакансию некому вести."


@login_required
def vacancy_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """Show a vacancy: its history, shortlist with explanations, offers and appointment."""
    user = request.user
    vacancy = vacancy_for(user, pk)
    entries = shortlist_of(vacancy)
    if entries:
        personal_data_access_log_many(
            actor=user,
            subjects=[entry.membership.candidate for entry in entries],
            purpose=f"список кандидатов на вакансию: {vacancy}"[:200],
            request=request,
        )
    offers = list(offers_by_vacancy(vacancy))
    appointment = (
        vacancy.appointments.exclude(status=AppointmentStatus.CANCELLED)
        .select_related("membership__candidate")
        .first()
    )
    can_propose = access.can_propose_exclusion(user, vacancy)
    to_exclude = (
        memberships_to_exclude_for_refusals([entry.membership_id for entry in entries])
        if can_propose
        else set()
    )
    kept_off = [
        (NOT_LISTED_REASONS[key], count)
        for key, count in (vacancy.shortlist_kept_off or {}).items()
        if count and key in NOT_LISTED_REASONS
    ]
    return render(
        request,
        "onboarding/vacancies/detail.html",
        {
            "vacancy": vacancy,
            "changes": vacancy.status_changes.select_related("actor"),
            "entries": entries,
            "kept_off": kept_off,
            "offers": offers,
            "pending_offer": next((o for o in offers if o.status == OfferStatus.OFFERED), None),
            "appointment": appointment,
            "lead_note": _lead_note(vacancy),
            "can_lead": access.can_lead_vacancy(user, vacancy),
            "can_build": access.can_build_shortlist(user, vacancy),
            "can_offer": access.can_make_offer(user, vacancy),
            "can_close": access.can_close_vacancy(user, vacancy),
            "close_form": CloseForm(),
            "offer_form": OfferForm(),
            "move_form": MoveForm(),
            "to_exclude": to_exclude,
            "max_refusals": regulation_in_force().max_offer_refusals,
            "region_wide": access.works_region_wide(user),
        },
    )


@login_required
@require_POST
def vacancy_close_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Close the vacancy with a reason."""
    vacancy = vacancy_for(request.user, pk)
    require(access.can_close_vacancy(request.user, vacancy))
    form = CloseForm(request.POST)
    if not form.is_valid():
        show_form_errors(request, form)
        return redirect("onboarding:vacancy_detail", pk=vacancy.pk)
    attempt(
        request,
        lambda: vacancy_close(
            vacancy=vacancy,
            closure_reason=form.cleaned_data["closure_reason"],
            note=form.cleaned_data["note"],
            actor=request.user,
            request=request,
        ),
        "Вакансия закрыта.",
    )
    return redirect("onboarding:vacancy_detail", pk=vacancy.pk)


@login_required
def forecast_view(request: HttpRequest) -> HttpResponse:
    """Show where heads will be needed: the registry's signals within the chosen horizon."""
    user = request.user
    require(access.can_view_vacancies(user))
    region_wide = access.works_region_wide(user)
    form = ForecastForm(request.GET or None, region_wide=region_wide)
    chosen = form.values()
    today = timezone.localdate()
    end = forecast.horizon_end(today, chosen["months"])
    organizations = selectors.forecast_organizations(
        user, today=today, months=chosen["months"], age=chosen["age"]
    ).select_related("municipality")
    organizations = selectors.forecast_filtered(
        organizations, reason=chosen["reason"], age=chosen["age"], end=end
    )
    if chosen["municipality"] is not None:
        organizations = organizations.filter(municipality=chosen["municipality"])
    if chosen["kind"]:
        organizations = organizations.filter(kind=chosen["kind"])
    page = Paginator(
        selectors.forecast_ordered(organizations, chosen["reason"]), PAGE_SIZE
    ).get_page(request.GET.get("page"))
    rows = selectors.forecast_rows(
        list(page), today=today, months=chosen["months"], age=chosen["age"]
    )
    for row in rows:
        row.can_enter = access.can_enter_vacancy(user, row.organization)
    return render(
        request,
        "onboarding/vacancies/forecast.html",
        {
            "form": form,
            "page": page,
            "rows": rows,
            "chosen": chosen,
            "horizon_end": end,
            "query": _query_without_page(request),
            "region_wide": region_wide,
        },
    )


@login_required
@require_POST
def forecast_vacancy(request: HttpRequest, pk: int) -> HttpResponse:
    """Turn a forecast signal into a vacancy of the organization's head."""
    user = request.user
    require(access.can_view_vacancies(user))
    organization = get_object_or_404(
        organizations_visible_to(user).select_related("municipality"), pk=pk
    )
    require(access.can_enter_vacancy(user, organization))
    form = ForecastForm(request.POST, region_wide=access.works_region_wide(user))
    chosen = form.values()
    vacancy = attempt(
        request,
        lambda: vacancy_create_from_forecast(
            organization=organization,
            today=timezone.localdate(),
            months=chosen["months"],
            age=chosen["age"],
            actor=user,
            request=request,
        ),
        f"Вакансия руководителя «{organization}» создана из прогноза.",
    )
    if vacancy is None:
        return redirect("onboarding:forecast")
    return redirect("onboarding:vacancy_detail", pk=vacancy.pk)


@login_required
def coverage_view(request: HttpRequest) -> HttpResponse:
    """Show forecast and open vacancies against ready reservists, per municipality and post."""
    user = request.user
    require(access.can_view_vacancies(user))
    form = ForecastForm(request.GET or None, region_wide=False)
    chosen = form.values()
    table = selectors.coverage(
        user, today=timezone.localdate(), months=chosen["months"], age=chosen["age"]
    )
    only_gaps = request.GET.get("gaps") == "1"
    if only_gaps:
        table.rows = [row for row in table.rows if row.state == "gap"]
    return render(
        request,
        "onboarding/vacancies/coverage.html",
        {
            "form": form,
            "table": table,
            "chosen": chosen,
            "only_gaps": only_gaps,
            "region_wide": access.works_region_wide(user),
        },
    )
