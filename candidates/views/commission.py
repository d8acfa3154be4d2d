"""Pages of the selection stage: commission side — composition, meetings, agenda, votes.

The meeting's paperwork (the protocol, the order on inclusion) is in commission_documents.py.
"""

from collections.abc import Callable
from typing import TypeVar

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count, Prefetch, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from audit.services import personal_data_access_log
from candidates import access
from candidates.extensions import NOT_ASSESSED, assessment_deficits, assessment_verdicts
from candidates.forms_commission import (
    AgendaExtensionForm,
    AgendaNominationForm,
    CloseMeetingForm,
    DecideForm,
    MeetingCreateForm,
    VoteForm,
)
from candidates.models import (
    AgendaItem,
    CommissionMeeting,
    CommissionMember,
    MeetingStatus,
)
from candidates.selectors_commission import (
    agenda_entries,
    attendance_of,
    member_order,
    members_for_meeting,
    memberships_for_extension,
    nominations_for_agenda,
)
from candidates.services.commission import (
    agenda_item_add,
    agenda_item_add_extension,
    agenda_item_decide,
    commission_meeting_create,
    vote_cast,
)
from candidates.views.meeting_orders import meeting_orders_context
from governance.selectors import regulation_in_force

T = TypeVar("T")


def attempt(request: HttpRequest, action: Callable[[], T], success: str = "") -> T | None:
    """Run a service call; show its refusal, or the success message, as a page message."""
    try:
        result = action()
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return None
    if success:
        messages.success(request, success)
    return result


def _form_errors(request: HttpRequest, form) -> None:
    for errors in form.errors.values():
        for message in errors:
            messages.error(request, message)


def meeting_for(user, pk: int) -> CommissionMeeting:
    """Return the meeting if the user may open it, else 404."""
    return get_object_or_404(access.meetings_visible_to(user).select_related("commission"), pk=pk)


def _item_for(user, pk: int) -> AgendaItem:
    return get_object_or_404(
        AgendaItem.objects.filter(meeting__in=access.meetings_visible_to(user)).select_related(
            "meeting__commission"
        ),
        pk=pk,
    )


def meeting_url(meeting: CommissionMeeting, item: AgendaItem | None = None) -> str:
    """Return the meeting page's address, at the question when one is given."""
    url = reverse("candidates:meeting_detail", args=[meeting.pk])
    return f"{url}#item-{item.pk}" if item is not None else url


@login_required
def commission_list(request: HttpRequest) -> HttpResponse:
    """Show the commissions with their members."""
    if not access.can_view_commissions(request.user):
        raise Http404
    members = (
        CommissionMember.objects.filter(is_active=True)
        .select_related("user")
        .order_by(*member_order())
    )
    commissions = access.commissions_visible_to(request.user).prefetch_related(
        Prefetch("members", queryset=members, to_attr="active_members")
    )
    return render(
        request,
        "candidates/commission/commission_list.html",
        {
            "commissions": commissions,
            "can_manage": access.can_manage_commission(request.user),
        },
    )


@login_required
def meeting_list(request: HttpRequest) -> HttpResponse:
    """List the meetings the user may open; staff schedule new ones here."""
    if not access.can_view_commissions(request.user):
        raise Http404
    meetings = (
        access.meetings_visible_to(request.user)
        .select_related("commission")
        .annotate(
            questions=Count("agenda_items", distinct=True),
            undecided=Count("agenda_items", filter=Q(agenda_items__decision=""), distinct=True),
        )
        .order_by("-date", "-id")
    )
    can_manage = access.can_manage_commission(request.user)
    form = None
    if can_manage:
        form = MeetingCreateForm(
            commissions=access.commissions_visible_to(request.user).filter(is_active=True)
        )
    return render(
        request,
        "candidates/commission/meeting_list.html",
        {"meetings": meetings, "form": form, "can_manage": can_manage},
    )


