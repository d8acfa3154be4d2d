"""Extension points where later stages add to the selection stage's pages.

The selection stage must not import the stages to its right, yet the commission decides with the
assessment result in view. So a later stage registers a provider here from its AppConfig.ready(),
and the selection stage's pages ask the providers, never the later stage itself.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ImproperlyConfigured
from django.utils.safestring import SafeString

# Takes nomination ids, returns {nomination_id: ready-to-show HTML} for those it knows about.
NominationPanelProvider = Callable[[list[int]], dict[int, SafeString]]

_agenda_panel_providers: list[NominationPanelProvider] = []


def register_agenda_panel_provider(provider: NominationPanelProvider) -> None:
    """Add a provider of panels shown under each nomination on a commission's agenda."""
    if provider not in _agenda_panel_providers:
        _agenda_panel_providers.append(provider)


def agenda_panels(nomination_ids: Iterable[int]) -> dict[int, list[SafeString]]:
    """Return the panels every registered provider offers for each nomination."""
    ids = [pk for pk in nomination_ids if pk is not None]
    panels: dict[int, list[SafeString]] = {pk: [] for pk in ids}
    if not ids:
        return panels
    for provider in _agenda_panel_providers:
        for nomination_id, html in provider(ids).items():
            panels.setdefault(nomination_id, []).append(html)
    return panels


@dataclass(frozen=True)
class AssessmentVerdict:
    """What the assessment stage says about a nomination before the commission sees it."""

    finished: bool  # a result of a finished assessment exists
    total: Decimal | None
    summary: str  # «итоговый балл 72,5 из 100 (кампания «…»)» — for staff and the protocol
    deficits: tuple[str, ...]  # refusal reasons taken from the result, to be picked, not typed

    def below(self, threshold: int) -> bool:
        return self.total is not None and self.total < threshold


# Takes nomination ids and the pass mark; returns {nomination_id: verdict} for those assessed.
AssessmentVerdictProvider = Callable[[list[int], int], dict[int, AssessmentVerdict]]

_verdict_providers: list[AssessmentVerdictProvider] = []


def register_assessment_verdict_provider(provider: AssessmentVerdictProvider) -> None:
    """Set the provider of assessment verdicts (the assessment stage, from its ready())."""
    if provider not in _verdict_providers:
        _verdict_providers.append(provider)


def assessment_verdicts(
    nomination_ids: Iterable[int], threshold: int
) -> dict[int, AssessmentVerdict]:
    """Return each nomination's verdict; nominations never assessed get an unfinished one.

    Raise ImproperlyConfigured when no stage provides verdicts: the pass mark must never be
    skipped silently because a stage is missing.
    """
    if not _verdict_providers:
        raise ImproperlyConfigured(
            "Нет поставщика результатов оценки: приложение assessment не зарегистрировало "
            "register_assessment_verdict_provider."
        )
    ids = [pk for pk in nomination_ids if pk is not None]
    verdicts = dict.fromkeys(ids, NOT_ASSESSED)
    for provider in _verdict_providers:
        verdicts.update(provider(ids, threshold))
    return verdicts


NOT_ASSESSED = AssessmentVerdict(
    finished=False, total=None, summary="комплексная оценка не завершена", deficits=()
)


def assessment_deficits(nomination_id: int | None, threshold: int) -> tuple[str, ...]:
    """Return the refusal grounds the nomination's result offers; none for an extension."""
    if nomination_id is None:
        return ()
    return assessment_verdicts([nomination_id], threshold)[nomination_id].deficits


@dataclass(frozen=True)
class AssessmentEnrolment:
    """What the assessment stage offers when staff send a nomination «на оценку».

    `campaigns()` lists the campaigns the nomination may join, as (id, label); `enrol` adds it
    to one of them inside the caller's transaction, or raises ValidationError saying why not;
    `campaigns_url` is where staff create a campaign when none is open.
    """

    campaigns: Callable[[], list[tuple[int, str]]]
    enrol: Callable[..., str]
    campaigns_url: Callable[[], str]


_assessment_enrolment: list[AssessmentEnrolment] = []


def register_assessment_enrolment(enrolment: AssessmentEnrolment) -> None:
    """Set how a nomination sent «на оценку» joins a campaign (the assessment stage's ready())."""
    _assessment_enrolment[:] = [enrolment]


def assessment_enrolment() -> AssessmentEnrolment:
    """Return the registered enrolment; the assessment stage is always installed, so a missing
    one is an error of the wiring, never a silently skipped step."""
    if not _assessment_enrolment:
        raise ImproperlyConfigured(
            "Нет способа записать на оценку: приложение assessment не зарегистрировало "
            "register_assessment_enrolment."
        )
    return _assessment_enrolment[0]
