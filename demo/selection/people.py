"""The roster walked through the selection services as coordinators, candidates and the ministry.

Everything goes through the services, so the status history, documents, eligibility checks and
the audit log are the ones of real use; afterwards only the timestamps are moved back to the days
the story puts them on.
"""

import datetime
import random
from dataclasses import dataclass

from accounts.models import Role, User
from audit.models import AuditSource
from candidates.models import (
    Candidate,
    Document,
    EligibilityCheck,
    Nomination,
    NominationSource,
    StatusChange,
)
from candidates.services.documents import document_mark_checked
from candidates.services.eligibility import eligibility_evaluate, eligibility_override
from candidates.services.nominations import nomination_create, nomination_transition
from candidates.services.profiles import candidate_nominate, candidate_register
from candidates.services.records import application_document_delete
from candidates.services.verification import work_record_verify
from demo.builders import DAY, Stamps, candidates_workplaces, ministry_user, moment
from demo.selection.application import application_fill, upload
from demo.selection.roster import (
    AUTUMN_WAVE_STARTED_DAYS_AGO,
    ROSTER,
    STORIES,
    SUMMER_WAVE_STARTED_DAYS_AGO,
    DemoCandidate,
    S,
    email_of,
)
from governance.consent import consent_give
from governance.models import ConsentPurpose, ConsentRecord
from registry.models import Municipality, Organization, PositionKind

# Mobile operators' codes common in the Orenburg region.
MOBILE_CODES = ("922", "932", "987", "961", "903", "912")
# Nominated by a coordinator where the demo has one, by the ministry elsewhere; one applied alone.
SELF_NOMINATED = {"Ершов", "Шевченко"}  # Шевченко waits for the coordinator's согласование
COORDINATORS = {"город Оренбург": "coordinator", "город Орск": "coordinator-orsk"}
# The attestation commission's protocol recommending an exception (761н, разд. I, п. 9).
ATTESTATION_PROTOCOL = "АК-14"

MOTIVATIONS = [
    "Рекомендован(а) руководителем организации: успешно руководит методической работой, "
    "готов(а) к управленческой должности.",
    "Высокие результаты работы, опыт руководства проектами школы, лидер педагогического "
    "коллектива.",
    "Замещает руководителя в период отпусков; организовал(а) переход на обновлённые ФГОС.",
    "Победитель муниципального конкурса «Учитель года», руководит методическим объединением.",
]


@dataclass
class Staff:
    ministry: User
    coordinators: dict[str, User]


def _staff() -> Staff | None:
    ministry = ministry_user()
    if ministry is None:
        return None
    coordinators = {
        municipality: user
        for municipality, username in COORDINATORS.items()
        if (user := User.objects.filter(username=username, role=Role.MUNICIPAL).first())
    }
    return Staff(ministry=ministry, coordinators=coordinators)


def _workplaces(
    person: DemoCandidate,
    rng: random.Random,
    municipality: Municipality,
    taken: set[int],
) -> tuple[Organization | None, str]:
    """Return the person's organization from the registry and the name of a former one."""
    kind = {
        "head-preschool": "preschool",
        "deputy-preschool": "preschool",
        "director-additional": "additional",
        "director-vocational": "vocational",
        "deputy-vocational": "vocational",
    }.get(person.target, "general")
    organizations = list(
        Organization.objects.filter(municipality=municipality, is_active=True)
        .exclude(pk__in=taken)
        .order_by("inn")
    )
    # The first few by INN host the development stage's reservists and internships.
    pool = [o for o in organizations[5:] if o.kind == kind] or organizations
    organization = rng.choice(pool) if pool else None
    others = [o for o in organizations if o.kind == (organization.kind if organization else kind)]
    former = rng.choice(others) if others else organization
    if organization is not None:
        taken.add(organization.pk)
    return organization, former.short_name if former else "МОБУ «СОШ № 1»"


