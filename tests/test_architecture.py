"""The dependency rule of DESIGN.md §3 and the style's ban on signals, checked in the source.

The project stands in layers. At the bottom, `core` imports no project package at all and
`audit` imports only `core`. Above them the stages of the cycle, left to right: each may import
the bottom and the stages to its left, never one to its right; `accounts.access` (roles and
scopes) is the one module every stage may use wherever it stands. On top, `reserve_portal`
wires everything together and `demo` seeds it: nobody imports either of them.
"""

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

BOTTOM = ["core", "audit"]
STAGES = [
    "registry",
    "accounts",
    "governance",
    "candidates",
    "assessment",
    "development",
    "onboarding",
    "monitoring",
]
# Left to right: a package may import the packages to its left, never one to its right.
ORDER = [*BOTTOM, *STAGES]
# The top: wiring and demo data. They may import what they need; nobody imports them.
TOP = ["reserve_portal", "demo"]
# Cross-cutting modules every stage may import, wherever it stands.
CROSS_CUTTING = ["accounts.access"]
# Not part of the running portal: no package imports them (the demo goes through the services,
# not through the test factories).
OUTSIDE = {"tests": set(), "benchmarks": set()}
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


def _import_problem(package: str, name: str) -> str | None:
    """Return why the package may not import the dotted name, or None when it may."""
    target = name.split(".")[0]
    if target == package:
        return None
    if target in TOP:
        return f"{package} imports {name}; nobody imports {target}, it stands on top"
    if target in OUTSIDE:
        if package in OUTSIDE[target]:
            return None
        return f"{package} imports {name}; the portal's code never imports {target}"
    if target not in ORDER or package in TOP:
        return None
    if package == "core":
        return f"core imports {name}; core imports no project package"
    if ORDER.index(target) < ORDER.index(package):
        return None
    if package in STAGES and _is_within(name, CROSS_CUTTING):
        return None
    if package == "audit":
        return f"audit imports {name}; audit imports only core"
    return f"{package} imports {name}, a package to its right"


def import_violations(source: str, module: str, *, is_package: bool = False) -> list[Violation]:
    """Return the imports of a module that break the dependency rule, one per line and target."""
    package = module.split(".")[0]
    found: dict[tuple[int, str], Violation] = {}
    for name, line in _imported_names(ast.parse(source), module, is_package):
        problem = _import_problem(package, name)
        if problem is not None:
            found.setdefault((line, name.split(".")[0]), Violation(module, line, problem))
    return sorted(found.values(), key=lambda violation: violation.line)


def relation_violations(source: str, module: str) -> list[Violation]:
    """Return model relations written as "app.Model" strings that point to an app on the right."""
    package = module.split(".")[0]
    position = ORDER.index(package)
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
                if label in ORDER and ORDER.index(label) > position:
                    message = f"{package} relates to {target.value}, a model of an app to its right"
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


def dynamic_import_violations(source: str, module: str) -> list[Violation]:
    """Return imports chosen at run time (importlib, __import__): a missing module is then found
    only when the line runs, or silently skipped, instead of failing at start-up."""
    violations = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import | ast.ImportFrom):
            names = [alias.name for alias in node.names]
            base = node.module if isinstance(node, ast.ImportFrom) else None
            if base == "importlib" or any(name.split(".")[0] == "importlib" for name in names):
                violations.append(Violation(module, node.lineno, "imports importlib"))
        elif isinstance(node, ast.Call):
            function = node.func
            name = (
                function.attr
                if isinstance(function, ast.Attribute)
                else getattr(function, "id", "")
            )
            if name in {"import_module", "__import__", "import_string"}:
                violations.append(Violation(module, node.lineno, f"{name}(...)"))
    return violations


def _package_files(package: str) -> list[Path]:
    """Return every Python file of the package, migrations included."""
    return sorted((ROOT / package).rglob("*.py"))


def _report(violations: list[Violation]) -> str:
    return "\n".join(str(violation) for violation in violations)


@pytest.mark.parametrize("package", [*ORDER, *(top for top in TOP if (ROOT / top).is_dir())])
def test_it_keeps_every_import_pointing_down(package: str) -> None:
    files = _package_files(package)
    assert files, f"{package}/ has no Python files: is the list of this test out of date?"
    violations = []
    for path in files:
        module = _module_of(path)
        source = path.read_text(encoding="utf-8")
        is_package = path.name == "__init__.py"
        violations += [
            Violation(str(path.relative_to(ROOT)), v.line, v.message)
            for v in import_violations(source, module, is_package=is_package)
        ]
        if package in ORDER and "migrations" not in path.parts:
            violations += [
                Violation(str(path.relative_to(ROOT)), v.line, v.message)
                for v in relation_violations(source, module)
            ]
    assert not violations, "The dependency rule of DESIGN.md §3 is broken:\n" + _report(violations)


@pytest.mark.parametrize("package", ORDER)
def test_it_has_no_model_signal_receivers(package: str) -> None:
    violations = []
    for path in _package_files(package):
        violations += [
            Violation(str(path.relative_to(ROOT)), v.line, v.message)
            for v in signal_violations(path.read_text(encoding="utf-8"), _module_of(path))
        ]
    assert not violations, "Model signals are forbidden by STYLE.md:\n" + _report(violations)


