"""Fit the seeded competency model and its instruments to every post of the reserve.

From fixtures/toolkits_by_post.json: the model's basis (which professional standards apply to
which organizations), the 250н codes of the labour functions and the functions each competency
serves, target levels post by post, the knowledge test's sources, sections and new questions
(the disputed questions are retired and asked anew, so that past attempts keep what they
answered), and the case's variants by post, each with its rubric.

Applied to the seeded version of the model only, and only once: a model the ministry has since
edited keeps its edits where the seed's text no longer matches.
"""

import json
from pathlib import Path

from django.db import migrations

SEED = json.loads(
    (Path(__file__).resolve().parents[2] / "fixtures" / "toolkits_by_post.json").read_text(
        encoding="utf-8"
    )
)


def _framework(apps):
    Framework = apps.get_model("assessment", "CompetencyFramework")
    return Framework.objects.filter(version=SEED["framework_version"]).first()


def _describe(framework):
    framework.description = SEED["framework"]["description"]
    framework.notes = "\n".join(
        part for part in (framework.notes, SEED["framework"]["notes"]) if part
    )
    framework.save(update_fields=["description", "notes"])


def _functions(apps, competencies):
    LabourFunction = apps.get_model("assessment", "LabourFunction")
    functions = {}
    for order, item in enumerate(SEED["labour_functions"], start=1):
        function, _ = LabourFunction.objects.update_or_create(
            code=item["code"],
            defaults={"name": item["name"], "standard": item["standard"], "sort_order": order},
        )
        functions[item["code"]] = function
    for code, function_codes in SEED["competencies"].items():
        competency = competencies.get(code)
        if competency is not None:
            competency.labour_functions.set([functions[c] for c in function_codes])
    for code, description in SEED["competency_descriptions"].items():
        competency = competencies.get(code)
        if competency is not None:
            competency.description = description
            competency.save(update_fields=["description"])


def _targets(apps, competencies):
    TargetLevel = apps.get_model("assessment", "TargetLevel")
    PositionKind = apps.get_model("registry", "PositionKind")
    posts = {post.code: post for post in PositionKind.objects.all()}
    for post_code, levels in SEED["targets"].items():
        post = posts.get(post_code)
        if post is None:
            continue
        for code, level in levels.items():
            if code in competencies:
                TargetLevel.objects.update_or_create(
                    competency=competencies[code], position_kind=post, defaults={"level": level}
                )


def _question(apps, instrument, competencies, item, *, section=None):
    Question = apps.get_model("assessment", "Question")
    Choice = apps.get_model("assessment", "Choice")
    question = Question.objects.create(
        instrument=instrument,
        competency=competencies[item["competency"]],
        section=section or item["section"],
        text=item["text"],
        kind=item.get("kind", "single"),
        source=item["source"],
    )
    Choice.objects.bulk_create(
        Choice(question=question, text=choice["text"], is_correct=choice["correct"])
        for choice in item["choices"]
    )
    return question


def _test(apps, framework, competencies):
    Instrument = apps.get_model("assessment", "Instrument")
    Question = apps.get_model("assessment", "Question")
    test = SEED["test"]
    for instrument in Instrument.objects.filter(framework=framework, kind="knowledge_test"):
        instrument.kind_questions = test["kind_questions"]
        instrument.time_limit_minutes = test["time_limit_minutes"]
        instrument.description = test["description"]
        instrument.save(update_fields=["kind_questions", "time_limit_minutes", "description"])
        for text, source in test["sources"].items():
            Question.objects.filter(instrument=instrument, text=text, source="").update(
                source=source
            )
        for old_text, fix in test["fixes"].items():
            for old in Question.objects.filter(instrument=instrument, text=old_text):
                old.is_active = False
                old.save(update_fields=["is_active"])
                _question(
                    apps,
                    instrument,
                    competencies,
                    {**fix, "competency": old.competency.code, "kind": old.kind},
                    section=fix.get("section", "common"),
                )
        present = set(Question.objects.filter(instrument=instrument).values_list("text", flat=True))
        for item in test["add"]:
            if item["text"] not in present:
                _question(apps, instrument, competencies, item)


