"""What a request says about its client."""

import ipaddress
from functools import lru_cache

from django.conf import settings
from django.http import HttpRequest
from django.utils.http import url_has_allowed_host_and_scheme

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


@lru_cache(maxsize=8)
def _networks(proxies: tuple[str, ...]) -> tuple[Network, ...]:
    return tuple(ipaddress.ip_network(proxy.strip(), strict=False) for proxy in proxies)


def _parse(address: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    address = address.strip()
    try:
        return ipaddress.ip_address(address)
    except ValueError:
        return None


def _trusted(address, networks: tuple[Network, ...]) -> bool:
    return any(address in network for network in networks)


def client_ip(request: HttpRequest | None) -> str | None:
    """Return the client's address: X-Forwarded-For read back through trusted proxies only.

    The header is believed only when the request comes from a proxy in settings.TRUSTED_PROXIES
    (addresses or networks). It is read from the right, the end our own proxy wrote, skipping
    trusted proxies; the first other address is the client. Anything a client put further left
    is never reached, so a forged header gains it nothing.
    """
    if request is None:
        return None
    remote = _parse(request.META.get("REMOTE_ADDR") or "")
    if remote is None:
        return None
    networks = _networks(tuple(getattr(settings, "TRUSTED_PROXIES", ())))
    if not networks or not _trusted(remote, networks):
        return str(remote)
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    for hop in reversed(forwarded.split(",")):
        address = _parse(hop)
        if address is None:
            break  # a garbled hop: stop at the last address our proxies vouch for
        remote = address
        if not _trusted(address, networks):
            break
    return str(remote)


def next_path(request: HttpRequest, default: str) -> str:
    """Return the `next` the request names when it is a path on this site, else `default`.

    Only an absolute path is taken: another host, a scheme, or a bare word (which
    django.shortcuts.redirect would look up as a URL name and fail on) gives the default.
    """
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target.startswith("/") and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default
