"""Reads of the participant's pages: assigned instruments with status, 360° group results."""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Q, QuerySet
from django.urls import reverse
from django.utils import timezone

from assessment.models import (
    CampaignInstrument,
    Competency,
    ExpertAssignment,
    FeedbackInvitation,
    FeedbackRelation,
    FeedbackResponse,
    Indicator,
    InstrumentKind,
    Participant,
    Response,
    TestAttempt,
    WorkSubmission,
)
from assessment.models.experts import MIN_EXPERTS
from assessment.models.participation import FEEDBACK_MIN_GROUP
from assessment.models.work import WRITTEN_KINDS
from core.numbers import round_half_up

URL_NAMES = {
    InstrumentKind.SELF_ASSESSMENT: "assessment:self_assessment",
    InstrumentKind.KNOWLEDGE_TEST: "assessment:test",
    InstrumentKind.FEEDBACK_360: "assessment:feedback",
}
TOO_FEW_ANSWERS = "недостаточно ответов для сохранения анонимности"
GROUP_TITLES = {
    FeedbackRelation.SUPERIOR: "Руководители",
    FeedbackRelation.PEER: "Коллеги",
    FeedbackRelation.SUBORDINATE: "Подчинённые",
}
BADGES = {
    "not_started": "text-bg-secondary",
    "draft": "text-bg-warning",
    "submitted": "text-bg-success",
    "overdue": "text-bg-danger",
    "waiting": "text-bg-light border",
    "rated": "text-bg-success",
}


@dataclass
class InstrumentStatus:
    """An instrument as the participant sees it on «Моя оценка»."""

    campaign_instrument: CampaignInstrument
    status: str  # not_started, draft, submitted, overdue, waiting, rated
    label: str
    url: str
    detail: str = ""

    @property
    def instrument(self):
        return self.campaign_instrument.instrument

    @property
    def badge(self) -> str:
        return BADGES[self.status]


@dataclass
class Participation:
    participant: Participant
    items: list[InstrumentStatus] = field(default_factory=list)


def _status(
    ci: CampaignInstrument,
    *,
    now: datetime.datetime,
    response: Response | None,
    attempt: TestAttempt | None,
    invitations: tuple[int, int],
    experts_done: int,
    work: WorkSubmission | None = None,
) -> tuple[str, str, str]:
    """Return (status, label, detail) of one instrument for one participant."""
    kind = ci.instrument.kind
    closed = not ci.is_open(now)
    if kind == InstrumentKind.SELF_ASSESSMENT:
        if response is not None and response.submitted_at is not None:
            return "submitted", "отправлено", ""
        if closed:
            return "overdue", "просрочено", ""
        if response is not None:
            return "draft", "черновик", f"ответов: {len(response.answers)}"
        return "not_started", "не начато", ""
    if kind == InstrumentKind.KNOWLEDGE_TEST:
        if attempt is not None and (attempt.submitted_at or attempt.is_time_over(now)):
            return "submitted", "отправлено", ""
        if attempt is not None:
            return "draft", "тест начат", "время идёт"
        if closed:
            return "overdue", "просрочено", ""
        return "not_started", "не начато", ""
    if kind == InstrumentKind.FEEDBACK_360:
        invited, answered = invitations
        if not invited:
            return ("overdue", "просрочено", "") if closed else ("not_started", "не начато", "")
        detail = f"приглашено: {invited}, ответили: {answered}"
        if closed:
            return "submitted", "сбор завершён", detail
        return "draft", "идёт сбор отзывов", detail
    if kind in WRITTEN_KINDS and (work is None or work.submitted_at is None):
        if closed:
            return "overdue", "работа не сдана", ""
        if work is not None and (work.text.strip() or work.file_count):
            return "draft", "черновик работы", "не сдана"
        return "not_started", "ожидает вашей работы", ""
    if experts_done >= MIN_EXPERTS:
        return "rated", "оценено экспертами", ""
    if kind in WRITTEN_KINDS:
        return "waiting", "сдано, ожидает оценки экспертов", ""
    return "waiting", "ожидает оценки экспертов", ""


def participations_of(participants: QuerySet[Participant]) -> list[Participation]:
    """Return the participations with every instrument's status, in a fixed number of queries."""
    participants = list(
        participants.select_related("campaign", "candidate").order_by("-campaign__starts_on", "-id")
    )
    ids = [p.pk for p in participants]
    by_campaign: dict[int, list[CampaignInstrument]] = defaultdict(list)
    for ci in CampaignInstrument.objects.filter(
        campaign_id__in={p.campaign_id for p in participants}
    ).select_related("instrument", "campaign"):
        by_campaign[ci.campaign_id].append(ci)
    for items in by_campaign.values():
        # The participant's own work first, in the order of the kinds; then by deadline.
        items.sort(key=lambda ci: (ci.instrument.kind_order, ci.deadline))
    responses = {
        (r.participant_id, r.campaign_instrument_id): r
        for r in Response.objects.filter(participant_id__in=ids)
    }
    attempts = {
        (a.participant_id, a.campaign_instrument_id): a
        for a in TestAttempt.objects.filter(participant_id__in=ids, is_void=False)
    }
    invitations = {
        (row["participant_id"], row["campaign_instrument_id"]): (row["invited"], row["answered"])
        for row in FeedbackInvitation.objects.filter(participant_id__in=ids)
        .values("participant_id", "campaign_instrument_id")
        .annotate(invited=Count("id"), answered=Count("id", filter=Q(used_at__isnull=False)))
    }
    works = {
        (w.participant_id, w.campaign_instrument_id): w
        for w in WorkSubmission.objects.filter(participant_id__in=ids).annotate(
            file_count=Count("files")
        )
    }
    experts = {
        (row["participant_id"], row["campaign_instrument_id"]): row["done"]
        for row in ExpertAssignment.objects.filter(
            participant_id__in=ids, submitted_at__isnull=False
        )
        .values("participant_id", "campaign_instrument_id")
        .annotate(done=Count("id"))
    }
    now = timezone.now()
    result = []
    for participant in participants:
        participation = Participation(participant)
        for ci in by_campaign[participant.campaign_id]:
            key = (participant.pk, ci.pk)
            status, label, detail = _status(
                ci,
                now=now,
                response=responses.get(key),
                attempt=attempts.get(key),
                invitations=invitations.get(key, (0, 0)),
                experts_done=experts.get(key, 0),
                work=works.get(key),
            )
            url_name = URL_NAMES.get(ci.instrument.kind, "assessment:task")
            participation.items.append(
                InstrumentStatus(
                    campaign_instrument=ci,
                    status=status,
                    label=label,
                    detail=detail,
                    url=reverse(url_name, args=[participant.pk, ci.pk]),
                )
            )
        result.append(participation)
    return result


