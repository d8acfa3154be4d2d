"""The second factor in tests: staff signed in by force_login have passed it, unless told not to.

Real enforcement is tested in tests/accounts/test_two_factor.py (force_login(user,
second_factor=False)) and by the browser tests, which type a real code (`current_code`).
"""

import time

from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.access import requires_two_factor

# A fixed key for the tests' authenticator apps (hex, 20 bytes), never a real one.
TEST_TOTP_KEY = "3132333435363738393031323334353637383930"


def enrolled_device(user, key: str = TEST_TOTP_KEY) -> TOTPDevice:
    """Return the user's confirmed authenticator app, enrolling one with the key if needed."""
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="Тест", key=key, confirmed=True)
    return device


def current_code(device: TOTPDevice, *, offset_steps: int = 0) -> str:
    """Return the code the device's app shows now (or `offset_steps` periods later)."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + offset_steps * device.step
    return f"{totp.token():0{device.digits}d}"


_original_force_login = Client.force_login


def force_login(self: Client, user, backend=None, *, second_factor: bool = True) -> None:
    """Sign the user in; a role that needs it has passed the second factor too."""
    _original_force_login(self, user, backend)
    if second_factor and requires_two_factor(user):
        session = self.session
        session[DEVICE_ID_SESSION_KEY] = enrolled_device(user).persistent_id
        session.save()
