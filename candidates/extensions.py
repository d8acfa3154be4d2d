"""Extension points where later stages add to the selection stage's pages.

The selection stage must not import the stages to its right, yet the commission decides with the
assessment result in view. So a later stage registers a provider here from its AppConfig.ready(),
and the selection stage's pages ask the providers, never the later stage itself.
"""

from collections.abc import Callable, Iterable

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
