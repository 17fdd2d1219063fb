"""Panels that later stages add to the cards of 我的申请书, without workflow importing them.

A stage registers a function (in its AppConfig.ready) that takes the applications shown and
returns, per application id, the panels to show: dicts with a `template` to include and what it
reads. It should read all applications at once (a constant number of queries).
"""

from collections.abc import Callable

from core.caching.pages import Expression
from workflow.models import Application

Panels = Callable[[list[Application]], dict[int, list[dict]]]
CARD_PANELS: list[Panels] = []
# What each stage's panels read, for the page cache (core.caching.pages): given fixed SQL
# selecting the ids of the applications shown (or more) and its one parameter, scalar SQL that
# changes whenever the panels' rows do.
Stamps = Callable[[str, object], list[Expression]]
CARD_STAMPS: list[Stamps] = []


def card_panels(applications: list[Application]) -> dict[int, list[dict]]:
    panels: dict[int, list[dict]] = {a.pk: [] for a in applications}
    for source in CARD_PANELS:
        for pk, found in source(applications).items():
            panels[pk].extend(found)
    return panels


def card_stamps(ids: str, value: object) -> list[Expression]:
    return [stamp for source in CARD_STAMPS for stamp in source(ids, value)]