def _open_nomination(
    person: DemoCandidate,
    *,
    staff: Staff,
    profile: dict,
    position: PositionKind,
    email: str,
    rng: random.Random,
) -> Nomination:
    if person.last_name in SELF_NOMINATED:
        candidate = candidate_register(email=email, password=None, profile=profile)
        return nomination_create(
            candidate=candidate,
            position_kind=position,
            municipality=candidate.municipality,
            source=NominationSource.SELF,
            actor=candidate.user,
            motivation="Хочу развиваться как руководитель: восемь лет веду методическую работу "
            f"и {'готова' if person.middle_name.endswith('вна') else 'готов'} к новой "
            "ответственности.",
        )
    coordinator = staff.coordinators.get(person.municipality)
    if coordinator is None:
        # Drawn as before, to keep the rest of the demo as it was: where the demo has no
        # coordinator, a head's nomination would wait for a согласование nobody gives, so the
        # municipal authority's nomination comes through the ministry.
        rng.random()
    return candidate_nominate(
        actor=coordinator or staff.ministry,
        email=email,
        profile=profile,
        position_kind=position,
        source=NominationSource.MUNICIPAL_AUTHORITY,
        motivation=rng.choice(MOTIVATIONS),
        audit_source=AuditSource.COMMAND,
    )


def _review(
    nomination: Nomination,
    person: DemoCandidate,
    *,
    staff: Staff,
    today: datetime.date,
    documents: list[Document],
    moments: list[datetime.datetime],
    stamps: Stamps,
) -> None:
    """Walk the nomination through its story's statuses, as the candidate and the ministry do."""
    user = nomination.candidate.user
    ministry = staff.ministry
    wave_start = {
        "summer": today - SUMMER_WAVE_STARTED_DAYS_AGO * DAY,
        "autumn": today - AUTUMN_WAVE_STARTED_DAYS_AGO * DAY,
    }.get(person.wave)
    day = today - person.age_days * DAY
    for position, status in enumerate(STORIES[person.story]):
        actor = user if status == S.SUBMITTED else ministry
        reason = ""
        if status == S.SUBMITTED:
            day += (6 if position == 0 else 5) * DAY
        elif status == S.DOCUMENT_CHECK:
            day += 2 * DAY if position == 1 else DAY
        elif status == S.ASSESSMENT:
            day = wave_start or day + 3 * DAY
        else:
            day += 4 * DAY
        if status == S.DOCUMENT_CHECK:
            check = eligibility_evaluate(nomination=nomination, actor=ministry, today=day)
            stamps.add(EligibilityCheck, check.pk, evaluated_at=moment(day, 11, 30))
        if status in (S.RETURNED, S.NOT_ADMITTED):
            reason = person.note  # what the candidate reads in their account
        if status == S.ADMITTED:
            check = nomination.eligibility_checks.order_by("-evaluated_at", "-id").first()
            if person.story == "override":
                eligibility_override(
                    check=check,
                    actor=ministry,
                    reason=person.note,
                    recommendation_number=ATTESTATION_PROTOCOL,
                    recommendation_date=day - 3 * DAY,
                )
                stamps.add(EligibilityCheck, check.pk, override_at=moment(day - DAY, 15, 10))
            # The service periods are checked against the трудовая книжка (СТД-Р).
            for record in nomination.candidate.work_records.all():
                work_record_verify(nomination=nomination, record=record, actor=ministry)
            for document in documents:
                if not document.is_checked:
                    document_mark_checked(document=document, actor=ministry)
                    document.is_checked = True
                    stamps.add(Document, document.pk, checked_at=moment(day - DAY, 14, 0))
        if status == S.SUBMITTED and position > 0:
            # Back from revision: the right recommendation replaces the wrong one.
            wrong = nomination.documents.get(kind="recommendation")
            application_document_delete(nomination=nomination, document=wrong, actor=user)
            documents[:] = [d for d in documents if d.pk != wrong.pk]
            replaced = upload(
                nomination,
                "recommendation",
                "Представление директора.pdf",
                "Predstavlenie rukovoditelya",
                user,
                extra="Podpisano direktorom",
            )
            documents.append(replaced)
            stamps.add(Document, replaced.pk, uploaded_at=moment(day - DAY, 19, 40))
        nomination = nomination_transition(
            nomination=nomination,
            to_status=status,
            actor=actor,
            reason=reason,
            source=AuditSource.COMMAND,
        )
        moments.append(moment(day, 9 + position % 8, 5 * (position * 7 % 12)))
    if person.story in ("document_check", "resubmitted"):
        # The specialist has started checking the documents.
        for document in documents[:3]:
            if not document.is_checked:
                document_mark_checked(document=document, actor=ministry)
                stamps.add(Document, document.pk, checked_at=moment(day, 16, 20))


