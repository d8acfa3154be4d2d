"""Who has finished what in a campaign: each participant × instrument state, in fixed queries."""

import datetime
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from operator import attrgetter

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from assessment.models import (
    Campaign,
    CampaignInstrument,
    ExpertAssignment,
    FeedbackInvitation,
    FeedbackResponse,
    InstrumentKind,
    Participant,
    Response,
    TestAttempt,
    WorkSubmission,
)
from assessment.models.experts import MIN_EXPERTS
from assessment.models.instruments import EXPERT_KINDS
from assessment.models.participation import FEEDBACK_MIN_GROUP
from assessment.models.work import WRITTEN_KINDS


def with_participant_counts(
    campaigns: QuerySet[Campaign], participants: QuerySet[Participant]
) -> QuerySet[Campaign]:
    """Return the campaigns with how many of the given participants each has and has finished."""
    given = Q(participants__in=participants)
    return campaigns.annotate(
        participant_count=Count("participants", filter=given, distinct=True),
        completed_count=Count(
            "participants",
            filter=given & Q(participants__completed_at__isnull=False),
            distinct=True,
        ),
    )


# How the progress page and the reminders name a participant's part of an instrument.
NOT_STARTED = "not_started"
DRAFT = "draft"
SUBMITTED = "submitted"
STATE_LABELS = {NOT_STARTED: "не начато", DRAFT: "черновик", SUBMITTED: "отправлено"}


@dataclass
class Cell:
    """One participant's state on one campaign instrument."""

    campaign_instrument: CampaignInstrument
    state: str
    label: str
    done: bool
    participant_side: bool
    attempt_id: int | None = None

    @property
    def name(self) -> str:
        return self.campaign_instrument.instrument.name

    @property
    def deadline(self) -> datetime.date:
        return self.campaign_instrument.deadline


@dataclass
class Row:
    participant: Participant
    cells: list[Cell] = field(default_factory=list)

    @property
    def pending_for_participant(self) -> list[Cell]:
        """Return the cells the participant still has to do."""
        return [cell for cell in self.cells if cell.participant_side and not cell.done]

    @property
    def is_finished(self) -> bool:
        return all(cell.done for cell in self.cells)


