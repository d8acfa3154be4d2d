"""Pages of the selection stage: the reserve — list of reservists, a membership, exclusion."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from audit.services import personal_data_access_log
from candidates import access
from candidates.forms_commission import ExcludeForm, ExtensionMeetingForm, MembershipFilterForm
from candidates.models import (
    AgendaItem,
    Decision,
    MeetingStatus,
    MembershipStatus,
    ReserveMembership,
)
from candidates.selectors import months_ahead
from candidates.selectors_commission import search_memberships, with_regulation_names
from candidates.services.commission import agenda_item_add_extension
from candidates.services.membership import membership_exclude
from candidates.views.commission import attempt
from core.views import Confirmation, confirmation_page, is_confirmed
from governance.orders import order_suggested_requisites
from governance.regulation import Regulation
from governance.selectors import regulation_in_force

PAGE_SIZE = 50


def _filtered(memberships: QuerySet, data: dict) -> QuerySet:
    if data.get("q"):
        memberships = search_memberships(memberships, data["q"])
    for name in ("status", "municipality", "position_kind", "category", "readiness"):
        if data.get(name):
            memberships = memberships.filter(**{name: data[name]})
    if data.get("term_months"):
        memberships = memberships.filter(
            status=MembershipStatus.ACTIVE,
            term_ends_on__lte=months_ahead(timezone.localdate(), data["term_months"]),
        )
    return memberships


@login_required
def membership_list(request: HttpRequest) -> HttpResponse:
    """List the reservists the user may see, with filters and search."""
    if not access.can_view_reserve_list(request.user):
        raise Http404
    regulation = regulation_in_force()
    # Without any filter the list opens on the people in the reserve now.
    data = request.GET if request.GET else {"status": MembershipStatus.ACTIVE}
    form = MembershipFilterForm(
        data, regulation=regulation, region_wide=access.can_choose_municipality(request.user)
    )
    memberships = access.memberships_visible_to(request.user).select_related(
        "candidate", "position_kind", "municipality"
    )
    if form.is_valid():
        memberships = _filtered(memberships, form.cleaned_data)
    else:
        memberships = memberships.none()
    page = Paginator(
        memberships.order_by("candidate__last_name", "candidate__first_name", "id"), PAGE_SIZE
    ).get_page(request.GET.get("page"))
    rows = with_regulation_names(page.object_list, regulation)
    today = timezone.localdate()
    for row in rows:
        # The daily expiry closes it; until then the list says the term is over.
        row.term_over = row.status == MembershipStatus.ACTIVE and row.term_ends_on < today
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "candidates/membership/membership_list.html",
        {
            "form": form,
            "page": page,
            "rows": rows,
            "query": query.urlencode(),
            "show_municipality": access.can_choose_municipality(request.user),
        },
    )


def _membership_for(user, pk: int) -> ReserveMembership:
    return get_object_or_404(
        access.memberships_visible_to(user).select_related(
            "candidate__organization",
            "position_kind",
            "municipality",
            "nomination",
            "inclusion_order",
            "exclusion_order",
        ),
        pk=pk,
    )


def _extension_meetings(user):
    return (
        access.meetings_visible_to(user)
        .filter(status=MeetingStatus.PLANNED)
        .select_related("commission")
        .order_by("date", "id")
    )


def _can_propose_extension(
    user, membership: ReserveMembership, regulation: Regulation, pending: bool
) -> bool:
    return (
        access.can_manage_commission(user)
        and membership.status == MembershipStatus.ACTIVE
        and membership.extensions < regulation.max_extensions
        and not pending
    )


def _render_membership(
    request: HttpRequest, membership: ReserveMembership, status: int = 200, **forms
) -> HttpResponse:
    user = request.user
    regulation = regulation_in_force()
    with_regulation_names([membership], regulation)
    events = list(membership.events.select_related("actor", "order"))
    for event in events:
        event.label = event.action_label
    visible_meetings = set(access.meetings_visible_to(user).values_list("pk", flat=True))
    questions = list(
        AgendaItem.objects.filter(membership=membership)
        .select_related("meeting__commission")
        .order_by("meeting__date", "id")
    )
    for question in questions:
        question.meeting_visible = question.meeting_id in visible_meetings
        question.decision_label = dict(Decision.choices).get(question.decision, "")
    pending = any(not question.decision for question in questions)
    active = membership.status == MembershipStatus.ACTIVE
    can_exclude = access.can_manage_membership(user) and active
    can_extend = _can_propose_extension(user, membership, regulation, pending)
    personal_data_access_log(
        actor=user,
        subject=membership.candidate,
        purpose="членство в кадровом резерве",
        request=request,
    )
    context = {
        "membership": membership,
        "candidate": membership.candidate,
        "events": events,
        "questions": questions,
        "can_exclude": can_exclude,
        "can_extend": can_extend,
        "is_staff_view": access.can_view_reserve_list(user),
        "max_extensions": regulation.max_extensions,
        "can_download_orders": access.can_issue_inclusion_order(user),
    }
    if can_exclude:
        context["exclude_form"] = forms.get("exclude_form") or ExcludeForm(
            regulation=regulation, initial=order_suggested_requisites(timezone.localdate())
        )
    if can_extend:
        context["extension_form"] = forms.get("extension_form") or ExtensionMeetingForm(
            meetings=_extension_meetings(user)
        )
    return render(request, "candidates/membership/membership_detail.html", context, status=status)


@login_required
def membership_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """Show a membership of the reserve with its history."""
    return _render_membership(request, _membership_for(request.user, pk))


def _exclusion_confirmation(
    membership: ReserveMembership, form: ExcludeForm, regulation: Regulation
) -> Confirmation:
    data = form.cleaned_data
    on_date = data["on_date"] or data["order_date"] or timezone.localdate()
    name = membership.candidate.full_name
    return Confirmation(
        title=f"Исключить из кадрового резерва: {name}?",
        details=[
            ("Резерв на должность", membership.position_kind.name),
            ("Основание", regulation.exclusion_ground_name(data["ground"])),
            ("Комментарий", data["comment"]),
            ("Приказ", f"от {data['order_date']:%d.%m.%Y} № {data['order_number']}"),
            ("Подписал", f"{data['signatory_post']} {data['signatory_name']}"),
            ("Дата исключения", f"{on_date:%d.%m.%Y}"),
        ],
        consequences=[
            f"Членство в резерве закроется с {on_date:%d.%m.%Y}; в истории резерва останется "
            "запись об исключении с основанием и комментарием.",
            "Резервист пропадёт из списка действующего резерва и из подбора наставников.",
            "Отменить исключение нельзя: вернуться в резерв можно только по новой заявке и "
            "решению комиссии.",
        ],
        confirm_label="Да, исключить из резерва",
        cancel_url=reverse("candidates:membership_detail", args=[membership.pk]),
    )


@login_required
@require_POST
def membership_exclude_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Exclude the reservist on a ground of the Regulation."""
    membership = _membership_for(request.user, pk)
    if not access.can_manage_membership(request.user):
        raise Http404
    regulation = regulation_in_force()
    form = ExcludeForm(request.POST, regulation=regulation)
    if not form.is_valid():
        return _render_membership(request, membership, status=400, exclude_form=form)
    if not is_confirmed(request):
        return confirmation_page(request, _exclusion_confirmation(membership, form, regulation))
    attempt(
        request,
        lambda: membership_exclude(
            membership=membership,
            ground=form.cleaned_data["ground"],
            reason=form.cleaned_data["comment"],
            on_date=form.cleaned_data["on_date"],
            actor=request.user,
            request=request,
            **form.order_data(),
        ),
        "Резервист исключён из резерва приказом министерства.",
    )
    return redirect("candidates:membership_detail", pk=membership.pk)


@login_required
@require_POST
def membership_extension_propose(request: HttpRequest, pk: int) -> HttpResponse:
    """Put the extension of this membership on a planned meeting's agenda."""
    membership = _membership_for(request.user, pk)
    if not access.can_manage_commission(request.user):
        raise Http404
    form = ExtensionMeetingForm(request.POST, meetings=_extension_meetings(request.user))
    if not form.is_valid():
        return _render_membership(request, membership, status=400, extension_form=form)
    meeting = form.cleaned_data["meeting"]
    item = attempt(
        request,
        lambda: agenda_item_add_extension(
            meeting=meeting, membership=membership, actor=request.user, request=request
        ),
        f"Продление вынесено на заседание {meeting.date:%d.%m.%Y}.",
    )
    if item is None:
        return redirect("candidates:membership_detail", pk=membership.pk)
    return redirect(reverse("candidates:meeting_detail", args=[meeting.pk]) + f"#item-{item.pk}")
