"""Trigram indexes for the search by name on PostgreSQL (benchmarks/pages.py: the pipeline's
search by surname over 104 000 candidates took 0,73 s scanning every row).

The search compares core.search.Folded(column) — lower(translate(coalesce(column, ''), …)) —
with LIKE '%word%'; a GIN index on exactly that expression with pg_trgm's operator class serves
it. pg_trgm is a trusted extension (PostgreSQL 13+): the database's owner may create it. SQLite
(make run) keeps scanning, which its sizes allow.
"""

from django.db import migrations

from core.search import FOLD_FROM, FOLD_TO

FIELDS = ("last_name", "first_name", "middle_name")


def _create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for field in FIELDS:
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS candidates_candidate_{field}_trgm "
            f"ON candidates_candidate USING gin "
            f"(lower(translate(coalesce({field}, ''), %s, %s)) gin_trgm_ops)",
            [FOLD_FROM, FOLD_TO],
        )


def _drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for field in FIELDS:
        schema_editor.execute(f"DROP INDEX IF EXISTS candidates_candidate_{field}_trgm")


class Migration(migrations.Migration):
    dependencies = [("candidates", "0015_meeting_attendance_and_opening")]

    operations = [migrations.RunPython(_create, _drop)]