class CampaignProgress:
    """Each participant × instrument status of a campaign, loaded in a fixed number of queries."""

    def __init__(self, campaign: Campaign, participants: Iterable[Participant]) -> None:
        self.campaign = campaign
        self.instruments = sorted(
            CampaignInstrument.objects.filter(campaign=campaign).select_related("instrument"),
            key=attrgetter("display_order"),
        )
        if isinstance(participants, QuerySet):
            participants = participants.select_related(
                "candidate", "municipality", "nomination__position_kind", "membership"
            )
        self.participants = list(participants)
        ids = [p.pk for p in self.participants]
        self.responses = {
            (row["participant_id"], row["campaign_instrument_id"]): row
            for row in Response.objects.filter(participant_id__in=ids).values(
                "participant_id", "campaign_instrument_id", "saved_at", "submitted_at"
            )
        }
        self.attempts = {
            (row["participant_id"], row["campaign_instrument_id"]): row
            for row in TestAttempt.objects.filter(participant_id__in=ids, is_void=False).values(
                "id",
                "participant_id",
                "campaign_instrument_id",
                "deadline_at",
                "submitted_at",
                "score_by_competency",
            )
        }
        self.invited = Counter(
            {
                (row["participant_id"], row["campaign_instrument_id"]): row["n"]
                for row in FeedbackInvitation.objects.filter(participant_id__in=ids)
                .values("participant_id", "campaign_instrument_id")
                .annotate(n=Count("id"))
            }
        )
        self.answered = Counter(
            {
                (row["participant_id"], row["campaign_instrument_id"]): row["n"]
                for row in FeedbackResponse.objects.filter(participant_id__in=ids)
                .values("participant_id", "campaign_instrument_id")
                .annotate(n=Count("id"))
            }
        )
        self.works = {
            (row["participant_id"], row["campaign_instrument_id"]): row
            for row in WorkSubmission.objects.filter(participant_id__in=ids).values(
                "participant_id", "campaign_instrument_id", "saved_at", "submitted_at"
            )
        }
        self.assignments: dict[tuple[int, int], list[ExpertAssignment]] = defaultdict(list)
        for assignment in ExpertAssignment.objects.filter(participant_id__in=ids).select_related(
            "expert"
        ):
            self.assignments[(assignment.participant_id, assignment.campaign_instrument_id)].append(
                assignment
            )
        self.rows = [self._row(participant) for participant in self.participants]

    def _cell(self, participant: Participant, ci: CampaignInstrument) -> Cell:
        key = (participant.pk, ci.pk)
        kind = ci.instrument.kind
        if kind == InstrumentKind.SELF_ASSESSMENT:
            response = self.responses.get(key)
            if response is None:
                return Cell(ci, NOT_STARTED, "не начато", False, True)
            if response["submitted_at"] is None:
                saved = timezone.localtime(response["saved_at"])
                return Cell(ci, DRAFT, f"черновик от {saved:%d.%m.%Y}", False, True)
            return Cell(ci, SUBMITTED, "отправлено", True, True)
        if kind == InstrumentKind.KNOWLEDGE_TEST:
            attempt = self.attempts.get(key)
            if attempt is None:
                return Cell(ci, NOT_STARTED, "не начато", False, True)
            if attempt["submitted_at"] is None:
                late = attempt["deadline_at"] < timezone.now()
                label = "время истекло, не отправлен" if late else "черновик: тест идёт"
                return Cell(ci, DRAFT, label, False, True, attempt_id=attempt["id"])
            counts = attempt["score_by_competency"].values()
            correct = sum(pair[0] for pair in counts)
            asked = sum(pair[1] for pair in counts)
            return Cell(
                ci, SUBMITTED, f"отправлено: {correct} из {asked}", True, True, attempt["id"]
            )
        if kind == InstrumentKind.FEEDBACK_360:
            invited, answered = self.invited[key], self.answered[key]
            if not invited and not answered:
                return Cell(ci, NOT_STARTED, "не начато: коллеги не приглашены", False, True)
            label = f"ответов {answered}, приглашено {invited}"
            if answered >= FEEDBACK_MIN_GROUP:
                return Cell(ci, SUBMITTED, label, True, True)
            return Cell(ci, DRAFT, f"{label} (нужно не меньше {FEEDBACK_MIN_GROUP})", False, True)
        if kind in WRITTEN_KINDS and (self.works.get(key) or {}).get("submitted_at") is None:
            work = self.works.get(key)
            label = "ожидает работы кандидата"
            if work is not None:
                label += f": черновик от {timezone.localtime(work['saved_at']):%d.%m.%Y}"
            if not self.assignments.get(key):
                label += "; эксперты не назначены"
            return Cell(ci, DRAFT if work else NOT_STARTED, label, False, True)
        if kind in EXPERT_KINDS:
            assigned = self.assignments.get(key, [])
            submitted = sum(1 for a in assigned if a.submitted_at)
            needed = max(len(assigned), MIN_EXPERTS)
            label = f"оценено экспертами {submitted} из {needed}"
            if not assigned:
                return Cell(ci, NOT_STARTED, "эксперты не назначены", False, False)
            done = submitted >= MIN_EXPERTS and submitted == len(assigned)
            state = SUBMITTED if done else (DRAFT if submitted else NOT_STARTED)
            return Cell(ci, state, label, done, False)
        return Cell(ci, NOT_STARTED, "не начато", False, True)

    def _row(self, participant: Participant) -> Row:
        return Row(participant, [self._cell(participant, ci) for ci in self.instruments])

    def experts_pending(self) -> list[tuple]:
        """Return (expert, number of unsubmitted assignments) for the experts still rating."""
        counts: Counter = Counter()
        experts = {}
        for assignments in self.assignments.values():
            for assignment in assignments:
                if assignment.submitted_at is None:
                    counts[assignment.expert_id] += 1
                    experts[assignment.expert_id] = assignment.expert
        return [(experts[pk], count) for pk, count in counts.items()]

    def summary(self) -> dict[str, int]:
        """Return how many participants finished everything and how many did not."""
        finished = sum(1 for row in self.rows if row.is_finished)
        return {"finished": finished, "unfinished": len(self.rows) - finished}
