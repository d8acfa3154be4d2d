"""Read settings from the environment, refusing to guess where a guess would be unsafe."""

import ipaddress
import os
import re

from django.core.exceptions import ImproperlyConfigured


def env_str(name: str, default: str | None = None) -> str:
    """Return the variable, or the default; raise when neither is there."""
    value = os.environ.get(name)
    if value is None or value == "":
        if default is None:
            raise ImproperlyConfigured(f"Переменная окружения {name} не задана.")
        return default
    return value


def env_bool(name: str, default: bool = False) -> bool:
    """Return the variable read as a yes/no flag."""
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on", "да"}


def env_int(name: str, default: int) -> int:
    """Return the variable read as an integer."""
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    try:
        return int(value)
    except ValueError as error:
        raise ImproperlyConfigured(f"Переменная окружения {name} должна быть числом.") from error


def env_list(name: str, default: list[str] | None = None) -> list[str]:
    """Return a comma-separated variable as a list of non-empty items."""
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return list(default or [])
    return [item.strip() for item in value.split(",") if item.strip()]


def env_networks(name: str, default: list[str] | None = None) -> list[str]:
    """Return a comma-separated list of IP addresses or networks, each checked at start-up."""
    items = env_list(name, default)
    for item in items:
        try:
            ipaddress.ip_network(item, strict=False)
        except ValueError as error:
            raise ImproperlyConfigured(
                f"Переменная окружения {name}: «{item}» — не IP-адрес и не сеть."
            ) from error
    return items


def env_admins(name: str) -> list[tuple[str, str]]:
    """Return ADMINS from «Имя <адрес>, адрес, …» as Django's (name, address) pairs."""
    admins = []
    for item in env_list(name):
        match = re.fullmatch(r"(?:(.*?)\s*<\s*)?([^<>\s]+@[^<>\s]+)\s*>?", item)
        if match is None:
            raise ImproperlyConfigured(f"Переменная окружения {name}: «{item}» — не адрес почты.")
        address = match.group(2)
        admins.append(((match.group(1) or address).strip(), address))
    return admins