@login_required
@require_POST
def meeting_create(request: HttpRequest) -> HttpResponse:
    """Schedule a meeting of a commission."""
    if not access.can_manage_commission(request.user):
        raise Http404
    form = MeetingCreateForm(
        request.POST,
        commissions=access.commissions_visible_to(request.user).filter(is_active=True),
    )
    if not form.is_valid():
        _form_errors(request, form)
        return redirect("candidates:meeting_list")
    meeting = attempt(
        request,
        lambda: commission_meeting_create(
            commission=form.cleaned_data["commission"],
            date=form.cleaned_data["date"],
            starts_at=form.cleaned_data["starts_at"],
            place=form.cleaned_data["place"],
            actor=request.user,
            request=request,
        ),
        f"Заседание {form.cleaned_data['date']:%d.%m.%Y} назначено.",
    )
    return redirect(meeting_url(meeting) if meeting else reverse("candidates:meeting_list"))


def render_meeting(
    request: HttpRequest, meeting: CommissionMeeting, status: int = 200, **forms
) -> HttpResponse:
    """Render the meeting page; a refused form is passed in to show its errors."""
    user = request.user
    regulation = regulation_in_force()
    members = members_for_meeting(meeting)
    entries = agenda_entries(meeting, members, regulation)
    for entry in entries:
        personal_data_access_log(
            actor=user,
            subject=entry.candidate,
            purpose="повестка заседания комиссии",
            request=request,
        )
    planned = meeting.status == MeetingStatus.PLANNED
    is_open = meeting.is_open(timezone.localdate())
    if is_open and access.can_conduct_meeting(user, meeting):
        verdicts = assessment_verdicts(
            (entry.item.nomination_id for entry in entries), regulation.pass_threshold
        )
        for entry in entries:
            deficits = verdicts.get(entry.item.nomination_id, NOT_ASSESSED).deficits
            entry.decide_form = DecideForm(prefix=f"item{entry.item.pk}", deficits=deficits)
    can_manage = access.can_manage_commission(user) and planned
    own_member = next((m for m in members if m.user_id == user.pk and m.is_active), None)
    if own_member is not None:
        for entry in entries:
            entry.own_choice = next(
                (vote.choice for vote in entry.votes if vote.member.pk == own_member.pk), ""
            )
    orders = meeting_orders_context(user, meeting, planned, forms)
    created = orders.pop("created")
    for entry in entries:
        entry.membership_id = entry.item.membership_id or created.get(entry.item.pk)
    attendance = attendance_of(meeting)
    active_members = [m for m in members if m.is_active]
    for member in active_members:
        member.is_present = attendance.get(member.pk)
    context = {
        "meeting": meeting,
        "members": active_members,
        "is_open": is_open,
        "can_open": planned and not is_open and access.can_open_meeting(user, meeting),
        "can_record_attendance": is_open and access.can_record_attendance(user, meeting),
        "entries": entries,
        "is_planned": planned,
        "can_manage_agenda": can_manage,
        "own_member": own_member if is_open else None,
        "can_record_votes": is_open and access.can_record_votes(user, meeting),
        "can_conduct": planned and access.can_conduct_meeting(user, meeting),
        "can_decide": is_open and access.can_conduct_meeting(user, meeting),
        "can_download_protocol": access.can_download_protocol(user, meeting),
        **orders,
        "undecided": sum(1 for entry in entries if not entry.is_decided),
        "can_open_nominations": access.can_view_pipeline(user),
    }
    if can_manage:
        context["agenda_form"] = forms.get("agenda_form") or AgendaNominationForm(
            nominations=nominations_for_agenda(access.nominations_visible_to(user)),
            regulation=regulation,
        )
        context["extension_form"] = forms.get("extension_form") or AgendaExtensionForm(
            memberships=memberships_for_extension(
                access.memberships_visible_to(user), regulation, timezone.localdate()
            )
        )
    if context["can_conduct"]:
        context["close_form"] = forms.get("close_form") or CloseMeetingForm()
    return render(request, "candidates/commission/meeting_detail.html", context, status=status)


