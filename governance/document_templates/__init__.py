"""The generated documents' Word templates: the kinds, their shipped defaults and samples.

A template is a .docx with docxtpl's Jinja fields. The shipped default of each kind is built by
build_*.py, kept in defaults/ and loaded as version 1 by a data migration; the ministry downloads
the version in force, edits it in Word and uploads a new version (governance.services_templates).
"""

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from docx.document import Document as DocxDocument

from governance.document_templates import build_commission, build_regulation, samples

DEFAULTS_DIR = Path(__file__).resolve().parent / "defaults"


@dataclass(frozen=True)
class TemplateKind:
    code: str
    name: str
    build: Callable[[], DocxDocument]
    sample: Callable[[], dict]

    @property
    def default_path(self) -> Path:
        return DEFAULTS_DIR / f"{self.code}.docx"


KINDS: dict[str, TemplateKind] = {
    kind.code: kind
    for kind in [
        TemplateKind(
            "regulation", "Положение о кадровом резерве", build_regulation.regulation,
            samples.regulation,
        ),
        TemplateKind(
            "protocol", "Протокол заседания комиссии", build_commission.protocol, samples.protocol
        ),
        TemplateKind(
            "order_inclusion", "Приказ о включении в кадровый резерв",
            lambda: build_commission.order_with_list("inclusion"), samples.order_inclusion,
        ),
        TemplateKind(
            "order_exclusion", "Приказ об исключении из кадрового резерва",
            lambda: build_commission.order_with_list("exclusion"), samples.order_exclusion,
        ),
        TemplateKind(
            "order_extension", "Приказ о продлении срока пребывания в кадровом резерве",
            lambda: build_commission.order_with_list("extension"), samples.order_extension,
        ),
        TemplateKind(
            "order_commission", "Приказ об утверждении состава комиссии",
            lambda: build_commission.order_with_list("commission"), samples.order_commission,
        ),
        TemplateKind(
            "order_plain",
            "Приказ об утверждении документа (Положения, программы развития)",
            build_commission.order_plain, samples.order_plain,
        ),
    ]
}  # fmt: skip
