"""Every static file a template names exists, and no vendored file points at a missing one.

With the production storage (a manifest of hashed names) a missing file is not a broken link
but a 500 on every page that names it, and a source map named in a vendored file stops
collectstatic altogether.
"""

import re
from pathlib import Path

from django.contrib.staticfiles import finders

ROOT = Path(__file__).resolve().parent.parent
STATIC_TAG = re.compile(r"""\{%\s*static\s+['"]([^'"]+)['"]""")
SOURCE_MAP = re.compile(r"sourceMappingURL=(\S+?)(?:\s|\*/|$)")


def test_every_static_file_named_in_a_template_exists():
    named = {
        (template.relative_to(ROOT), name)
        for template in ROOT.glob("**/templates/**/*.html")
        if ".venv" not in template.parts
        for name in STATIC_TAG.findall(template.read_text(encoding="utf-8"))
    }

    missing = [(str(template), name) for template, name in named if not finders.find(name)]

    assert named
    assert missing == []


def test_no_static_file_points_at_a_missing_source_map():
    broken = []
    for path in (ROOT / "static").rglob("*"):
        if path.suffix not in {".js", ".css"}:
            continue
        for target in SOURCE_MAP.findall(path.read_text(encoding="utf-8", errors="replace")):
            if not target.startswith("data:") and not (path.parent / target).exists():
                broken.append(f"{path.relative_to(ROOT)} → {target}")

    assert broken == []
