"""评审结果 for the unit that sent the applications: after the meeting its admin reads, in one
list, who passed or failed (and why), the 公示 dates, the 批文 number and the certificate; other
units, applicants and other regions read nothing of it."""

from django.utils import timezone

from core.models import Role
from results.approvals import document_create
from results.certificates import certificates_issue
from results.meetings import meeting_add, meeting_close, meeting_create, votes_save
from tenants.crossing import in_region
from tenants.models import Region
from tests.results.conftest import HOME
from tests.support import client_for, complete_unit
from workflow.models import Application
from workflow.states import Status


def _decided(staff, numbers) -> None:
    """A meeting passes the first two and fails the third; the fourth waits on the list of a
    second meeting; the first is approved and certified."""
    with in_region(HOME):
        meeting = meeting_create(
            staff,
            {"held_on": timezone.localdate().isoformat(), "place": "会议室", "members": 9},
        )
        meeting_add(staff, meeting.pk, numbers[:3])
        for entry, votes_for in zip(
            meeting.entries.order_by("application__number"), (9, 6, 3), strict=True
        ):
            present = 9 if votes_for == 9 else 6
            votes_save(
                staff,
                meeting.pk,
                entry.pk,
                {
                    "present": str(present),
                    "votes_for": str(votes_for),
                    "votes_against": str(present - votes_for),
                    "abstain": "0",
                },
            )
        meeting_close(staff, meeting.pk)
        later = meeting_create(staff, {"held_on": "2027-01-15", "place": "会议室", "members": 9})
        meeting_add(staff, later.pk, numbers[3:])
        Application.objects.filter(number=numbers[0]).update(status=Status.PUBLICITY_ENDED)
        document_create(
            staff,
            {"number": "新职称字〔2026〕7号", "issued_on": "2026-12-01", "issuing_body": "人社局"},
            numbers[:1],
        )
        certificates_issue(staff, numbers[:1])


def _unit_client(unit, code=HOME):
    from core.models import User

    client = client_for(code)
    client.force_login(User.objects.get(role=Role.UNIT_ADMIN, unit=unit))
    return client


def test_the_unit_reads_every_result_of_what_it_sent_in_one_list(staff, numbers, unit):
    _decided(staff, numbers)
    client = _unit_client(unit)
    page = client.get("/results/sent/")
    assert page.status_code == 200
    body = page.content.decode()
    rows = {row["application"].number: row for row in page.context["rows"]}
    assert set(rows) == set(numbers)
    assert rows[numbers[3]]["meeting"].result == ""  # listed, not decided: 待评审
    assert rows[numbers[2]]["reason"] == "赞成票未达到出席评审委员的规定比例"
    assert "新职称字〔2026〕7号" in body
    assert rows[numbers[0]]["certificate"].number in body
    assert page.context["rows"][0]["application"].number == numbers[3]  # newest meeting first
    # The review pages lead there.
    assert 'data-testid="organization-results-link"' in client.get("/review/").content.decode()


def test_the_list_filters_by_outcome_and_year_and_refuses_nonsense_clearly(staff, numbers, unit):
    _decided(staff, numbers)
    client = _unit_client(unit)

    def listed(**query):
        return {
            r["application"].number for r in client.get("/results/sent/", query).context["rows"]
        }

    assert listed(outcome="passed") == set(numbers[:2])
    assert listed(outcome="failed") == {numbers[2]}
    assert listed(outcome="pending") == {numbers[3]}
    assert listed(outcome="certified") == {numbers[0]}
    with in_region(HOME):
        this_year = Application.objects.get(number=numbers[0]).year
    assert listed(year=this_year) == set(numbers)
    assert listed(year=this_year - 1) == set()
    for nonsense in ({"year": "1e9"}, {"outcome": "everything"}, {"page": -1}):
        answer = client.get("/results/sent/", nonsense)
        assert answer.status_code == 400
        assert 'role="alert"' in answer.content.decode()  # the filter says what is wrong
    assert client.get("/results/sent/", {"year": "\x00"}).status_code == 400


def test_nobody_else_reads_the_units_results(staff, numbers, unit, make_user, applicants):
    _decided(staff, numbers)
    region = Region.objects.get(schema_name=HOME)
    other_unit = complete_unit(region, "乌鲁木齐市第二中学", "乌市二中", "TK000002")
    other_unit.save()
    other = client_for(HOME)
    other.force_login(make_user(Role.UNIT_ADMIN, unit=other_unit))
    assert other.get("/results/sent/").context["rows"] == []
    applicant = client_for(HOME)
    applicant.force_login(applicants[0])
    assert applicant.get("/results/sent/").status_code == 404
    committee = client_for(HOME)
    committee.force_login(staff)
    assert committee.get("/results/sent/").status_code == 404
    # On another region's host its applications are not there: an empty list.
    assert _unit_client(unit, "karamay").get("/results/sent/").context["rows"] == []
