"""Extension points where later stages add to the development stage's pages.

The programme describes the induction stage after appointment, which the appointment stage
(onboarding) runs; development must not import it. So onboarding registers a provider here from
its AppConfig.ready(), and the programme's page asks the providers for the links the viewer may
follow.
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class StageLink:
    """A link into a later stage's page, with the words the programme shows for it."""

    label: str
    url: str


# Takes the signed-in user, returns the links into the induction stage's pages they may open.
InductionLinksProvider = Callable[[object], list[StageLink]]

_induction_links_providers: list[InductionLinksProvider] = []


def register_induction_links_provider(provider: InductionLinksProvider) -> None:
    """Add a provider of links to the induction stage's pages (the appointment stage)."""
    if provider not in _induction_links_providers:
        _induction_links_providers.append(provider)


def induction_links(user) -> list[StageLink]:
    """Return the links every registered provider offers the user, in their order."""
    return [link for provider in _induction_links_providers for link in provider(user)]
