"""The assessment app's own floors, checked in the source like the project's (test_architecture).

The models and the scoring rules are the ground; the access policy stands on the models; the
features stand on the policy, each importing only the features on floors below its own; the
wiring (urls, admin, apps) is on top. A feature never imports the wiring.
"""

import ast
from pathlib import Path

import pytest

from tests.test_architecture import ROOT

APP = ROOT / "assessment"
FLOORS = {
    "assessment.models": 0,
    "assessment.scoring": 0,
    "assessment.access": 1,
    "assessment.admin_base": 2,
    # Three features that know nothing of each other.
    "assessment.framework": 3,  # the competency model, the instruments, the question bank
    "assessment.participation": 3,  # self-assessment, 360° feedback, the knowledge test
    "assessment.results": 3,  # scores, the report, the talent review
    # Expert panels recompute the results when a panel completes.
    "assessment.experts": 4,
    # A campaign runs all of it: its close computes the results, its staff void test attempts.
    "assessment.campaigns": 5,
    # The wiring.
    "assessment.admin": 6,
    "assessment.apps": 6,
    "assessment.urls": 6,
}


def _part(module: str) -> str | None:
    """Return the floor entry a dotted module belongs to, or None outside the app's floors."""
    for name in sorted(FLOORS, key=len, reverse=True):
        if module == name or module.startswith(f"{name}."):
            return name
    return None


def _module_of(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imports(path: Path) -> list[tuple[int, str]]:
    """Return (line, dotted name) for every absolute import of the app in the file."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found += [(node.lineno, f"{node.module}.{alias.name}") for alias in node.names]
    return [(line, name) for line, name in found if name.startswith("assessment.")]


# The app's own __init__.py is empty: the app has no face to place.
SOURCES = sorted(
    path
    for path in APP.rglob("*.py")
    if "migrations" not in path.parts and path != APP / "__init__.py"
)


def test_every_module_stands_on_a_floor():
    unplaced = [_module_of(path) for path in SOURCES if _part(_module_of(path)) is None]

    assert not unplaced, f"Give these modules a floor in FLOORS: {unplaced}"


@pytest.mark.parametrize("path", SOURCES, ids=lambda path: str(path.relative_to(ROOT)))
def test_it_imports_only_its_own_part_and_the_floors_below(path: Path):
    own = _part(_module_of(path))
    wrong = []
    for line, name in _imports(path):
        target = _part(name)
        if target is None or target == own:
            continue
        if FLOORS[target] >= FLOORS[own]:
            wrong.append(f"line {line}: {name} (floor {FLOORS[target]} ≥ {FLOORS[own]})")

    assert not wrong, f"{own} may import only the floors below it:\n" + "\n".join(wrong)
