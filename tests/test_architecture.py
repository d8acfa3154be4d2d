"""The dependency rule of DESIGN.md §3 and the style's ban on signals, checked in the source."""

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# Left to right: an app may import the apps to its left, never one to its right.
APPS = [
    "audit",
    "registry",
    "accounts",
    "governance",
    "candidates",
    "assessment",
    "development",
    "onboarding",
    "monitoring",
]
# Cross-cutting modules any app may import, wherever their app stands.
CROSS_CUTTING = ["accounts.access"]
# The project package wires the apps together; no app imports it.
PROJECT_PACKAGE = "reserve_portal"
MODEL_SIGNALS = {
    "pre_init",
    "post_init",
    "pre_save",
    "post_save",
    "pre_delete",
    "post_delete",
    "m2m_changed",
}
RELATION_FIELDS = {"ForeignKey", "OneToOneField", "ManyToManyField"}


@dataclass(frozen=True)
class Violation:
    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


def _is_within(module: str, allowed: list[str]) -> bool:
    """Return whether the module is one of the allowed modules or inside one of them."""
    return any(module == name or module.startswith(f"{name}.") for name in allowed)


def _module_of(path: Path) -> str:
    """Return the dotted module name of a file under the project root."""
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imported_names(tree: ast.AST, module: str, is_package: bool) -> Iterator[tuple[str, int]]:
    """Yield every absolute dotted name the code imports, with its line.

    `from accounts import access` yields accounts.access: a module or an attribute, the name says
    which part of the app the code depends on.
    """
    package = module if is_package else module.rpartition(".")[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, node.lineno
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                parts = package.split(".")
                parts = parts[: len(parts) - (node.level - 1)]
                base = ".".join([*parts, node.module] if node.module else parts)
            else:
                base = node.module or ""
            for alias in node.names:
                yield f"{base}.{alias.name}", node.lineno


def import_violations(source: str, module: str, *, is_package: bool = False) -> list[Violation]:
    """Return the imports of an app module that break the dependency rule, one per line and app."""
    app = module.split(".")[0]
    position = APPS.index(app)
    found: dict[tuple[int, str], Violation] = {}
    for name, line in _imported_names(ast.parse(source), module, is_package):
        top = name.split(".")[0]
        if top in APPS and APPS.index(top) > position and not _is_within(name, CROSS_CUTTING):
            message = f"{app} imports {name}, an app to its right"
            found.setdefault((line, top), Violation(module, line, message))
        elif top == PROJECT_PACKAGE:
            message = f"{app} imports {name}; no app imports the project package"
            found.setdefault((line, top), Violation(module, line, message))
    return sorted(found.values(), key=lambda violation: violation.line)


def relation_violations(source: str, module: str) -> list[Violation]:
    """Return model relations written as "app.Model" strings that point to an app on the right."""
    app = module.split(".")[0]
    position = APPS.index(app)
    violations = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        function = node.func
        name = function.attr if isinstance(function, ast.Attribute) else getattr(function, "id", "")
        if name not in RELATION_FIELDS:
            continue
        targets = [
            *node.args[:1],
            *(keyword.value for keyword in node.keywords if keyword.arg == "to"),
        ]
        for target in targets:
            if isinstance(target, ast.Constant) and isinstance(target.value, str):
                label = target.value.split(".")[0]
                if label in APPS and APPS.index(label) > position:
                    message = f"{app} relates to {target.value}, a model of an app to its right"
                    violations.append(Violation(module, node.lineno, message))
    return violations


def _signal_name(node: ast.expr) -> str:
    """Return the bare name of a signal expression such as post_save or signals.post_save."""
    if isinstance(node, ast.Attribute):
        return node.attr
    if isinstance(node, ast.Name):
        return node.id
    return ""


def signal_violations(source: str, module: str) -> list[Violation]:
    """Return model-signal receivers: `post_save.connect(...)` calls, `@receiver(post_save)`."""
    violations = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        function = node.func
        if isinstance(function, ast.Attribute) and function.attr == "connect":
            signal = _signal_name(function.value)
            if signal in MODEL_SIGNALS:
                violations.append(Violation(module, node.lineno, f"{signal}.connect(...)"))
        elif _signal_name(function) == "receiver" and node.args:
            signals = (
                node.args[0].elts
                if isinstance(node.args[0], ast.List | ast.Tuple)
                else [node.args[0]]
            )
            for signal in map(_signal_name, signals):
                if signal in MODEL_SIGNALS:
                    violations.append(Violation(module, node.lineno, f"@receiver({signal})"))
    return [
        Violation(v.path, v.line, f"{v.message}: business logic belongs in a service, not a signal")
        for v in violations
    ]


def _app_files(app: str) -> list[Path]:
    """Return every Python file of the app, migrations included."""
    return sorted((ROOT / app).rglob("*.py"))


def _report(violations: list[Violation]) -> str:
    return "\n".join(str(violation) for violation in violations)


@pytest.mark.parametrize("app", APPS)
def test_it_keeps_every_import_pointing_left(app: str) -> None:
    files = _app_files(app)
    assert files, f"{app}/ has no Python files: is the app list of this test out of date?"
    violations = []
    for path in files:
        module = _module_of(path)
        source = path.read_text(encoding="utf-8")
        is_package = path.name == "__init__.py"
        violations += [
            Violation(str(path.relative_to(ROOT)), v.line, v.message)
            for v in import_violations(source, module, is_package=is_package)
        ]
        if "migrations" not in path.parts:
            violations += [
                Violation(str(path.relative_to(ROOT)), v.line, v.message)
                for v in relation_violations(source, module)
            ]
    assert not violations, "The dependency rule of DESIGN.md §3 is broken:\n" + _report(violations)


@pytest.mark.parametrize("app", APPS)
def test_it_has_no_model_signal_receivers(app: str) -> None:
    violations = []
    for path in _app_files(app):
        violations += [
            Violation(str(path.relative_to(ROOT)), v.line, v.message)
            for v in signal_violations(path.read_text(encoding="utf-8"), _module_of(path))
        ]
    assert not violations, "Model signals are forbidden by STYLE.md:\n" + _report(violations)


def test_it_lists_every_installed_app() -> None:
    from django.conf import settings

    project_apps = [app for app in settings.INSTALLED_APPS if (ROOT / app).is_dir()]
    assert project_apps == APPS


def test_it_catches_an_import_of_an_app_to_the_right() -> None:
    source = "import os\n\nfrom monitoring.models import Indicator\n"

    violations = import_violations(source, "candidates.services")

    assert [(v.line, v.message) for v in violations] == [
        (3, "candidates imports monitoring.models.Indicator, an app to its right")
    ]


def test_it_catches_a_relative_import_of_an_app_to_the_right() -> None:
    violations = import_violations("from ...onboarding import models\n", "candidates.services.x")

    assert [v.line for v in violations] == [1]


def test_it_allows_the_cross_cutting_modules_and_apps_to_the_left() -> None:
    source = (
        "from accounts.access import role_of\n"
        "from accounts import access\n"
        "from audit.services import audit_record\n"
        "from audit import services\n"
        "from core.env import env_int\n"
        "from . import models\n"
    )

    assert import_violations(source, "registry.services") == []


def test_it_catches_other_modules_of_the_cross_cutting_apps() -> None:
    source = "from accounts.models import User\nfrom governance import services\n"

    violations = import_violations(source, "registry.services")

    assert [v.line for v in violations] == [1, 2]


def test_it_catches_an_import_of_the_project_package() -> None:
    violations = import_violations("from reserve_portal.views import home\n", "accounts.views")

    assert [v.line for v in violations] == [1]


def test_it_catches_a_relation_to_a_model_on_the_right() -> None:
    source = 'models.ForeignKey("onboarding.Vacancy", on_delete=models.CASCADE)\n'

    assert [v.line for v in relation_violations(source, "candidates.models")] == [1]


def test_it_catches_model_signal_receivers() -> None:
    source = (
        "from django.db.models.signals import post_save, pre_save\n"
        "from django.dispatch import receiver\n"
        "@receiver(post_save, sender=None)\n"
        "def on_save(sender, **kwargs): ...\n"
        "pre_save.connect(on_save)\n"
        "receiver, sender = pipe()\n"
    )

    violations = signal_violations(source, "candidates.models")

    assert [v.line for v in violations] == [3, 5]
