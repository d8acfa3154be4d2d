"""The part of the meeting page about the ministry's orders on its decisions."""

from django.utils import timezone

from candidates import access
from candidates.forms_commission import InclusionOrderForm
from candidates.models import CommissionMeeting, MembershipEvent, ReserveMembership
from governance.models import Order
from governance.orders import order_suggested_requisites


def meeting_orders_context(user, meeting: CommissionMeeting, planned: bool, forms: dict) -> dict:
    """Return the orders on the meeting's inclusions and extensions, and the forms to record them.

    "created" maps the meeting's agenda items to the memberships their decisions created.
    """
    included = ReserveMembership.objects.filter(decision_item__meeting=meeting)
    may_order = access.can_issue_inclusion_order(user) and not planned
    can_order = may_order and included.exists()
    order = (
        Order.objects.filter(included_memberships__decision_item__meeting=meeting).first()
        if can_order
        else None
    )
    extended = MembershipEvent.objects.filter(decision_item__meeting=meeting, action="extend")
    can_order_extension = may_order and extended.exists()
    extension_order = (
        Order.objects.filter(membership_events__in=extended).first()
        if can_order_extension
        else None
    )
    pending = can_order and included.filter(inclusion_order__isnull=True).exists()
    context = {
        "created": dict(included.values_list("decision_item_id", "pk")),
        "can_order": can_order,
        "order": order,
        "pending_order": pending,
        "can_order_extension": can_order_extension,
        "extension_order": extension_order,
    }
    suggested = order_suggested_requisites(timezone.localdate())
    if pending:
        context["order_form"] = forms.get("order_form") or InclusionOrderForm(
            prefix="inclusion", initial=suggested
        )
    if can_order_extension and extension_order is None:
        context["extension_order_form"] = forms.get("extension_order_form") or (
            InclusionOrderForm(prefix="extension", initial=suggested)
        )
    return context
