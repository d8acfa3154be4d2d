"""The rules of mentor matching: an explained score per mentor, the hard rules, bulk assignment.

Pure functions over plain data, so every number a coordinator sees can be tested and traced.

A mentor's score is the sum of the lines of its explanation:

* gap coverage — for each of the mentee's gaps (competencies below the target level of their
  latest assessment) the gap's weight is the number of levels missing (target − level, 1–3).
  A mentor whose strength reaches the target earns 10 points per missing level; a mentor who
  is above the mentee but below the target earns half of that (5 per level); otherwise 0.
  Bigger deficits weigh more, and a mentor who covers them fully counts most;
* geography — the same municipality +15, a neighbouring one +8 (meetings in person are
  practical), any other 0;
* organization kind — +10 when the mentor heads the same kind of organization as the mentee's
  own, or the kind the target position is for (a kindergarten head mentors a future one);
* free capacity — +3 for each place still free (at most +9), so that load spreads out.

Hard rules exclude a mentor whatever the points: not accepting mentees, no free place
(active and proposed pairs already equal the capacity), or working in the mentee's own
organization.
"""

import heapq
import itertools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

GAP_POINTS_PER_LEVEL = 10
PARTIAL_GAP_POINTS_PER_LEVEL = 5
SAME_MUNICIPALITY_POINTS = 15
NEIGHBOUR_MUNICIPALITY_POINTS = 8
SAME_KIND_POINTS = 10
FREE_PLACE_POINTS = 3
FREE_PLACE_POINTS_MAX = 9

KIND_GAP = "gap"
KIND_GEOGRAPHY = "geography"
KIND_ORGANIZATION = "organization"
KIND_CAPACITY = "capacity"


@dataclass(frozen=True)
class Gap:
    """A competency below its target level: its code and name, the level reached, the target."""

    code: str
    name: str
    level: int
    target: int

    @property
    def weight(self) -> int:
        return max(self.target - self.level, 1)


@dataclass(frozen=True)
class Mentee:
    """What matching needs to know about a reservist."""

    key: int  # the membership's id
    name: str
    municipality_id: int
    municipality_name: str
    organization_id: int | None
    organization_kind: str  # "" when the reservist's workplace is unknown
    target_kinds: tuple[str, ...]  # organization kinds the target position is for
    gaps: tuple[Gap, ...]
    has_result: bool = True


@dataclass(frozen=True)
class MentorCandidate:
    """What matching needs to know about a mentor."""

    key: int  # the mentor's id
    name: str
    municipality_id: int
    municipality_name: str
    organization_id: int
    organization_kind: str
    strengths: Mapping[str, int]  # competency code → level 1–4
    capacity: int
    load: int  # active and proposed pairs
    is_available: bool

    @property
    def free_places(self) -> int:
        return self.capacity - self.load


@dataclass(frozen=True)
class Line:
    """One part of the score, said in words, with its points."""

    kind: str
    points: int
    text: str

    def as_dict(self) -> dict:
        return {"kind": self.kind, "points": self.points, "text": self.text}


@dataclass(frozen=True)
class Match:
    """A mentor the mentee may be paired with, the score and why."""

    mentor: MentorCandidate
    lines: tuple[Line, ...]

    @property
    def score(self) -> int:
        return sum(line.points for line in self.lines)

    @property
    def gap_points(self) -> int:
        return sum(line.points for line in self.lines if line.kind == KIND_GAP)

    def explanation(self) -> list[dict]:
        return [line.as_dict() for line in self.lines]


@dataclass(frozen=True)
class Exclusion:
    """A mentor a hard rule keeps out, and the rule in words."""

    mentor: MentorCandidate
    reason: str


def points_word(points: int) -> str:
    """Return the points as they are written in an explanation: «+20», «0»."""
    return f"+{points}" if points > 0 else str(points)


