"""The one text search of the portal's lists: letter case and «ё»/«е» never matter.

Neither database folds Cyrillic on its own everywhere: SQLite's lower() knows only ASCII, and
PostgreSQL's lower() follows the database's locale (a cluster created with the C locale leaves
«Иванова» as it is). So the folding is spelled out: PostgreSQL translates the Russian capitals to
small letters and «ё» to «е» and leaves lower() only ASCII to do; SQLite calls fold() itself,
registered as a function of the connection. The words of the query are folded by the same
fold(), so both sides always agree.
"""

from collections.abc import Sequence

from django.db.models import CharField, Func, Q, QuerySet, Value
from django.db.models.functions import Coalesce, Lower

_CAPITALS = "АБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ"
_SMALL = "абвгдежзийклмнопрстуфхцчшщъыьэюя"
# What the database translates before lower(): Russian capitals to small letters, «ё» and «Ё»
# to «е». ASCII letters are left to lower(), which folds them in every locale.
FOLD_FROM = _CAPITALS + "Ёё"
FOLD_TO = _SMALL + "ее"
_PYTHON_TABLE = str.maketrans(
    FOLD_FROM + "ABCDEFGHIJKLMNOPQRSTUVWXYZ", FOLD_TO + "abcdefghijklmnopqrstuvwxyz"
)
SQLITE_FUNCTION = "portal_fold"
# A query longer than this many words is cut: nobody types more, and each word is a condition.
MAX_WORDS = 6


def fold(text: str) -> str:
    """Return the text as the search compares it: small letters, «ё» read as «е»."""
    return text.translate(_PYTHON_TABLE)


class Folded(Func):
    """The database's fold() of a text column: the same letters fold() gives in Python."""

    output_field = CharField()

    def __init__(self, expression, **extra) -> None:
        # NULL would make a whole «a OR b» match unknown; an empty string just does not match.
        super().__init__(Coalesce(expression, Value("")), **extra)

    def as_sql(self, compiler, connection, **extra_context):
        raise NotImplementedError(f"Folded has no SQL for {connection.vendor}.")

    def as_postgresql(self, compiler, connection, **extra_context):
        translated = Func(
            *self.source_expressions, Value(FOLD_FROM), Value(FOLD_TO), function="TRANSLATE"
        )
        return Lower(translated, output_field=CharField()).as_sql(compiler, connection)

    def as_sqlite(self, compiler, connection, **extra_context):
        # SQLite has no translate(), and a replace() per letter overflows its parser: fold() is
        # registered on the connection that is about to run the query (a C call; it is cheap to
        # repeat, and a connection opened later gets it the same way).
        connection.ensure_connection()
        connection.connection.create_function(SQLITE_FUNCTION, 1, _fold_or_none, deterministic=True)
        return Func.as_sql(self, compiler, connection, function=SQLITE_FUNCTION)


def _fold_or_none(text):
    return fold(text) if isinstance(text, str) else text


def search_words(query: str) -> list[str]:
    """Return the folded words of a query, at most MAX_WORDS of them."""
    return [fold(word) for word in query.split()][:MAX_WORDS]


def search(queryset: QuerySet, query: str, fields: Sequence[str]) -> QuerySet:
    """Keep the rows where every word of the query is found in one of the fields.

    «иванова анна» finds «Иванова Анна Петровна» and «Анна Иванова»; «Семёнов» finds «Семенов».
    A field may follow foreign keys ("candidate__last_name"); a row never comes twice for a word
    found in two fields, since each word is one condition over the row's folded columns (a field
    across a many-valued relation would repeat rows: search such rows through a subquery).
    """
    words = search_words(query)
    if not words:
        return queryset
    aliases = {f"_folded_{index}": Folded(name) for index, name in enumerate(fields)}
    queryset = queryset.alias(**aliases)
    for word in words:
        condition = Q()
        for alias in aliases:
            condition |= Q(**{f"{alias}__contains": word})
        queryset = queryset.filter(condition)
    return queryset