@pytest.mark.parametrize("package", [*ORDER, *(top for top in TOP if (ROOT / top).is_dir())])
def test_it_loads_every_module_by_a_plain_import(package: str) -> None:
    violations = []
    for path in _package_files(package):
        violations += [
            Violation(str(path.relative_to(ROOT)), v.line, v.message)
            for v in dynamic_import_violations(path.read_text(encoding="utf-8"), _module_of(path))
        ]
    assert not violations, (
        "Import modules by name, so that a missing one fails at start-up:\n" + _report(violations)
    )


def _module_file(name: str) -> Path | None:
    """Return the file of a dotted name: the module itself, or the module holding the attribute."""
    parts = name.split(".")
    while parts:
        base = ROOT.joinpath(*parts)
        for path in (base.with_suffix(".py"), base / "__init__.py"):
            if path.is_file():
                return path
        parts.pop()
    return None


def _imports_of(path: Path) -> list[tuple[str, int]]:
    source = path.read_text(encoding="utf-8")
    return list(_imported_names(ast.parse(source), _module_of(path), path.name == "__init__.py"))


def test_it_keeps_the_cross_cutting_app_out_of_an_import_loop() -> None:
    """Let accounts import nothing of the apps on its left that imports accounts.access back."""
    owner = CROSS_CUTTING[0].split(".")[0]
    violations = []
    for path in _package_files(owner):
        for name, line in _imports_of(path):
            target = _module_file(name)
            if name.split(".")[0] not in ORDER[: ORDER.index(owner)] or target is None:
                continue
            back = [n for n, _ in _imports_of(target) if _is_within(n, CROSS_CUTTING)]
            if back:
                message = f"{owner} imports {name}, whose module imports {back[0]}: a loop"
                violations.append(Violation(str(path.relative_to(ROOT)), line, message))
    assert not violations, "An import loop through the cross-cutting module:\n" + _report(
        violations
    )


def test_it_places_every_package_of_the_project() -> None:
    packages = {path.parent.name for path in ROOT.glob("*/__init__.py")}

    assert packages <= {*ORDER, *TOP, *OUTSIDE}, "Place the new package in this test's layers."


def test_it_installs_the_apps_in_their_order() -> None:
    from django.conf import settings

    project_apps = [app for app in settings.INSTALLED_APPS if (ROOT / app).is_dir()]
    # core is installed first for its one model, the log of outgoing mail; the top anywhere.
    assert [app for app in project_apps if app not in TOP] == [*BOTTOM, *STAGES]


def test_it_catches_an_import_of_an_app_to_the_right() -> None:
    source = "import os\n\nfrom monitoring.models import Indicator\n"

    violations = import_violations(source, "candidates.services")

    assert [(v.line, v.message) for v in violations] == [
        (3, "candidates imports monitoring.models.Indicator, a package to its right")
    ]


def test_it_catches_a_relative_import_of_an_app_to_the_right() -> None:
    violations = import_violations("from ...onboarding import models\n", "candidates.services.x")

    assert [v.line for v in violations] == [1]


def test_it_allows_the_bottom_the_cross_cutting_module_and_apps_to_the_left() -> None:
    source = (
        "from accounts.access import role_of\n"
        "from accounts import access\n"
        "from audit.services import audit_record\n"
        "from audit import services\n"
        "from core.env import env_int\n"
        "from core.spreadsheets import FileRefused\n"
        "from . import models\n"
    )

    assert import_violations(source, "registry.services") == []


def test_it_catches_other_modules_of_the_cross_cutting_app() -> None:
    source = "from accounts.models import User\nfrom governance import services\n"

    violations = import_violations(source, "registry.services")

    assert [v.line for v in violations] == [1, 2]


def test_it_keeps_core_free_of_every_project_package() -> None:
    source = "from audit.models import AuditEvent\nfrom accounts.access import role_of\n"

    violations = import_violations(source, "core.admin_base")

    assert [v.message for v in violations] == [
        "core imports audit.models.AuditEvent; core imports no project package",
        "core imports accounts.access.role_of; core imports no project package",
    ]


def test_it_lets_audit_import_only_core() -> None:
    source = (
        "from core.http import client_ip\n"
        "from accounts.access import is_admin\n"
        "from registry.models import Organization\n"
    )

    violations = import_violations(source, "audit.services")

    assert [v.line for v in violations] == [2, 3]
    assert violations[0].message.endswith("audit imports only core")


@pytest.mark.parametrize("source", ["from reserve_portal.views import home\n", "import demo\n"])
def test_it_catches_an_import_of_the_top(source: str) -> None:
    for module in ("core.views", "audit.admin", "accounts.views", "monitoring.models"):
        assert [v.line for v in import_violations(source, module)] == [1], module


def test_it_keeps_the_two_top_packages_apart() -> None:
    assert import_violations("from accounts.models import User\n", "reserve_portal.views") == []
    assert [v.line for v in import_violations("import demo.selection\n", "reserve_portal.x")] == [1]


def test_it_keeps_the_tests_out_of_the_portal_and_its_demo() -> None:
    source = "from tests.factories import UserFactory\n"

    assert [v.line for v in import_violations(source, "candidates.services")] == [1]
    assert [v.line for v in import_violations(source, "demo.selection")] == [1]


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


def test_it_catches_modules_loaded_at_run_time() -> None:
    source = (
        "import importlib\n"
        "from importlib import import_module\n"
        "stage = import_module('demo.' + name)\n"
        "other = __import__('registry')\n"
        "from django.utils.module_loading import import_string\n"
        "view = import_string(path)\n"
        "import_modules = []\n"
    )

    violations = dynamic_import_violations(source, "demo.management.commands.seed_demo")

    assert [v.line for v in violations] == [1, 2, 3, 4, 6]
