"""Reads of a region's set-up, shaped for pages and the API with a constant number of queries."""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import QuerySet
from django.utils import timezone

from core.models import Authority, Series
from workflow.models import Application, Committee, Flow, NodeKind, Notice, Offering


@dataclass(frozen=True)
class NodeView:
    kind: str
    label: str
    contact_name: str = ""
    contact_phone: str = ""


def offerings_for(
    *, year: int | None = None, open_only: bool = False, moment: datetime | None = None
) -> QuerySet[Offering]:
    queryset = Offering.objects.select_related(
        "committee", "flow", "qualification__specialty__series"
    )
    if year:
        queryset = queryset.filter(year=year)
    if open_only:
        queryset = queryset.open_at(moment or timezone.now())
    return queryset.order_by("closes_at", "pk")


def _node_views(items: list[tuple[object, Flow, Committee]]) -> dict[object, list[NodeView]]:
    """Nodes with names and contacts (manual (4): 鼠标移动到节点看联系方式) for each
    (key, flow, committee), in one query for all the authorities they name."""
    authority_ids = {
        node.get("authority_id")
        for _key, flow, _committee in items
        for node in flow.nodes
        if node.get("kind") == NodeKind.AUTHORITY
    }
    authorities = Authority.objects.in_bulk([pk for pk in authority_ids if pk])
    return {
        key: [_node_view(node, committee, authorities) for node in flow.nodes]
        for key, flow, committee in items
    }


def flow_views(offerings: list[Offering]) -> dict[int, list[NodeView]]:
    """Each offering's flow, keyed by flow id."""
    return _node_views([(o.flow_id, o.flow, o.committee) for o in offerings])


def _node_view(node: dict, committee: Committee, authorities: dict[int, Authority]) -> NodeView:
    kind = node["kind"]
    if kind == NodeKind.AUTHORITY:
        authority = authorities.get(node.get("authority_id"))
        if authority is None:
            return NodeView(kind, node.get("name", ""))
        return NodeView(kind, authority.name, authority.contact_name, authority.contact_phone)
    if kind == NodeKind.COMMITTEE:
        first = (committee.contacts or [{}])[0]
        return NodeView(kind, committee.local_name, first.get("name", ""), first.get("phone", ""))
    return NodeView(kind, str(NodeKind(kind).label))


def flow_view(flow: Flow, committee: Committee) -> list[NodeView]:
    return _node_views([(None, flow, committee)])[None]


def committees_directory() -> tuple[list[Committee], dict[str, Series]]:
    """Active committees and the series (by code) their scopes mention."""
    committees = list(Committee.objects.filter(is_active=True))
    series = {
        s.code: s for s in Series.objects.only("code", "name", "name_en", "name_ug").order_by()
    }
    return committees, series


def series_labels(series: dict[str, Series]) -> dict[str, str]:
    """Series names by code in the reader's language."""
    return {code: s.local_name for code, s in series.items()}


def application_flow_views(applications: list) -> dict[int, list[NodeView]]:
    """Each application's pinned flow, keyed by application id."""
    return _node_views([(a.pk, a.flow, a.offering.committee) for a in applications])


def region_home_changes(moment: datetime) -> list[str]:
    """What the region's home page (notices, open offerings with their days left, flows,
    committees) shows at `moment` changes only with these SQL values (core.caching.pages): the
    tables it reads, and the next moment at which time alone changes it — a scheduled notice
    is published, an offering opens, or an open offering's days left drop by one (at its
    closing time: it leaves the list)."""
    from core.caching.pages import table_stamp

    at = f"'{moment.isoformat()}'::timestamptz"  # a datetime's own text: nothing to escape
    notice, offering = Notice._meta.db_table, Offering._meta.db_table
    next_change = (  # table names and a datetime's isoformat only
        "(SELECT least("  # noqa: S608
        f"(SELECT min(published_at) FROM {notice} WHERE published_at > {at}), "
        f"(SELECT min(opens_at) FROM {offering} WHERE is_active AND opens_at > {at}), "
        f"(SELECT min(closes_at - floor(extract(epoch FROM closes_at - {at}) / 86400) "
        f"* interval '1 day') FROM {offering} "
        f"WHERE is_active AND opens_at <= {at} AND closes_at > {at})))"
    )
    return [*(table_stamp(m) for m in (Notice, Offering, Flow, Committee)), next_change]


def applicant_changes(applicant_id: int, moment: datetime) -> list[tuple[str, list]]:
    """What 我的申请书 shows of one applicant's offerings at `moment` changes only with these SQL
    values (core.caching.pages): the offerings, flows and committees tables and the next moment
    at which time alone changes it — a window or a payment period opens or closes, or the days
    left to a deadline drop by one. Direct SQL on all her applications in the region (what the
    page shows, or more): nothing to compile on a cache hit."""
    from core.caching.pages import table_stamp

    ids = f"SELECT offering_id FROM {Application._meta.db_table} WHERE applicant_id = %s"  # noqa: S608
    return [
        *((table_stamp(m), []) for m in (Offering, Flow, Committee)),
        _offering_moments(f"IN ({ids})", [applicant_id], moment),
    ]


def _offering_moments(where: str, params: list, moment: datetime) -> tuple[str, list]:
    """The next moment after `moment` at which the offerings whose id is `where` change by
    time alone: a window or a payment period opens or closes, the days left drop by one."""
    at = f"'{moment.isoformat()}'::timestamptz"  # a datetime's own text: nothing to escape
    table = Offering._meta.db_table
    # Table names, a datetime's isoformat and Django's compiled SQL (values as parameters).
    next_change = (
        f"(SELECT least(min(opens_at) FILTER (WHERE opens_at > {at}), "  # noqa: S608
        f"min(closes_at - floor(extract(epoch FROM closes_at - {at}) / 86400) * interval '1 day')"
        f" FILTER (WHERE closes_at > {at}), "
        f"min(payment_opens_at) FILTER (WHERE payment_opens_at > {at}), "
        f"min(payment_closes_at) FILTER (WHERE payment_closes_at > {at})) "
        f"FROM {table} WHERE id {where})"
    )
    return next_change, params


def application_changes(application: Application, moment: datetime) -> list[tuple[str, list]]:
    """What the editor and the review page show of one application changes only with these SQL
    values (core.caching.pages): the application's own row, its offering's moments, the
    offerings, flows and committees tables (as `applicant_changes`), its
    rows of comments, set-aside sections, history, sections and attachments (written by anyone,
    even without saving the application), its unit's recommending authorities, the condition
    sets and the committees' staff (who reviews now)."""
    from core.caching.pages import rows_where, table_stamp
    from core.models import ConditionSet, Unit
    from workflow.models import (
        Attachment,
        CommitteeStaff,
        ReviewComment,
        SectionEntry,
        SetAsideSection,
        TransitionRecord,
    )

    recommending = Unit.recommending_units.through
    return [
        rows_where(Application, "id", application.pk),
        _offering_moments("= %s", [application.offering_id], moment),
        *((table_stamp(m), []) for m in (Offering, Flow, Committee, ConditionSet, CommitteeStaff)),
        *(
            rows_where(model, "application_id", application.pk)
            for model in (
                ReviewComment,
                SetAsideSection,
                TransitionRecord,
                SectionEntry,
                Attachment,
            )
        ),
        rows_where(recommending, "unit_id", application.unit_id),
    ]
