"""The person's notifications: the list, opening one (marks it read), marking all read."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from accounts.notifications.selectors import notifications_visible_to
from accounts.notifications.services import notifications_mark_read

PAGE_SIZE = 30


@login_required
def notification_list(request: HttpRequest) -> HttpResponse:
    """List the person's notifications, newest first, unread ones marked."""
    page = Paginator(notifications_visible_to(request.user), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(request, "accounts/notifications.html", {"page": page})


@login_required
@require_POST
def notification_open(request: HttpRequest, pk: int) -> HttpResponse:
    """Mark one notification read and go where it points."""
    notification = get_object_or_404(notifications_visible_to(request.user), pk=pk)
    notifications_mark_read(user=request.user, ids=[notification.pk], request=request)
    target = notification.url
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return redirect(target)
    return redirect("accounts:notifications")


@login_required
@require_POST
def notifications_read_all(request: HttpRequest) -> HttpResponse:
    """Mark every notification of the person read."""
    notifications_mark_read(user=request.user, request=request)
    return redirect("accounts:notifications")
