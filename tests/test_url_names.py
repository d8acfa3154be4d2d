"""Every URL name the code and the templates use resolves: a renamed URL fails here, not on a page.

Names are collected from the source, not from running it: the first argument of reverse(),
reverse_lazy(), redirect() and resolve_url(); `{% url "…" %}` in templates; settings and
arguments named like URLs (LOGIN_URL, success_url="…"); and any "namespace:name" string in the
code, which is how the menu, the role home pages and the admin links name their pages. A name
built at run time (f"candidates:applicant_{section}", 'candidates:applicant_'|add:key) is checked
as a prefix: some URL name must start with it.
"""

import ast
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest
from django.urls import URLResolver, get_resolver

from tests.test_architecture import ORDER, ROOT, TOP

URL_FUNCTIONS = {"reverse", "reverse_lazy", "redirect", "resolve_url"}
# A URL name, optionally namespaced; never a path or an address ("/", ".", "?").
URL_NAME = re.compile(r"^[A-Za-z_][\w-]*(?::[A-Za-z_][\w-]*)*$")
NAMESPACED = re.compile(r"^([A-Za-z_][\w-]*):[A-Za-z_][\w-]*$")
NAMESPACED_PREFIX = re.compile(r"^([A-Za-z_][\w-]*):[\w-]*$")
TEMPLATE_URL_TAG = re.compile(r"{%-?\s*url\s+(['\"])(?P<name>[^'\"]+)\1(?P<built>\|)?")
# A collected name ending in this is the start of a name built at run time.
PREFIX = "*"


def _is_url_setting(name: str | None) -> bool:
    """Return whether a variable or argument name says it holds a URL: success_url, LOGIN_URL."""
    return bool(name) and name.lower().rstrip("s").endswith(("url", "url_name"))


def _name_of_call(function: ast.expr) -> str:
    if isinstance(function, ast.Attribute):
        return function.attr
    return getattr(function, "id", "")


