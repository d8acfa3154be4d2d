"""Load the instruments of the seeded competency model: indicators, the test bank, rubrics."""

import json
from pathlib import Path

from django.db import migrations

# The seed lives in fixtures/; a later edit there reaches only new databases — the ministry
# edits the instruments of a running portal in the portal itself (and imports the test bank).
SEED = json.loads(
    (Path(__file__).resolve().parents[2] / "fixtures" / "assessment_instruments.json").read_text(
        encoding="utf-8"
    )
)


def load(apps, schema_editor):
    Framework = apps.get_model("assessment", "CompetencyFramework")
    Instrument = apps.get_model("assessment", "Instrument")
    Indicator = apps.get_model("assessment", "Indicator")
    Question = apps.get_model("assessment", "Question")
    Choice = apps.get_model("assessment", "Choice")
    Criterion = apps.get_model("assessment", "RubricCriterion")
    framework = Framework.objects.filter(version=SEED["framework_version"]).first()
    if framework is None or Instrument.objects.filter(framework=framework).exists():
        return
    competencies = {c.code: c for c in framework.competencies.all()}
    for item in SEED["instruments"]:
        instrument = Instrument.objects.create(
            framework=framework,
            kind=item["kind"],
            name=item["name"],
            description=item.get("description", ""),
            task=item.get("task", ""),
            questions_per_competency=item.get("questions_per_competency", 3),
            time_limit_minutes=item.get("time_limit_minutes", 40),
        )
        instrument.competencies.set([competencies[code] for code in item["competencies"]])
        for code, texts in item.get("indicators", {}).items():
            Indicator.objects.bulk_create(
                Indicator(
                    instrument=instrument, competency=competencies[code], text=text, sort_order=n
                )
                for n, text in enumerate(texts, start=1)
            )
        for question_data in item.get("questions", []):
            question = Question.objects.create(
                instrument=instrument,
                competency=competencies[question_data["competency"]],
                text=question_data["text"],
                kind=question_data["kind"],
            )
            Choice.objects.bulk_create(
                Choice(question=question, text=choice["text"], is_correct=choice["correct"])
                for choice in question_data["choices"]
            )
        Criterion.objects.bulk_create(
            Criterion(instrument=instrument, competency=competencies[code], description=text)
            for code, text in item.get("criteria", {}).items()
        )


def unload(apps, schema_editor):
    Instrument = apps.get_model("assessment", "Instrument")
    CampaignInstrument = apps.get_model("assessment", "CampaignInstrument")
    used = CampaignInstrument.objects.values("instrument_id")
    Instrument.objects.filter(framework__version=SEED["framework_version"]).exclude(
        id__in=used
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("assessment", "0002_competency_model_seed")]

    operations = [migrations.RunPython(load, unload)]