def seed_people(*, rng: random.Random, today: datetime.date) -> list[str]:
    """Nominate the roster and walk each application to where its story ends."""
    staff = _staff()
    if staff is None:
        return ["Кандидаты не созданы: нет специалиста министерства."]
    existing = set(Candidate.objects.values_list("email", flat=True))
    municipalities = {m.name: m for m in Municipality.objects.all()}
    positions = {p.code: p for p in PositionKind.objects.all()}
    taken = candidates_workplaces()
    stamps = Stamps()
    created = 0
    for person in ROSTER:
        email = email_of(person)
        if email in existing:
            continue
        municipality = municipalities[person.municipality]
        organization, former = _workplaces(person, rng, municipality, taken)
        profile = {
            "last_name": person.last_name,
            "first_name": person.first_name,
            "middle_name": person.middle_name,
            "birth_date": datetime.date(
                today.year - rng.randint(29, 47), rng.randint(1, 12), rng.randint(1, 28)
            ),
            "phone": f"+7 ({rng.choice(MOBILE_CODES)}) {rng.randint(100, 999)}-"
            f"{rng.randint(10, 99)}-{rng.randint(10, 99)}",
            "municipality": municipality,
            "organization": organization,
            "position": person.post,
        }
        if person.story == "draft_empty":
            profile["phone"] = ""
        nomination = _open_nomination(
            person,
            staff=staff,
            profile=profile,
            position=positions[person.target],
            email=email,
            rng=rng,
        )
        opened = today - person.age_days * DAY
        moments = [moment(opened, 10, rng.randint(0, 59))]
        created += 1
        if person.story == "draft_empty":
            _restamp(nomination, moments, stamps)
            continue
        user = nomination.candidate.user
        record = consent_give(user=user, purpose=ConsentPurpose.PERSONAL_DATA)
        stamps.add(ConsentRecord, record.pk, given_at=moment(opened + DAY, 19, rng.randint(0, 59)))
        documents = application_fill(nomination, person, rng, today, former)
        for document in documents:
            stamps.add(
                Document, document.pk, uploaded_at=moment(opened + DAY, 20, rng.randint(0, 59))
            )
        _review(
            nomination,
            person,
            staff=staff,
            today=today,
            documents=documents,
            moments=moments,
            stamps=stamps,
        )
        _restamp(nomination, moments, stamps)
    stamps.apply()
    return [f"Кандидатов с заявками: {created} (всего в сценарии {len(ROSTER)})."]


def people_have_data() -> bool:
    """Return whether the roster's people are there."""
    return Candidate.objects.filter(email__in=[email_of(person) for person in ROSTER]).exists()


def _restamp(nomination: Nomination, moments: list[datetime.datetime], stamps: Stamps) -> None:
    """Put the nomination's history on the story's days: one moment per status change."""
    changes = list(nomination.status_changes.order_by("id").values_list("pk", "to_status"))
    submitted = None
    for (pk, to_status), when in zip(changes, moments, strict=True):
        stamps.add(StatusChange, pk, created_at=when)
        submitted = when if to_status == S.SUBMITTED else submitted
    stamps.add(
        Nomination,
        nomination.pk,
        created_at=moments[0],
        status_changed_at=moments[-1],
        submitted_at=submitted,
    )
