"""The central office's dashboard: every figure against the hand-counted rows of `spread`, and
every figure leads to the list behind it."""

import re

from core.models import Role
from tests.support import client_for


def _central(make_user, code: str = "public"):
    client = client_for(code)
    client.force_login(make_user(Role.CENTRAL_OFFICE))
    return client


def _numbers(html: str) -> set[str]:
    return set(re.findall(r'data-number="(RSSQ\d+)"', html))


def test_counts_by_region_and_status_are_those_of_the_index(spread, make_user):
    page = _central(make_user).get("/central/dashboard/", {"year": spread.year})
    assert page.status_code == 200
    by_region = page.context["by_region"]
    assert by_region.cells == {
        ("urumqi", "draft"): 2,
        ("urumqi", "in_review"): 3,
        ("urumqi", "certified"): 1,
        ("karamay", "in_review"): 1,
        ("karamay", "returned"): 1,
        ("karamay", "formal_review_passed"): 1,
        ("kashgar", "rejected"): 1,
        ("kashgar", "approved"): 1,
    }
    assert by_region.total == 11  # last year's draft is not this year's
    assert [code for code, _name in by_region.rows] == ["urumqi", "karamay", "kashgar"]
    html = page.content.decode()
    assert 'data-testid="grand-total"><a href="/central/applications/?year=' in html


def test_counts_by_series_and_level(spread, make_user):
    table = _central(make_user).get("/central/dashboard/").context["by_series"]
    teacher, other = spread.q1.specialty.series.code, spread.q2.specialty.series.code
    assert table.cells == {(teacher, "intermediate"): 7, (other, "deputy_senior"): 4}


def test_the_funnel_counts_what_reached_each_stage(spread, make_user):
    stages = _central(make_user).get("/central/dashboard/").context["stages"]
    reached = {stage.status: stage.count for stage in stages}
    assert reached["draft"] == 11
    assert reached["in_review"] == 9  # returned and rejected were submitted
    assert reached["formal_review_passed"] == 3
    assert reached["approved"] == 2
    assert reached["certified"] == 1
    assert "returned" not in reached and "rejected" not in reached
    assert [s.status for s in stages][:2] == ["draft", "in_review"]
    assert stages[-1].status == "certified"


def test_waits_per_node_kind_median_and_90th_percentile(spread, make_user):
    waits = {
        w.node_kind: w for w in _central(make_user).get("/central/dashboard/").context["waits"]
    }
    assert (waits["base_unit"].count, waits["base_unit"].median_days) == (3, 4.0)
    assert waits["base_unit"].p90_days == 10.0
    assert (waits["committee"].median_days, waits["committee"].p90_days) == (20.0, 20.0)


def test_the_oldest_holders_come_first(spread, make_user):
    holders = _central(make_user).get("/central/dashboard/").context["holders"]
    assert [(h.region, h.org_kind, h.count, h.oldest_days) for h in holders] == [
        ("karamay", "committee", 1, 20.0),
        ("urumqi", "unit", 3, 10.0),
    ]
    assert holders[1].name == spread.units["urumqi"].name
    assert holders[0].name == "克拉玛依市评审委员会"


def test_submissions_per_week(spread, make_user):
    chart = _central(make_user).get("/central/dashboard/").context["trend_chart"]
    assert [bar.value for bar in chart.bars][-2:] == [3, 6]
    assert sum(bar.value for bar in chart.bars) == 9


def test_every_figure_leads_to_the_list_behind_it(spread, make_user):
    """A cell, a funnel bar, a wait and a holder: following its link lists exactly its rows."""
    client = _central(make_user)
    page = client.get("/central/dashboard/")
    html = page.content.decode()
    cell = re.search(r'href="([^"]*region=urumqi&amp;status=in_review)"', html).group(1)
    listed = client.get(cell.replace("&amp;", "&")).content.decode()
    assert _numbers(listed) == {
        spread.rows[k].number for k in ("u-review-2", "u-review-4", "u-review-10")
    }

    bars = {b.label: b.link for b in page.context["funnel_chart"].bars}
    passed = client.get(bars["通过形式审核"]).content.decode()
    assert _numbers(passed) == {
        spread.rows[k].number for k in ("k-passed", "s-approved", "u-certified")
    }

    wait = next(b.link for b in page.context["wait_chart"].bars if b.label == "评审委员会")
    assert _numbers(client.get(wait).content.decode()) == {spread.rows["k-committee-20"].number}

    week = page.context["trend_chart"].bars[-1].link
    assert len(_numbers(client.get(week).content.decode())) == 6
    # A holder: a committee's id is its region's, so the region is part of the condition.
    holder = f"/central/applications/?year={spread.year}&status=in_review&region=karamay"
    assert f'href="{holder.replace("&", "&amp;")}&amp;org_kind=committee' in html
    committee = spread.rows["k-committee-20"]
    listed = client.get(
        holder, {"org_kind": "committee", "org_id": committee.waiting_org_id}
    ).content.decode()
    assert _numbers(listed) == {committee.number}


def test_the_dashboard_is_the_central_office_s_only(spread, make_user, host_client):
    urumqi = spread.units["urumqi"].region
    for role, region in [
        (Role.APPLICANT, None),
        (Role.REGION_ADMIN, urumqi),
        (Role.COMMITTEE_STAFF, urumqi),
    ]:
        client = host_client("public", make_user(role, region=region))
        assert client.get("/central/dashboard/").status_code == 404
        assert client.get("/api/v1/central/stats/").status_code == 404


def test_stats_api_groups_as_asked(spread, make_user):
    client = _central(make_user)
    answer = client.get(
        "/api/v1/central/stats/", {"group_by": "region,status", "year": spread.year}
    )
    assert answer.status_code == 200
    body = answer.json()
    assert body["total"] == 11
    assert {"region": "urumqi", "status": "in_review", "count": 3} in body["results"]
    by_year = client.get("/api/v1/central/stats/", {"group_by": "year"}).json()["results"]
    assert {"year": spread.year - 1, "count": 1} in by_year
    bad = client.get("/api/v1/central/stats/", {"group_by": "region,password"})
    assert bad.status_code == 400
    assert client.get("/api/v1/central/stats/", {"year": "99999"}).status_code == 400
