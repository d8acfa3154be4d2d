"""The induction stage's pages the programme links to, each offered only to whoever may open it."""

from django.urls import reverse

from development.extensions import StageLink
from onboarding import access


def induction_links_for(user) -> list[StageLink]:
    """Return links to the induction templates, the new heads' plans or one's own plan."""
    links = []
    if access.can_edit_induction_templates(user):
        links.append(
            StageLink(
                "Шаблоны плана введения в должность", reverse("onboarding:induction_templates")
            )
        )
    if access.can_view_vacancies(user) or access.can_view_mentored_inductions(user):
        links.append(StageLink("Планы введения в должность", reverse("onboarding:induction_list")))
    if access.can_view_own_offers(user):
        links.append(StageLink("Мой план введения в должность", reverse("onboarding:my_induction")))
    return links
