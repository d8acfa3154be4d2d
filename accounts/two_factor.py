"""Two-factor sign-in: a TOTP app enrolled by QR code, single-use backup codes, reset by an admin.

A user of a role that needs it (accounts.access.requires_two_factor) enrols once: the page shows
a QR code of a new, unconfirmed device; the first correct code confirms it and issues the backup
codes, shown once. Later sign-ins ask for a code from the app or a backup code. Only an
administrator resets the enrolment (the user then enrols again at the next sign-in); a user
cannot replace a confirmed device without first passing it.
"""

import io
from base64 import b32encode

import qrcode
import qrcode.image.svg
from django.db import transaction
from django.http import HttpRequest
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.models import User
from audit.models import AuditSource
from audit.services import audit_record

BACKUP_CODE_COUNT = 10
APP_DEVICE_NAME = "Приложение-аутентификатор"
BACKUP_DEVICE_NAME = "Резервные коды"


def confirmed_app_device(user: User) -> TOTPDevice | None:
    """Return the user's confirmed authenticator app, or None before enrolment."""
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def is_enrolled(user: User) -> bool:
    """Return whether the user has a confirmed authenticator app."""
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def backup_codes_left(user: User) -> int:
    """Return how many unused backup codes the user has."""
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


@transaction.atomic
def enrolment_device(user: User) -> TOTPDevice:
    """Return the unconfirmed device the enrolment page shows (one per user, kept until used)."""
    if is_enrolled(user):
        raise ValueError("the user is already enrolled: only an administrator resets it")
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=APP_DEVICE_NAME, confirmed=False)
    return device


def qr_code_svg(device: TOTPDevice) -> str:
    """Return the device's otpauth:// address as an inline SVG QR code (drawn here, no CDN)."""
    image = qrcode.make(
        device.config_url, image_factory=qrcode.image.svg.SvgPathImage, box_size=10, border=2
    )
    buffer = io.BytesIO()
    image.save(buffer)
    svg = buffer.getvalue().decode()
    return svg.replace("<svg ", '<svg class="qr-code" role="img" aria-label="QR-код" ', 1)


def secret_for_typing(device: TOTPDevice) -> str:
    """Return the device's key in base32, in groups of four, for an app without a camera."""
    text = b32encode(device.bin_key).decode()
    return " ".join(text[start : start + 4] for start in range(0, len(text), 4))


def _issue_backup_codes(user: User) -> list[str]:
    device, _ = StaticDevice.objects.get_or_create(
        user=user, name=BACKUP_DEVICE_NAME, defaults={"confirmed": True}
    )
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(BACKUP_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


@transaction.atomic
def two_factor_enrol(
    *, user: User, device: TOTPDevice, code: str, request: HttpRequest
) -> list[str] | None:
    """Confirm the app with its first code; issue backup codes and mark the sign-in verified.

    Return the backup codes to show once, or None when the code is wrong.
    """
    device = TOTPDevice.objects.select_for_update().get(pk=device.pk, user=user, confirmed=False)
    if not device.verify_token(normalized_code(code)):
        return None
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    codes = _issue_backup_codes(user)
    otp_login(request, device)
    audit_record(actor=user, action="user.two_factor_enrol", obj=user, request=request)
    return codes


def normalized_code(code: str) -> str:
    """Return the code as typed without spaces and dashes, in lower case (backup codes)."""
    return "".join(code.split()).replace("-", "").lower()


@transaction.atomic
def two_factor_verify(*, user: User, code: str, request: HttpRequest) -> bool:
    """Check a code from the app or a backup code (used up); mark the sign-in verified."""
    code = normalized_code(code)
    app = confirmed_app_device(user)
    if app is not None and code.isdigit() and app.verify_token(code):
        otp_login(request, app)
        return True
    for device in StaticDevice.objects.filter(user=user, confirmed=True):
        if device.verify_token(code):
            otp_login(request, device)
            audit_record(
                actor=user, action="user.two_factor_backup_code", obj=user, request=request
            )
            return True
    return False


@transaction.atomic
def backup_codes_renew(*, user: User, request: HttpRequest) -> list[str]:
    """Replace the user's backup codes with new ones (the old ones stop working)."""
    codes = _issue_backup_codes(user)
    audit_record(actor=user, action="user.two_factor_backup_codes", obj=user, request=request)
    return codes


@transaction.atomic
def two_factor_reset(
    *,
    user: User,
    actor: User | None,
    source: AuditSource = AuditSource.WEB,
    request: HttpRequest | None = None,
) -> None:
    """Remove the user's app and backup codes: they enrol again at the next sign-in."""
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
    audit_record(
        actor=actor, action="user.two_factor_reset", obj=user, source=source, request=request
    )
