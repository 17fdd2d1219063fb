"""Index rows across three regions, counted by hand in the tests: the dashboard reads only the
public index, so the rows are written there directly (how applications get to each state is
the workflow tests' story)."""

from dataclasses import dataclass
from datetime import timedelta

import pytest
from django.utils import timezone

from core.catalog.sync import catalog_sync
from core.models import ApplicationIndex, OrgKind, Qualification, Role, Unit, User
from tenants.models import Region
from tests.support import complete_unit

Q1 = "school-teacher-chinese-intermediate"  # 中小学教师, 中级


@dataclass
class Fixture:
    year: int
    now: object
    units: dict[str, Unit]
    q1: Qualification
    q2: Qualification
    rows: dict[str, ApplicationIndex]  # by a readable key
    people: dict[str, User]


def monday(now):
    local = timezone.localtime(now)
    return (local - timedelta(days=local.weekday())).replace(
        hour=0, minute=0, second=0, microsecond=0
    )


@pytest.fixture
def spread(db, make_user) -> Fixture:
    """Eleven applications of this year and one of last year:

    乌鲁木齐市: 2 drafts (Q1); 3 in review at the base unit (Q1) waiting 2, 4 and 10 days;
                1 certified (Q2).
    克拉玛依市: 1 in review at the committee (Q2) waiting 20 days; 1 returned (Q1);
                1 formal review passed (Q2).
    喀什地区:   1 rejected (Q1); 1 approved (Q2); last year 1 draft (Q1).

    Submitted: six this week, three last week (drafts never)."""
    catalog_sync()
    now = timezone.now()
    year = timezone.localdate().year
    q1 = Qualification.objects.select_related("specialty").get(code=Q1)
    q2 = (
        Qualification.objects.select_related("specialty")
        .exclude(specialty__series=q1.specialty.series)
        .filter(level="deputy_senior")
        .order_by("code")
        .first()
    )
    regions = {
        r.schema_name: r
        for r in Region.objects.filter(schema_name__in=["urumqi", "karamay", "kashgar"])
    }
    units = {}
    for n, code in enumerate(regions, start=1):
        unit = complete_unit(
            regions[code], f"{regions[code].name}第{n}中学", f"{n}中", f"TQ{n:06d}"
        )
        unit.save()
        units[code] = unit
    this_week = monday(now) + timedelta(hours=1)
    last_week = this_week - timedelta(days=7)
    plan = [
        # key, region, status, qualification, node kind, waiting org, waited days, submitted
        ("u-draft-1", "urumqi", "draft", q1, "", None, 1, None),
        ("u-draft-2", "urumqi", "draft", q1, "", None, 1, None),
        ("u-review-2", "urumqi", "in_review", q1, "base_unit", "unit", 2, this_week),
        ("u-review-4", "urumqi", "in_review", q1, "base_unit", "unit", 4, this_week),
        ("u-review-10", "urumqi", "in_review", q1, "base_unit", "unit", 10, last_week),
        ("u-certified", "urumqi", "certified", q2, "", None, 30, last_week),
        ("k-committee-20", "karamay", "in_review", q2, "committee", "committee", 20, last_week),
        ("k-returned", "karamay", "returned", q1, "", None, 3, this_week),
        ("k-passed", "karamay", "formal_review_passed", q2, "", None, 5, this_week),
        ("s-rejected", "kashgar", "rejected", q1, "", None, 6, this_week),
        ("s-approved", "kashgar", "approved", q2, "", None, 7, this_week),
    ]
    people, rows = {}, {}
    for serial, (key, code, status, qualification, kind, org, waited, submitted) in enumerate(
        plan, 1
    ):
        person = make_user(Role.APPLICANT, name=f"申请人{key}")
        people[key] = person
        org_id = {"unit": units[code].pk, "committee": 70 + serial, None: None}[org]
        rows[key] = ApplicationIndex(
            number=f"RSSQ9{serial:07d}",
            region=regions[code],
            applicant=person,
            applicant_name=person.name,
            unit=units[code],
            qualification=qualification,
            series_id=qualification.specialty.series_id,
            level=qualification.level,
            year=year,
            committee_id=70 + serial,
            committee_name=f"{regions[code].name}评审委员会",
            offering_id=serial,
            status=status,
            node_index={"base_unit": 0, "committee": 2}.get(kind),
            node_kind=kind,
            waiting_org_kind={"unit": OrgKind.UNIT, "committee": OrgKind.COMMITTEE}.get(org, ""),
            waiting_org_id=org_id,
            closes_at=now + timedelta(days=10),
            updated_at=now - timedelta(days=waited),
            created_at=now - timedelta(days=40),
            submitted_at=submitted,
            waiting_since=now - timedelta(days=waited),
        )
    old = make_user(Role.APPLICANT, name="申请人去年")
    people["last-year"] = old
    rows["last-year"] = ApplicationIndex(
        number="RSSQ90000099",
        region=regions["kashgar"],
        applicant=old,
        applicant_name=old.name,
        unit=units["kashgar"],
        qualification=q1,
        series_id=q1.specialty.series_id,
        level=q1.level,
        year=year - 1,
        committee_name="喀什地区评审委员会",
        status="draft",
        closes_at=now,
        updated_at=now - timedelta(days=400),
        waiting_since=now - timedelta(days=400),
    )
    ApplicationIndex.objects.bulk_create(rows.values())
    return Fixture(year, now, units, q1, q2, rows, people)