def _case(apps, framework, competencies):
    Instrument = apps.get_model("assessment", "Instrument")
    TaskVariant = apps.get_model("assessment", "TaskVariant")
    Criterion = apps.get_model("assessment", "RubricCriterion")
    PositionKind = apps.get_model("registry", "PositionKind")
    posts = {post.code: post for post in PositionKind.objects.all()}
    case = SEED["case"]
    for instrument in Instrument.objects.filter(framework=framework, kind="case"):
        if TaskVariant.objects.filter(instrument=instrument).exists():
            continue
        if instrument.name == case["old_name"]:
            instrument.name = case["name"]
            instrument.description = case["description"]
            instrument.save(update_fields=["name", "description"])
        for order, item in enumerate(case["variants"], start=1):
            variant = TaskVariant.objects.create(
                instrument=instrument,
                title=item["title"],
                is_default=item["default"],
                task=item["task"],
                sort_order=order,
            )
            variant.position_kinds.set([posts[code] for code in item["posts"] if code in posts])
            if item["default"]:
                # The instrument's own rubric (and its task) is the default variant's.
                Criterion.objects.filter(instrument=instrument, variant__isnull=True).update(
                    variant=variant
                )
                continue
            Criterion.objects.bulk_create(
                Criterion(
                    instrument=instrument,
                    variant=variant,
                    competency=competencies[code],
                    description=text,
                )
                for code, text in item["criteria"].items()
            )
        measured = {
            criterion.competency_id
            for criterion in Criterion.objects.filter(instrument=instrument)
        }
        instrument.competencies.add(*measured)


def load(apps, schema_editor):
    framework = _framework(apps)
    if framework is None or framework.description:
        return
    competencies = {c.code: c for c in framework.competencies.all()}
    _describe(framework)
    _functions(apps, competencies)
    _targets(apps, competencies)
    _test(apps, framework, competencies)
    _case(apps, framework, competencies)


def unload(apps, schema_editor):
    framework = _framework(apps)
    if framework is None:
        return
    Question = apps.get_model("assessment", "Question")
    TaskVariant = apps.get_model("assessment", "TaskVariant")
    Criterion = apps.get_model("assessment", "RubricCriterion")
    Instrument = apps.get_model("assessment", "Instrument")
    test = SEED["test"]
    new_texts = [item["text"] for item in test["add"]] + [
        fix["text"] for fix in test["fixes"].values()
    ]
    Choice = apps.get_model("assessment", "Choice")
    added = list(
        Question.objects.filter(instrument__framework=framework, text__in=new_texts).values_list(
            "pk", flat=True
        )
    )
    # Row by row: the deletion collector of a reversed migration mixes up the models' states.
    Choice.objects.filter(question_id__in=added)._raw_delete(schema_editor.connection.alias)
    Question.objects.filter(pk__in=added)._raw_delete(schema_editor.connection.alias)
    Question.objects.filter(instrument__framework=framework, text__in=list(test["fixes"])).update(
        is_active=True
    )
    Criterion.objects.filter(instrument__framework=framework, variant__is_default=True).update(
        variant=None
    )
    variants = list(
        TaskVariant.objects.filter(instrument__framework=framework).values_list("pk", flat=True)
    )
    Criterion.objects.filter(variant_id__in=variants)._raw_delete(schema_editor.connection.alias)
    TaskVariant.position_kinds.through.objects.filter(taskvariant_id__in=variants)._raw_delete(
        schema_editor.connection.alias
    )
    TaskVariant.objects.filter(pk__in=variants)._raw_delete(schema_editor.connection.alias)
    Instrument.objects.filter(framework=framework, kind="case", name=SEED["case"]["name"]).update(
        name=SEED["case"]["old_name"]
    )
    framework.description = ""
    framework.save(update_fields=["description"])


class Migration(migrations.Migration):
    dependencies = [("assessment", "0009_toolkit_old_fields_dropped")]

    operations = [migrations.RunPython(load, unload)]