@login_required
def meeting_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """Show the meeting: members, agenda with summaries, votes, decisions."""
    return render_meeting(request, meeting_for(request.user, pk))


@login_required
@require_POST
def agenda_add(request: HttpRequest, pk: int) -> HttpResponse:
    """Put a nomination awaiting the commission on the agenda."""
    meeting = meeting_for(request.user, pk)
    if not access.can_manage_commission(request.user):
        raise Http404
    form = AgendaNominationForm(
        request.POST,
        nominations=nominations_for_agenda(access.nominations_visible_to(request.user)),
        regulation=regulation_in_force(),
    )
    if not form.is_valid():
        return render_meeting(request, meeting, status=400, agenda_form=form)
    item = attempt(
        request,
        lambda: agenda_item_add(
            meeting=meeting,
            nomination=form.cleaned_data["nomination"],
            category=form.cleaned_data["category"],
            readiness=form.cleaned_data["readiness"],
            actor=request.user,
            request=request,
        ),
        "Вопрос включён в повестку.",
    )
    return redirect(meeting_url(meeting, item))


@login_required
@require_POST
def agenda_add_extension(request: HttpRequest, pk: int) -> HttpResponse:
    """Put a reservist's extension on the agenda."""
    meeting = meeting_for(request.user, pk)
    if not access.can_manage_commission(request.user):
        raise Http404
    form = AgendaExtensionForm(
        request.POST,
        memberships=memberships_for_extension(
            access.memberships_visible_to(request.user),
            regulation_in_force(),
            timezone.localdate(),
        ),
    )
    if not form.is_valid():
        return render_meeting(request, meeting, status=400, extension_form=form)
    item = attempt(
        request,
        lambda: agenda_item_add_extension(
            meeting=meeting,
            membership=form.cleaned_data["membership"],
            actor=request.user,
            request=request,
        ),
        "Вопрос о продлении включён в повестку.",
    )
    return redirect(meeting_url(meeting, item))


@login_required
@require_POST
def vote(request: HttpRequest, pk: int) -> HttpResponse:
    """Record a vote: the member's own, or a present member's by the secretary."""
    item = _item_for(request.user, pk)
    meeting = item.meeting
    members = meeting.commission.members.filter(is_active=True).select_related("user")
    own = members.filter(user=request.user).first()
    # Whoever neither sits on the commission nor is its secretary learns nothing more here.
    if own is None and not access.can_record_votes(request.user, meeting):
        raise Http404
    form = VoteForm(request.POST, members=members)
    if not form.is_valid():
        _form_errors(request, form)
        return redirect(meeting_url(meeting, item))
    member = form.cleaned_data["member"] or own
    if member is None or not access.can_vote_for(request.user, meeting, member):
        raise Http404
    attempt(
        request,
        lambda: vote_cast(
            item=item,
            member=member,
            choice=form.cleaned_data["choice"],
            actor=request.user,
            request=request,
        ),
    )
    return redirect(meeting_url(meeting, item))


@login_required
@require_POST
def decide(request: HttpRequest, pk: int) -> HttpResponse:
    """Count the votes of a question and carry out the decision."""
    item = _item_for(request.user, pk)
    if not access.can_conduct_meeting(request.user, item.meeting):
        raise Http404
    deficits = assessment_deficits(item.nomination_id, regulation_in_force().pass_threshold)
    form = DecideForm(request.POST, prefix=f"item{item.pk}", deficits=deficits)
    if not form.is_valid():
        _form_errors(request, form)
        return redirect(meeting_url(item.meeting, item))
    decided = attempt(
        request,
        lambda: agenda_item_decide(
            item=item, actor=request.user, reason=form.reason_text(), request=request
        ),
    )
    if decided is not None:
        messages.success(request, f"Решение принято: {decided.get_decision_display()}.")
    return redirect(meeting_url(item.meeting, item))
