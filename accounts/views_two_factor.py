"""The second factor's pages: confirm a sign-in with a code, enrol an app, renew backup codes."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.views.decorators.http import require_http_methods, require_POST

from accounts import two_factor
from accounts.access import requires_two_factor
from accounts.forms import TwoFactorCodeForm
from core.http import next_path

WRONG_CODE = (
    "Код не подошёл. Проверьте, что время на телефоне верное, и введите новый код — он "
    "меняется каждые 30 секунд. Резервный код действует один раз."
)


def _next_url(request: HttpRequest) -> str:
    return next_path(request, "/")


def _require_role(request: HttpRequest) -> None:
    if not requires_two_factor(request.user):
        raise Http404


@login_required
@require_http_methods(["GET", "POST"])
def verify(request: HttpRequest) -> HttpResponse:
    """Ask for a code from the app (or a backup code) to finish the sign-in."""
    _require_role(request)
    if not two_factor.is_enrolled(request.user):
        setup_url = reverse("accounts:two_factor_setup")
        return redirect(f"{setup_url}?{urlencode({'next': _next_url(request)})}")
    if request.user.is_verified():
        return redirect(_next_url(request))
    form = TwoFactorCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if two_factor.two_factor_verify(
            user=request.user, code=form.cleaned_data["code"], request=request
        ):
            request.session.cycle_key()
            return redirect(_next_url(request))
        form.add_error("code", WRONG_CODE)
    return render(
        request,
        "registration/two_factor_verify.html",
        {"form": form, "next": _next_url(request)},
        status=400 if form.errors else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def setup(request: HttpRequest) -> HttpResponse:
    """Enrol an authenticator app: a QR code, its first code, then the backup codes once."""
    _require_role(request)
    if two_factor.is_enrolled(request.user):
        if not request.user.is_verified():
            verify_url = reverse("accounts:two_factor")
            return redirect(f"{verify_url}?{urlencode({'next': _next_url(request)})}")
        return render(
            request,
            "registration/two_factor_status.html",
            {"backup_codes_left": two_factor.backup_codes_left(request.user)},
        )
    device = two_factor.enrolment_device(request.user)
    form = TwoFactorCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        codes = two_factor.two_factor_enrol(
            user=request.user, device=device, code=form.cleaned_data["code"], request=request
        )
        if codes is not None:
            request.session.cycle_key()
            messages.success(request, "Двухфакторный вход включён.")
            return render(
                request,
                "registration/two_factor_backup_codes.html",
                {"codes": codes, "next": _next_url(request)},
            )
        form.add_error("code", WRONG_CODE)
    return render(
        request,
        "registration/two_factor_setup.html",
        {
            "form": form,
            "qr_code": two_factor.qr_code_svg(device),
            "secret": two_factor.secret_for_typing(device),
            "next": _next_url(request),
        },
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def backup_codes(request: HttpRequest) -> HttpResponse:
    """Issue new backup codes (the old ones stop working) and show them once."""
    _require_role(request)
    if not request.user.is_verified():
        return redirect("accounts:two_factor")
    codes = two_factor.backup_codes_renew(user=request.user, request=request)
    return render(
        request, "registration/two_factor_backup_codes.html", {"codes": codes, "next": "/"}
    )
