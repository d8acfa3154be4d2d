"""The rules of a vacancy's shortlist: who may be listed, an explained score, the ranking.

Pure functions over plain data, so every number staff see can be tested and traced. A
reservist's score (0–100) is the sum of the whole points of its lines, exactly as displayed:

* readiness — ready now +20, ready within a year or two +10;
* assessment — the latest finished assessment's total (0–100) × 0,3, at most +30;
* fit — for each of the three competencies most needed in that kind of organization
  (KEY_COMPETENCIES) the reservist's score (0–100) × 0,05, at most +5 each, +15 in all;
* development — the share of done items of the reservist's plan in work × 10, at most +10;
* geography — the vacancy's municipality +15, a neighbouring one +8 (working without moving
  is practical), another municipality with «готов к переезду» set by the reservist +5;
* experience — works in an organization of the same kind +6, of a comparable size (from half
  to twice the vacancy's number of students) +4.

Each line is rounded to whole points on its own (half up) and the total is their sum, so the
parts always add up to the total shown. Equal totals are ordered by the assessment's points,
then by readiness, then by name.

Who is never listed: anyone whose membership is not active or whose term has ended, anyone
ready only in 3 years or more, anyone in another, non-neighbouring municipality who has not
said they would move, anyone this post was already offered to, and anyone still to answer
another offer. The page counts them by reason, without names.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

# The Regulation's readiness levels: now, within a year, within two years; three years keep off.
READY_POINTS = {"ready_now": 20, "within_year": 10, "within_two_years": 10}
ASSESSMENT_MAX = 30
FIT_MAX_EACH = 5
PLAN_MAX = 10
SAME_MUNICIPALITY_POINTS = 15
NEIGHBOUR_POINTS = 8
RELOCATION_POINTS = 5
SAME_KIND_POINTS = 6
COMPARABLE_SIZE_POINTS = 4

# The competencies a head needs most in each kind of organization (codes of the model's ten):
# a school — educational quality, finance and procurement, people; a kindergarten — a safe
# environment, educational quality, people; additional education — partnership, projects,
# educational quality; a college — projects and change, partnership with employers, finance.
KEY_COMPETENCIES = {
    "general": ("K02", "K05", "K03"),
    "preschool": ("K06", "K02", "K03"),
    "additional": ("K08", "K09", "K02"),
    "vocational": ("K09", "K08", "K05"),
}

KIND_READINESS = "readiness"
KIND_ASSESSMENT = "assessment"
KIND_FIT = "fit"
KIND_PLAN = "plan"
KIND_GEOGRAPHY = "geography"
KIND_EXPERIENCE = "experience"

NOT_LISTED_READINESS = "readiness"
NOT_LISTED_DISTANCE = "distance"
NOT_LISTED_OFFERED = "offered"
NOT_LISTED_PENDING = "pending"
NOT_LISTED_REASONS = {
    NOT_LISTED_READINESS: "готовы к назначению только в течение трёх лет",
    NOT_LISTED_DISTANCE: (
        "из другого, не соседнего муниципального образования и не готовы к переезду"
    ),
    NOT_LISTED_OFFERED: "эта должность им уже предлагалась",
    NOT_LISTED_PENDING: "ещё не ответили на другое предложение",
}


def points(value: float | Decimal) -> int:
    """Return a value rounded to whole points, half up (2,5 → 3)."""
    return int(Decimal(str(value)).quantize(Decimal("1"), rounding=ROUND_HALF_UP))


@dataclass(frozen=True)
class Post:
    """What the shortlist needs to know about the vacancy."""

    municipality_id: int
    municipality_name: str
    organization_kind: str
    student_count: int | None
    key_competencies: tuple[tuple[str, str], ...]  # (code, name)


@dataclass(frozen=True)
class Reservist:
    """What the shortlist needs to know about a member of the reserve."""

    key: int  # the membership's id
    name: str
    municipality_id: int
    municipality_name: str
    readiness: str
    result_total: float | None
    competency_scores: Mapping[str, float]
    plan_done: int
    plan_total: int
    organization_kind: str
    student_count: int | None
    ready_to_relocate: bool
    offered_this_post: bool = False
    pending_elsewhere: bool = False


@dataclass(frozen=True)
class Line:
    kind: str
    points: int
    text: str

    def as_dict(self) -> dict:
        return {"kind": self.kind, "points": self.points, "text": self.text}


@dataclass(frozen=True)
class Scored:
    reservist: Reservist
    lines: tuple[Line, ...]

    @property
    def score(self) -> int:
        return sum(line.points for line in self.lines)

    def points_of(self, kind: str) -> int:
        return sum(line.points for line in self.lines if line.kind == kind)

    def explanation(self) -> list[dict]:
        return [line.as_dict() for line in self.lines]


def _number(value: float) -> str:
    return f"{value:.1f}".replace(".", ",").removesuffix(",0")


def not_listed_reason(
    post: Post, reservist: Reservist, neighbours: frozenset[frozenset[int]]
) -> str:
    """Return why the reservist is kept off the shortlist, or "" when they are listed."""
    if reservist.readiness not in READY_POINTS:
        return NOT_LISTED_READINESS
    if reservist.offered_this_post:
        return NOT_LISTED_OFFERED
    if reservist.pending_elsewhere:
        return NOT_LISTED_PENDING
    same = reservist.municipality_id == post.municipality_id
    near = frozenset((reservist.municipality_id, post.municipality_id)) in neighbours
    if not (same or near or reservist.ready_to_relocate):
        return NOT_LISTED_DISTANCE
    return ""


def _readiness(reservist: Reservist, readiness_names: Mapping[str, str]) -> Line:
    name = readiness_names.get(reservist.readiness, reservist.readiness)
    return Line(KIND_READINESS, READY_POINTS[reservist.readiness], f"готовность: {name}")


def _assessment(reservist: Reservist) -> Line:
    if reservist.result_total is None:
        return Line(KIND_ASSESSMENT, 0, "нет завершённой оценки")
    value = points(Decimal(str(reservist.result_total)) * ASSESSMENT_MAX / 100)
    text = f"итоговый балл последней оценки: {_number(reservist.result_total)} из 100"
    return Line(KIND_ASSESSMENT, value, text)


def _fit(post: Post, reservist: Reservist) -> list[Line]:
    if reservist.result_total is None:
        return [Line(KIND_FIT, 0, "ключевые для организации компетенции не оценивались")]
    lines = []
    for code, name in post.key_competencies:
        score = reservist.competency_scores.get(code)
        if score is None:
            lines.append(Line(KIND_FIT, 0, f"«{name}» — не оценивалась"))
            continue
        value = points(Decimal(str(score)) * FIT_MAX_EACH / 100)
        lines.append(Line(KIND_FIT, value, f"«{name}»: {_number(float(score))} из 100"))
    return lines


def _plan(reservist: Reservist) -> Line:
    if not reservist.plan_total:
        return Line(KIND_PLAN, 0, "индивидуального плана развития в работе нет")
    share = Decimal(reservist.plan_done) / reservist.plan_total
    text = (
        f"план развития выполнен на {points(share * 100)} % "
        f"({reservist.plan_done} из {reservist.plan_total} пунктов)"
    )
    return Line(KIND_PLAN, points(share * PLAN_MAX), text)


def _geography(post: Post, reservist: Reservist, neighbours: frozenset[frozenset[int]]) -> Line:
    if reservist.municipality_id == post.municipality_id:
        text = f"резерв того же муниципального образования ({post.municipality_name})"
        return Line(KIND_GEOGRAPHY, SAME_MUNICIPALITY_POINTS, text)
    if frozenset((reservist.municipality_id, post.municipality_id)) in neighbours:
        text = f"соседнее муниципальное образование ({reservist.municipality_name})"
        return Line(KIND_GEOGRAPHY, NEIGHBOUR_POINTS, text)
    text = f"другое муниципальное образование ({reservist.municipality_name}), готов к переезду"
    return Line(KIND_GEOGRAPHY, RELOCATION_POINTS, text)


def _experience(post: Post, reservist: Reservist, kind_names: Mapping[str, str]) -> list[Line]:
    if not reservist.organization_kind:
        return [Line(KIND_EXPERIENCE, 0, "место работы не указано")]
    kind = kind_names.get(reservist.organization_kind, reservist.organization_kind)
    if reservist.organization_kind == post.organization_kind:
        lines = [
            Line(KIND_EXPERIENCE, SAME_KIND_POINTS, f"работает в организации того же типа ({kind})")
        ]
    else:
        lines = [Line(KIND_EXPERIENCE, 0, f"работает в организации другого типа ({kind})")]
    mine, theirs = reservist.student_count, post.student_count
    if not mine or not theirs:
        lines.append(Line(KIND_EXPERIENCE, 0, "численность обучающихся неизвестна"))
    elif theirs / 2 <= mine <= theirs * 2:
        text = f"сопоставимая численность обучающихся ({mine} при {theirs} в организации вакансии)"
        lines.append(Line(KIND_EXPERIENCE, COMPARABLE_SIZE_POINTS, text))
    else:
        text = f"другая численность обучающихся ({mine} при {theirs} в организации вакансии)"
        lines.append(Line(KIND_EXPERIENCE, 0, text))
    return lines


def score(
    post: Post,
    reservist: Reservist,
    neighbours: frozenset[frozenset[int]],
    *,
    readiness_names: Mapping[str, str],
    kind_names: Mapping[str, str],
) -> Scored:
    """Return the reservist's explained score for the post (the reservist must be listable)."""
    lines = [
        _readiness(reservist, readiness_names),
        _assessment(reservist),
        *_fit(post, reservist),
        _plan(reservist),
        _geography(post, reservist, neighbours),
        *_experience(post, reservist, kind_names),
    ]
    return Scored(reservist, tuple(lines))


def _rank_key(item: Scored) -> tuple:
    return (
        -item.score,
        -item.points_of(KIND_ASSESSMENT),
        -item.points_of(KIND_READINESS),
        item.reservist.name,
        item.reservist.key,
    )


def rank(
    post: Post,
    reservists: Iterable[Reservist],
    neighbours: frozenset[frozenset[int]],
    *,
    readiness_names: Mapping[str, str],
    kind_names: Mapping[str, str],
) -> tuple[list[Scored], dict[str, int]]:
    """Return the listed reservists best first, and how many were kept off for each reason."""
    listed: list[Scored] = []
    kept_off = dict.fromkeys(NOT_LISTED_REASONS, 0)
    for reservist in reservists:
        reason = not_listed_reason(post, reservist, neighbours)
        if reason:
            kept_off[reason] += 1
            continue
        listed.append(
            score(
                post, reservist, neighbours, readiness_names=readiness_names, kind_names=kind_names
            )
        )
    listed.sort(key=_rank_key)
    return listed, kept_off