def _string(node: ast.AST | None) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def python_url_names(source: str, *, namespaces: Iterable[str]) -> list[tuple[int, str]]:
    """Return (line, URL name) for every URL name the Python source names literally."""
    namespaces = set(namespaces)
    found: set[tuple[int, str]] = set()
    tree = ast.parse(source)
    # The literal parts of an f-string are not names of their own; the f-string is a prefix.
    parts = {
        id(part)
        for node in ast.walk(tree)
        if isinstance(node, ast.JoinedStr)
        for part in node.values
    }

    def take(node: ast.AST | None, *, namespaced_only: bool = False) -> None:
        value = _string(node)
        if value is None or not URL_NAME.match(value):
            return
        namespace = NAMESPACED.match(value)
        if namespaced_only and not (namespace and namespace.group(1) in namespaces):
            return
        found.add((node.lineno, value))

    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            start = _string(node.values[0])
            prefix = NAMESPACED_PREFIX.match(start or "")
            if prefix and prefix.group(1) in namespaces:
                found.add((node.lineno, start + PREFIX))
        elif isinstance(node, ast.Call):
            if _name_of_call(node.func) in URL_FUNCTIONS and node.args:
                take(node.args[0])
            for keyword in node.keywords:
                if _is_url_setting(keyword.arg):
                    take(keyword.value)
        elif isinstance(node, ast.Assign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if any(_is_url_setting(getattr(target, "id", None)) for target in targets):
                take(node.value)
        elif isinstance(node, ast.Constant) and id(node) not in parts:
            take(node, namespaced_only=True)
    return sorted(found)


def template_url_names(source: str) -> list[tuple[int, str]]:
    """Return (line, URL name) for every `{% url "…" %}` with a literal name or prefix."""
    return [
        (
            source.count("\n", 0, match.start()) + 1,
            match.group("name") + (PREFIX if match.group("built") else ""),
        )
        for match in TEMPLATE_URL_TAG.finditer(source)
    ]


def url_name_exists(name: str, resolver: URLResolver | None = None) -> bool:
    """Return whether reverse() knows the name (any arguments); a prefix needs one name after it."""
    resolver = resolver or get_resolver()
    *namespaces, view = name.split(":")
    for namespace in namespaces:
        # reverse() takes an application namespace for its default instance, as "admin" is.
        instances = resolver.app_dict.get(namespace, [])
        if namespace not in resolver.namespace_dict and instances:
            namespace = instances[0]
        if namespace not in resolver.namespace_dict:
            return False
        _, resolver = resolver.namespace_dict[namespace]
    if view.endswith(PREFIX):
        start = view.removesuffix(PREFIX)
        return any(isinstance(key, str) and key.startswith(start) for key in resolver.reverse_dict)
    return bool(resolver.reverse_dict.getlist(view))


def _namespaces(resolver: URLResolver) -> set[str]:
    return {*resolver.namespace_dict, *resolver.app_dict}


def _code_files() -> Iterator[Path]:
    for package in (*ORDER, *TOP):
        for path in sorted((ROOT / package).rglob("*.py")):
            if "migrations" not in path.parts:
                yield path


def _template_files() -> Iterator[Path]:
    for folder in (ROOT / "templates", *(ROOT / app / "templates" for app in (*ORDER, *TOP))):
        yield from sorted(folder.rglob("*.html")) if folder.is_dir() else ()


def _used_url_names() -> list[tuple[str, int, str]]:
    namespaces = _namespaces(get_resolver())
    used = []
    for path in _code_files():
        source = path.read_text(encoding="utf-8")
        for line, name in python_url_names(source, namespaces=namespaces):
            used.append((str(path.relative_to(ROOT)), line, name))
    for path in _template_files():
        for line, name in template_url_names(path.read_text(encoding="utf-8")):
            used.append((str(path.relative_to(ROOT)), line, name))
    return used


def test_every_url_name_in_the_code_and_templates_resolves():
    from django.conf import settings

    used = _used_url_names()
    for setting in ("LOGIN_URL", "LOGIN_REDIRECT_URL", "LOGOUT_REDIRECT_URL"):
        value = getattr(settings, setting)
        if URL_NAME.match(value):
            used.append((f"settings.{setting}", 0, value))

    unknown = [f"{path}:{line}: {name}" for path, line, name in used if not url_name_exists(name)]

    assert len(used) > 200, "The collector found too few names: is it still reading the code?"
    assert not unknown, "URL names that do not resolve:\n" + "\n".join(unknown)


def test_it_collects_names_from_calls_settings_and_namespaced_strings():
    source = (
        "from django.urls import reverse\n"
        'url = reverse("candidates:pipline", args=[1])\n'
        'response = redirect("accounts:login")\n'
        'success_url = reverse_lazy("accounts:password_change_done")\n'
        'MENU = [("Заявки", "candidates:pipeline")]\n'
        'LOGIN_REDIRECT_URL = "home"\n'
        'view = login_required(login_url="accounts:login")\n'
        'redirect("/accounts/login/")\n'
        'keep = OxmlElement("w:cantSplit")\n'
        'label = "Срок: 3 года"\n'
        'back = redirect(f"candidates:applicant_{section}", pk=1)\n'
    )

    names = python_url_names(source, namespaces={"accounts", "candidates"})

    assert names == [
        (2, "candidates:pipline"),
        (3, "accounts:login"),
        (4, "accounts:password_change_done"),
        (5, "candidates:pipeline"),
        (6, "home"),
        (7, "accounts:login"),
        (11, "candidates:applicant_*"),
    ]


def test_it_collects_names_from_url_tags():
    source = (
        "<a href=\"{% url 'registry:organization_list' %}\">Организации</a>\n"
        '<form action="{% url "governance:regulation" as target %}">\n'
        "{% url item.url_name %}\n"
        "{% url 'candidates:applicant_'|add:section.key nomination.pk %}\n"
    )

    assert template_url_names(source) == [
        (1, "registry:organization_list"),
        (2, "governance:regulation"),
        (4, "candidates:applicant_*"),
    ]


@pytest.mark.parametrize(
    ("name", "exists"),
    [
        ("home", True),
        ("candidates:pipeline", True),
        ("candidates:staff_nomination", True),  # needs an argument: still a known name
        ("admin:index", True),
        ("admin:audit_auditevent_changelist", True),
        ("candidates:pipline", False),
        ("admin:governance_auditevent_changelist", False),
        ("nowhere:home", False),
        ("pipeline", False),
        ("candidates:applicant_*", True),
        ("candidates:applicnt_*", False),
    ],
)
def test_it_tells_a_known_url_name_from_a_typo(name, exists):
    assert url_name_exists(name) is exists