@dataclass
class CompetencyBlock:
    """A competency with its level descriptors and the instrument's indicators of it."""

    competency: Competency
    levels: list
    indicators: list[Indicator]


def indicator_blocks(campaign_instrument: CampaignInstrument) -> list[CompetencyBlock]:
    """Return the instrument's indicators grouped by competency, with the level descriptors."""
    indicators = list(
        Indicator.objects.filter(instrument_id=campaign_instrument.instrument_id).select_related(
            "competency"
        )
    )
    competency_ids = {indicator.competency_id for indicator in indicators}
    competencies = Competency.objects.filter(id__in=competency_ids).prefetch_related("levels")
    blocks = {
        competency.pk: CompetencyBlock(competency, list(competency.levels.all()), [])
        for competency in competencies.order_by("sort_order", "code")
    }
    for indicator in indicators:
        blocks[indicator.competency_id].indicators.append(indicator)
    return list(blocks.values())


@dataclass
class GroupResult:
    """One relation group's answers: shown only with enough answers, after the collection."""

    relation: str
    label: str
    invited: int
    answered: int
    visible: bool
    note: str
    averages: dict[str, float] = field(default_factory=dict)  # competency code -> 1..4
    comments: list[str] = field(default_factory=list)


@dataclass
class FeedbackSummary:
    groups: list[GroupResult]
    competencies: list[Competency]
    collection_over: bool

    @property
    def any_visible(self) -> bool:
        return any(group.visible for group in self.groups)

    @property
    def rows(self) -> list[dict]:
        """Return a row per competency with the averages of the visible groups."""
        visible = [group for group in self.groups if group.visible]
        return [
            {
                "competency": competency,
                "values": [group.averages.get(competency.code) for group in visible],
            }
            for competency in self.competencies
        ]


def feedback_summary(
    participant: Participant, campaign_instrument: CampaignInstrument
) -> FeedbackSummary:
    """Return per-group averages of the 360° answers, hiding groups with fewer than three.

    Groups open only once the collection is over (deadline passed or campaign closed): were they
    shown as answers arrive, comparing the averages before and after one colleague's answer
    would reveal that colleague's ratings, since the page also shows who has answered.
    """
    collection_over = not campaign_instrument.is_open()
    competency_of = dict(
        Indicator.objects.filter(instrument_id=campaign_instrument.instrument_id).values_list(
            "id", "competency__code"
        )
    )
    invited = dict(
        FeedbackInvitation.objects.filter(
            participant=participant, campaign_instrument=campaign_instrument
        )
        .values("relation")
        .annotate(n=Count("id"))
        .values_list("relation", "n")
    )
    answers: dict[str, list[FeedbackResponse]] = defaultdict(list)
    for response in FeedbackResponse.objects.filter(
        participant=participant, campaign_instrument=campaign_instrument
    ).order_by("comment"):
        answers[response.relation].append(response)
    groups = []
    for relation in FeedbackRelation:
        group_answers = answers[relation.value]
        enough = len(group_answers) >= FEEDBACK_MIN_GROUP
        visible = enough and collection_over
        if not enough:
            note = TOO_FEW_ANSWERS
        elif not collection_over:
            deadline = campaign_instrument.deadline
            note = f"результаты откроются после окончания сбора отзывов ({deadline:%d.%m.%Y})"
        else:
            note = ""
        group = GroupResult(
            relation=relation.value,
            label=GROUP_TITLES[relation],
            invited=invited.get(relation.value, 0),
            answered=len(group_answers),
            visible=visible,
            note=note,
        )
        if visible:
            ratings: dict[str, list[int]] = defaultdict(list)
            for response in group_answers:
                for indicator_id, value in response.answers.items():
                    code = competency_of.get(int(indicator_id))
                    if code is not None:
                        ratings[code].append(int(value))
            group.averages = {
                code: float(round_half_up(sum(values) / len(values), 1))
                for code, values in ratings.items()
            }
            group.comments = sorted(r.comment for r in group_answers if r.comment)
        groups.append(group)
    competencies = list(
        Competency.objects.filter(
            framework_id=campaign_instrument.instrument.framework_id,
            code__in=set(competency_of.values()),
        ).order_by("sort_order", "code")
    )
    return FeedbackSummary(
        groups=groups, competencies=competencies, collection_over=collection_over
    )