def _gap_line(gap: Gap, strength: int | None) -> Line:
    name = f"«{gap.name}»"
    if strength is not None and strength >= gap.target:
        points = GAP_POINTS_PER_LEVEL * gap.weight
        text = f"закрывает дефицит {name} (уровень наставника {strength} при целевом {gap.target})"
    elif strength is not None and strength > gap.level:
        points = PARTIAL_GAP_POINTS_PER_LEVEL * gap.weight
        text = (
            f"частично закрывает дефицит {name} (уровень наставника {strength} "
            f"при уровне наставляемого {gap.level} и целевом {gap.target})"
        )
    else:
        points = 0
        held = "не указан" if strength is None else str(strength)
        text = (
            f"не закрывает дефицит {name} (уровень наставника {held} "
            f"при уровне наставляемого {gap.level})"
        )
    return Line(KIND_GAP, points, text)


def _geography_line(
    mentee: Mentee, mentor: MentorCandidate, neighbours: frozenset[frozenset[int]]
) -> Line:
    if mentor.municipality_id == mentee.municipality_id:
        return Line(
            KIND_GEOGRAPHY,
            SAME_MUNICIPALITY_POINTS,
            f"то же муниципальное образование ({mentor.municipality_name})",
        )
    if frozenset((mentor.municipality_id, mentee.municipality_id)) in neighbours:
        return Line(
            KIND_GEOGRAPHY,
            NEIGHBOUR_MUNICIPALITY_POINTS,
            f"соседнее муниципальное образование ({mentor.municipality_name})",
        )
    return Line(
        KIND_GEOGRAPHY,
        0,
        f"другое, не соседнее муниципальное образование ({mentor.municipality_name})",
    )


def _organization_line(mentee: Mentee, mentor: MentorCandidate, kind_names: Mapping[str, str]):
    kind_name = kind_names.get(mentor.organization_kind, mentor.organization_kind)
    if mentee.organization_kind and mentor.organization_kind == mentee.organization_kind:
        text = f"тот же тип организации, что у наставляемого ({kind_name})"
        return Line(KIND_ORGANIZATION, SAME_KIND_POINTS, text)
    if mentor.organization_kind in mentee.target_kinds:
        text = f"тип организации соответствует целевой должности ({kind_name})"
        return Line(KIND_ORGANIZATION, SAME_KIND_POINTS, text)
    return Line(KIND_ORGANIZATION, 0, f"другой тип организации ({kind_name})")


def _capacity_line(mentor: MentorCandidate) -> Line:
    points = min(FREE_PLACE_POINTS * mentor.free_places, FREE_PLACE_POINTS_MAX)
    text = f"свободных мест у наставника: {mentor.free_places} из {mentor.capacity}"
    return Line(KIND_CAPACITY, points, text)


def exclusion_reason(mentee: Mentee, mentor: MentorCandidate) -> str:
    """Return why a hard rule keeps the mentor out, or an empty string when none does."""
    if not mentor.is_available:
        return "не принимает наставляемых"
    if mentor.free_places <= 0:
        return f"нет свободных мест (занято {mentor.load} из {mentor.capacity})"
    if mentee.organization_id is not None and mentor.organization_id == mentee.organization_id:
        return "работает в той же организации, что и наставляемый"
    return ""


def score(
    mentee: Mentee,
    mentor: MentorCandidate,
    neighbours: frozenset[frozenset[int]],
    kind_names: Mapping[str, str],
) -> Match | Exclusion:
    """Return the mentor's explained score for the mentee, or the hard rule that excludes it."""
    reason = exclusion_reason(mentee, mentor)
    if reason:
        return Exclusion(mentor, reason)
    lines = [_gap_line(gap, mentor.strengths.get(gap.code)) for gap in mentee.gaps]
    if not mentee.gaps:
        text = (
            "дефицитов по последней оценке нет"
            if mentee.has_result
            else "нет завершённой оценки — дефициты неизвестны"
        )
        lines.append(Line(KIND_GAP, 0, text))
    lines.append(_geography_line(mentee, mentor, neighbours))
    lines.append(_organization_line(mentee, mentor, kind_names))
    lines.append(_capacity_line(mentor))
    return Match(mentor, tuple(lines))


def _rank_key(match: Match) -> tuple:
    return (
        -match.score,
        -match.gap_points,
        -match.mentor.free_places,
        match.mentor.name,
        match.mentor.key,
    )


