"""What the staff nomination page shows of the checks admission and refusal rest on."""

from candidates import access
from candidates.extensions import assessment_verdicts
from candidates.forms_staff import MunicipalDecisionForm, NameFormsForm, RefusalGroundsForm
from candidates.models import Nomination, NominationStatus
from candidates.services.nominations import NEEDS_AGREEMENT
from candidates.services.verification import VERIFIABLE
from governance.regulation import Regulation


def review_checks_context(user, nomination: Nomination, regulation: Regulation) -> dict:
    """Return the municipality's согласование, the verdict of the assessment and the forms."""
    candidate = nomination.candidate
    context: dict = {
        "can_verify": nomination.status in VERIFIABLE,
        "municipal": regulation.municipal_approval and nomination.source in NEEDS_AGREEMENT,
        "municipal_form": None,
        "verdict": None,
        "refusal_form": None,
        "name_form": None,
    }
    if (
        context["municipal"]
        and not nomination.municipal_decision
        and nomination.status == NominationStatus.SUBMITTED
        and access.can_agree_nomination(user, nomination)
    ):
        context["municipal_form"] = MunicipalDecisionForm()
    if nomination.status == NominationStatus.COMMISSION_REVIEW:
        verdict = assessment_verdicts([nomination.pk], regulation.pass_threshold)[nomination.pk]
        context["verdict"] = verdict
        if verdict.below(regulation.pass_threshold) and access.can_review_nomination(
            user, nomination
        ):
            context["refusal_form"] = RefusalGroundsForm(deficits=verdict.deficits)
    if access.can_change_candidate_profile(user):
        context["name_form"] = NameFormsForm(
            initial={
                "gender": candidate.gender,
                "name_genitive": candidate.name_in("genitive"),
                "name_dative": candidate.name_in("dative"),
                "name_accusative": candidate.name_in("accusative"),
                "name_instrumental": candidate.name_in("instrumental"),
            }
        )
    return context
