"""Reads of the knowledge-test bank: the tests of the current model, questions per competency."""

from django.db.models import Count, Q, QuerySet

from assessment.models import Instrument, InstrumentKind


def knowledge_tests() -> QuerySet[Instrument]:
    """Return the knowledge tests of the current competency model."""
    return Instrument.objects.filter(
        kind=InstrumentKind.KNOWLEDGE_TEST, framework__is_current=True
    ).order_by("name")


def question_counts(instrument: Instrument | None) -> list[dict]:
    """Return, per competency the test measures, how many active questions the bank holds."""
    if instrument is None:
        return []
    rows = {
        row["competency_id"]: row
        for row in instrument.questions.values("competency_id").annotate(
            active=Count("id", filter=Q(is_active=True)),
            single=Count("id", filter=Q(is_active=True, kind="single")),
            multiple=Count("id", filter=Q(is_active=True, kind="multiple")),
        )
    }
    return [
        {
            "competency": competency,
            "active": rows.get(competency.pk, {}).get("active", 0),
            "single": rows.get(competency.pk, {}).get("single", 0),
            "multiple": rows.get(competency.pk, {}).get("multiple", 0),
            "short": rows.get(competency.pk, {}).get("active", 0)
            < instrument.questions_per_competency,
        }
        for competency in instrument.competencies.order_by("sort_order", "code")
    ]
