"""The commission's decision rule: a majority of the votes cast, and what a tie means.

The tie rule is the Regulation's parameter (commission_tie_rule): with «chair_decides» the
presiding member's vote decides a tie of «за» and «против»; with «not_adopted» a tie rejects.
"""

from dataclasses import dataclass

from candidates.models import CommissionRole, VoteChoice

# Who presides: the chair, in the chair's absence the deputy chair.
PRESIDING_ROLES = (CommissionRole.CHAIR, CommissionRole.DEPUTY_CHAIR)


@dataclass(frozen=True)
class Outcome:
    adopted: bool
    tie_broken: bool  # the presiding member's vote decided a tie


def presiding_choice(cast: list[tuple[str, str]]) -> str:
    """Return the vote of whoever presides among (choice, role) pairs; "" when none voted."""
    for role in PRESIDING_ROLES:
        for choice, member_role in cast:
            if member_role == role:
                return choice
    return ""


def vote_outcome(
    *, votes_for: int, votes_against: int, cast: int, presiding_choice: str, tie_rule: str
) -> Outcome:
    """Return whether the proposal is adopted by the votes cast under the tie rule."""
    if votes_for * 2 > cast:
        return Outcome(adopted=True, tie_broken=False)
    if votes_for == votes_against and votes_for > 0 and tie_rule == "chair_decides":
        return Outcome(adopted=presiding_choice == VoteChoice.FOR, tie_broken=True)
    return Outcome(adopted=False, tie_broken=False)
