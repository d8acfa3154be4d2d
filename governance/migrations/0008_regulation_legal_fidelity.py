"""Bring the Regulation in force up to the legal review, and load the shipped Word templates.

A database made before it gets a new version in force: the earlier version's numbers are kept;
the admission routes (761н and 250н), categories with the readiness they admit, readiness levels
within the term, required documents and the new parameters come from the defaults.
"""

import datetime

from django.db import migrations
from django.db.models import Max

from governance.document_templates import KINDS
from governance.regulation_defaults import DEFAULT_PARAMETERS, LATER_PARAMETERS

REPLACED = (
    "categories",
    "readiness_levels",
    "required_documents",
    "exclusion_grounds",
    "eligibility",
    *LATER_PARAMETERS,
)


def forward(apps, schema_editor):
    RegulationVersion = apps.get_model("governance", "RegulationVersion")
    current = RegulationVersion.objects.filter(in_force=True).first()
    if current is not None and "commission_tie_rule" not in current.parameters:
        parameters = dict(current.parameters)
        parameters.update({name: DEFAULT_PARAMETERS[name] for name in REPLACED})
        current.in_force = False
        current.save(update_fields=["in_force"])
        RegulationVersion.objects.create(
            number=(RegulationVersion.objects.aggregate(top=Max("number"))["top"] or 0) + 1,
            in_force=True,
            effective_from=max(current.effective_from, datetime.date.today()),
            parameters=parameters,
            reason="Приведение в соответствие с 761н, 250н, ТК РФ и Порядком № 01-21/1458.",
        )
    DocumentTemplate = apps.get_model("governance", "DocumentTemplate")
    for kind in KINDS.values():
        if not DocumentTemplate.objects.filter(kind=kind.code).exists():
            DocumentTemplate.objects.create(
                kind=kind.code,
                version=1,
                content=kind.default_path.read_bytes(),
                filename=kind.default_path.name,
                in_force=True,
                note="Шаблон, поставляемый с порталом.",
            )


class Migration(migrations.Migration):
    dependencies = [("governance", "0007_orders_and_document_templates")]

    operations = [migrations.RunPython(forward, migrations.RunPython.noop)]
