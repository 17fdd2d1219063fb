"""What a printed document says, read from the application: plain strings only, so that the
same data always hashes to the same key (printing.documents) and renders the same PDF.

The layout is driven by the application's pinned section forms: each section prints its
scalar properties as label/value cells in the schema's order, each array of objects as a
table (one row per item, the header repeated on every page it spans), and its attachments.
"""

from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any

from django.utils import timezone

from core.identity.validators import mask_id_card_number
from core.models import Role
from tenants.crossing import current_region
from workflow.history import HistoryRow, history_rows
from workflow.models import Application, NodeKind
from workflow.sections import SectionState, section_states
from workflow.transitions import UNIT_SECTION

# A string value this long, or a property allowing more than WIDE_MAX_LENGTH characters, takes
# a whole line of the form rather than half of it.
WIDE_VALUE_CHARS = 24
WIDE_MAX_LENGTH = 100
YES, NO = "是", "否"


@dataclass
class Cell:
    label: str
    value: str
    wide: bool = False


@dataclass
class Table:
    label: str
    columns: list[str]
    rows: list[list[str]]


@dataclass
class Section:
    key: str
    number: int
    title: str
    filled_by: str
    cells: list[Cell] = field(default_factory=list)
    # The cells as the form lays them out: two to a line, a wide one alone.
    grid: list[list[Cell]] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    attachments: list[str] = field(default_factory=list)


@dataclass
class Step:
    """One decision of the latest round of review, as the form prints it."""

    at: str
    organization: str
    actor: str
    action: str
    opinion: str
    node_kind: str


def _date(moment: datetime | None) -> str:
    return timezone.localtime(moment).strftime("%Y-%m-%d") if moment else ""


def value_text(value: Any) -> str:
    """A section value as printed: 是/否, whole numbers without ".0", lists joined."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return YES if value else NO
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, list):
        return "、".join(value_text(item) for item in value)
    if isinstance(value, dict):
        return "；".join(f"{key}：{value_text(item)}" for key, item in value.items())
    return str(value)


def _is_table(prop: dict) -> bool:
    items = prop.get("items")
    return prop.get("type") == "array" and isinstance(items, dict) and items.get("type") == "object"


def _title(name: str, prop: dict) -> str:
    return str(prop.get("title") or name)


def section_content(number: int, state: SectionState) -> Section:
    section = Section(key=state.key, number=number, title=state.title, filled_by=state.filled_by)
    properties: dict[str, dict] = state.schema.get("properties") or {}
    for name, prop in properties.items():
        value = state.data.get(name)
        if _is_table(prop):
            columns = prop["items"].get("properties") or {}
            section.tables.append(
                Table(
                    label=_title(name, prop),
                    columns=[_title(key, column) for key, column in columns.items()],
                    rows=[
                        [value_text(item.get(key)) for key in columns]
                        for item in (value or [])
                        if isinstance(item, dict)
                    ],
                )
            )
            continue
        text = value_text(value)
        wide = (prop.get("maxLength") or 0) > WIDE_MAX_LENGTH or len(text) > WIDE_VALUE_CHARS
        section.cells.append(Cell(label=_title(name, prop), value=text, wide=wide))
    section.grid = _grid(section.cells)
    section.attachments = [attachment.name for attachment in state.attachments]
    return section


def _grid(cells: list[Cell]) -> list[list[Cell]]:
    lines: list[list[Cell]] = []
    for cell in cells:
        if cell.wide:
            lines.append([cell])
        elif lines and len(lines[-1]) == 1 and not lines[-1][0].wide:
            lines[-1].append(cell)
        else:
            lines.append([cell])
    return lines


def _latest_round(rows: list[HistoryRow]) -> list[HistoryRow]:
    """The decisions since the last submission (earlier rounds were returned)."""
    start = max((i for i, row in enumerate(rows) if row.action == "submit"), default=-1)
    return [row for row in rows[start + 1 :] if row.action != "submit"]


def _step(row: HistoryRow) -> Step:
    return Step(
        at=_date(row.at),
        organization=row.organization,
        actor=row.actor,
        action=row.action_label,
        opinion=row.opinion,
        node_kind=row.from_node_kind,
    )


def _header(application: Application) -> dict[str, str]:
    qualification = application.qualification
    region = current_region()
    applicant = application.applicant
    return {
        "number": application.number,
        "year": str(application.year),
        "region": region.local_name,
        "region_full": region.local_full_name or region.local_name,
        "series": qualification.specialty.series.name,
        "specialty": qualification.specialty.name,
        "level": str(qualification.get_level_display()),
        "qualification": qualification.name,
        "label": f"[{region.local_name}]{qualification.label}",
        "committee": application.offering.committee.name,
        "unit": application.unit.name,
        "applicant": applicant.display_name,
        "id_card_number": applicant.id_card_number or "",
        "id_card_masked": mask_id_card_number(applicant.id_card_number or ""),
        "phone": applicant.phone if applicant.role == Role.APPLICANT else "",
        "form_title": application.form.title,
        "form_version": f"{application.form.key} v{application.form.version}",
    }


def review_form_content(application: Application) -> dict[str, Any]:
    """评审表: the header, every section of the pinned form with its data, the decisions of
    the latest round, and what the boxes of the later opinions are pre-filled with."""
    states = section_states(application)
    sections = [section_content(i, state) for i, state in enumerate(states, start=1)]
    # The decisions of the latest round fill the boxes of the opinions.
    steps = [_step(row) for row in _latest_round(history_rows(application))]
    recommended = next((s for s in reversed(steps) if s.node_kind == NodeKind.BASE_UNIT), None)
    forwarded = [
        s
        for s in steps
        if s.node_kind in (NodeKind.RECOMMENDING_UNIT, NodeKind.AUTHORITY)
        and s.action
        and s.organization
    ]
    passed = next((s for s in reversed(steps) if s.node_kind == NodeKind.COMMITTEE), None)
    recommendation = next((s for s in states if s.key == UNIT_SECTION), None)
    return {
        "header": _header(application),
        "sections": [asdict(s) for s in sections if s.key != UNIT_SECTION],
        "recommendation": {
            "number": next((s.number for s in sections if s.key == UNIT_SECTION), len(sections)),
            "data": {
                key: value_text(value)
                for key, value in (recommendation.data if recommendation else {}).items()
            },
            "unit": application.unit.name,
            "at": recommended.at if recommended else "",
        },
        "forwarded": [asdict(s) for s in forwarded],
        "formal_review": asdict(passed) if passed else None,
    }


def material_bag_content(application: Application) -> dict[str, Any]:
    """职称材料袋基本信息: who and what, and the attached materials per section with counts."""
    states = section_states(application)
    rows = [
        {
            "number": i,
            "title": s.title,
            "count": len(s.attachments),
            "names": [a.name for a in s.attachments],
        }
        for i, s in enumerate(states, start=1)
    ]
    return {
        "header": _header(application),
        "materials": rows,
        "total": sum(row["count"] for row in rows),
    }
