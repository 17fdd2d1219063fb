"""Which copy an application prints: a test copy until its formal review passed, the official
copy after (DESIGN.md §3; manual Part 1 §3 note 8).

"Formal review passed" is read from the transition table, not typed again here: the states an
application reaches once `pass_formal_review` has fired, and never before it. A row added later
(the meeting, publicity, approval, certificate) extends the set by itself.
"""

from collections.abc import Iterable

from workflow.states import Status
from workflow.transitions import TABLE, Transition

PASSING_ACTION = "pass_formal_review"


def _reachable(start: Iterable[str], rows: Iterable[Transition]) -> frozenset[str]:
    rows = list(rows)
    seen = set(start)
    frontier = list(seen)
    while frontier:
        state = frontier.pop()
        for row in rows:
            if state in row.sources and row.target not in seen:
                seen.add(row.target)
                frontier.append(row.target)
    return frozenset(seen)


def official_statuses(table: dict[str, Transition] = TABLE) -> frozenset[str]:
    """The states past formal review: reached from its target, not reachable without it."""
    before = _reachable({Status.DRAFT}, (t for a, t in table.items() if a != PASSING_ACTION))
    after = _reachable({table[PASSING_ACTION].target}, table.values())
    return after - before


OFFICIAL_STATUSES = official_statuses()


def is_official(status: str) -> bool:
    return status in OFFICIAL_STATUSES
