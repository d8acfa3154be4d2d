"""A sign-in for someone in the running autumn campaign, whose instruments are all still open.

The demo candidate (`candidate`) is a reservist: her assessment is finished. To try answering a
self-assessment, the test or the case, sign in as this applicant of the autumn wave.
"""

from accounts.models import User
from accounts.services import user_set_password
from audit.models import AuditSource
from demo.selection.roster import ROSTER, email_of

# Nothing of his is answered in the autumn wave (see autumn.py: the answers go to others).
APPLICANT = next(person for person in ROSTER if person.last_name == "Бурлаков")
# (username, password, who), printed at the end of seed_demo and listed in the README.
DEMO_LOGINS = [
    (
        email_of(APPLICANT),
        "rezerv-applicant-2026",
        "Кандидат в оценке (самооценка, тест и кейс открыты)",
    )
]


def give_applicant_a_login() -> None:
    """Let the applicant sign in with the demo password printed at the end of seed_demo."""
    username, password, _ = DEMO_LOGINS[0]
    user = User.objects.get(username=username)
    user_set_password(user=user, password=password, actor=None, source=AuditSource.COMMAND)
