"""Server-rendered SVG bar charts (no script, no build step): geometry computed here, the
template draws the rectangles, each one a link to the list behind it."""

from dataclasses import dataclass

WIDTH = 360  # the viewBox; the SVG scales to its container (390 px phones included)
BAR = 22
GAP = 6
LABEL = 120  # horizontal bars: room for the label on the left


@dataclass
class Bar:
    label: str
    value: int | float
    link: str
    x: float
    y: float
    width: float
    height: float
    text_x: float
    text_y: float


@dataclass
class Chart:
    bars: list[Bar]
    width: int
    height: int
    title: str


def horizontal(title: str, items: list[tuple[str, int | float, str]]) -> Chart:
    """One bar per (label, value, link), longest value full width."""
    peak = max((v for _l, v, _k in items), default=0) or 1
    room = WIDTH - LABEL - 40
    bars = []
    for i, (label, value, link) in enumerate(items):
        y = i * (BAR + GAP)
        width = max(room * value / peak, 1 if value else 0)
        bars.append(
            Bar(label, value, link, LABEL, y, round(width, 1), BAR, LABEL + width + 4, y + 15)
        )
    return Chart(bars, WIDTH, max(len(items) * (BAR + GAP), BAR), title)


def vertical(title: str, items: list[tuple[str, int, str]], height: int = 140) -> Chart:
    """Columns over time (a week each), labels under them."""
    peak = max((v for _l, v, _k in items), default=0) or 1
    step = WIDTH / max(len(items), 1)
    room = height - 36
    bars = []
    for i, (label, value, link) in enumerate(items):
        column = room * value / peak
        x = i * step + 2
        bars.append(
            Bar(
                label,
                value,
                link,
                round(x, 1),
                round(16 + room - column, 1),
                round(step - 4, 1),
                round(column, 1),
                round(x + (step - 4) / 2, 1),
                height - 4,
            )
        )
    return Chart(bars, WIDTH, height, title)