def rank(
    mentee: Mentee,
    mentors: Iterable[MentorCandidate],
    neighbours: frozenset[frozenset[int]],
    kind_names: Mapping[str, str],
) -> tuple[list[Match], list[Exclusion]]:
    """Return the mentee's possible mentors best first, and the excluded ones with reasons.

    Equal scores are ordered by gap coverage, then by free places, then by name.
    """
    matches: list[Match] = []
    excluded: list[Exclusion] = []
    for mentor in mentors:
        result = score(mentee, mentor, neighbours, kind_names)
        (matches if isinstance(result, Match) else excluded).append(result)
    matches.sort(key=_rank_key)
    excluded.sort(key=lambda item: (item.mentor.name, item.mentor.key))
    return matches, excluded


@dataclass
class Proposal:
    """A bulk proposal: the pairs in the order they were chosen, and who was left out."""

    pairs: list[tuple[Mentee, Match]] = field(default_factory=list)
    unassigned: list[tuple[Mentee, str]] = field(default_factory=list)


def _with_load(mentor: MentorCandidate, load: int) -> MentorCandidate:
    return MentorCandidate(
        key=mentor.key,
        name=mentor.name,
        municipality_id=mentor.municipality_id,
        municipality_name=mentor.municipality_name,
        organization_id=mentor.organization_id,
        organization_kind=mentor.organization_kind,
        strengths=mentor.strengths,
        capacity=mentor.capacity,
        load=load,
        is_available=mentor.is_available,
    )


def assign(
    mentees: Sequence[Mentee],
    mentors: Sequence[MentorCandidate],
    neighbours: frozenset[frozenset[int]],
    kind_names: Mapping[str, str],
) -> Proposal:
    """Pair a cohort greedily: the best-scoring remaining pair first, never over any capacity.

    Greedy rather than a global optimum on purpose: each chosen pair is the best one still
    possible when it was chosen, so its explanation holds as shown. A mentor's free-place
    points fall as places fill, so scores are taken lazily again when a mentor's load changed.
    """
    loads = {mentor.key: mentor.load for mentor in mentors}
    by_key = {mentor.key: mentor for mentor in mentors}
    order = {mentee.key: index for index, mentee in enumerate(mentees)}
    heap: list[tuple] = []
    counter = itertools.count()  # keeps the heap from ever comparing two mentees

    def push(mentee: Mentee, mentor: MentorCandidate) -> None:
        current = _with_load(mentor, loads[mentor.key])
        result = score(mentee, current, neighbours, kind_names)
        if isinstance(result, Match):
            heapq.heappush(
                heap,
                (
                    -result.score,
                    -result.gap_points,
                    order[mentee.key],
                    mentor.name,
                    mentor.key,
                    next(counter),
                    loads[mentor.key],
                    mentee,
                    result,
                ),
            )

    for mentee in mentees:
        for mentor in mentors:
            push(mentee, mentor)
    proposal = Proposal()
    assigned: set[int] = set()
    while heap:
        _, _, _, _, mentor_key, _, load_then, mentee, match = heapq.heappop(heap)
        if mentee.key in assigned:
            continue
        if loads[mentor_key] != load_then:
            push(mentee, by_key[mentor_key])  # the mentor's load changed: score it again
            continue
        proposal.pairs.append((mentee, match))
        assigned.add(mentee.key)
        loads[mentor_key] += 1
    for mentee in mentees:
        if mentee.key not in assigned:
            proposal.unassigned.append((mentee, _why_unassigned(mentee, mentors, loads)))
    return proposal


def _why_unassigned(
    mentee: Mentee, mentors: Sequence[MentorCandidate], loads: Mapping[int, int]
) -> str:
    if not mentors:
        return "в реестре нет наставников"
    eligible_before = [mentor for mentor in mentors if not exclusion_reason(mentee, mentor)]
    if not eligible_before:
        return (
            "нет наставника, который принимает наставляемых, имеет свободное место "
            "и работает не в организации наставляемого"
        )
    return "все подходящие наставники заняты парами, предложенными выше"
