"""The results' cast: applications of 乌鲁木齐市 that passed formal review at the workflow
tests' committee, and a member of that committee's staff."""

import pytest

from core.models import Role
from tenants.crossing import in_region
from tenants.models import Region
from tests.workflow import conftest as workflow_fixtures
from tests.workflow.test_query_budgets import world as budget_world
from workflow.applications import application_create
from workflow.index import index_write
from workflow.models import Application, CommitteeStaff, TransitionRecord
from workflow.states import Status

catalog, offering, unit = (
    workflow_fixtures.catalog,
    workflow_fixtures.offering,
    workflow_fixtures.unit,
)
HOME = "urumqi"
world = budget_world  # the query budgets' world (tests/results/test_query_budgets.py)


def passed_formal_review(offering, unit, applicant, code: str = HOME) -> str:
    """An application whose committee passed its formal review (how it got there is the
    workflow tests' story), its index row written as apply_transition writes it."""
    with in_region(code):
        application = application_create(applicant=applicant, offering=offering, unit=unit)
        Application.objects.filter(pk=application.pk).update(
            status=Status.FORMAL_REVIEW_PASSED, submission_count=1
        )
        index_write(Application.objects.get(pk=application.pk))
    return application.number


def status_of(number: str, code: str = HOME) -> str:
    with in_region(code):
        return Application.objects.get(number=number).status


def last_record(number: str, code: str = HOME) -> TransitionRecord:
    with in_region(code):
        return TransitionRecord.objects.filter(application__number=number).latest("pk")


@pytest.fixture
def staff(offering, make_user):
    """Staff of the offering's committee."""
    user = make_user(
        Role.COMMITTEE_STAFF, name="评委会秘书", region=Region.objects.get(schema_name=HOME)
    )
    with in_region(HOME):
        CommitteeStaff.objects.create(committee=offering.committee, user=user)
    return user


@pytest.fixture
def applicants(make_user):
    return [make_user(Role.APPLICANT, name=name) for name in ("阿丽娅", "鲍勃", "古丽", "买买提")]


@pytest.fixture
def numbers(offering, unit, applicants) -> list[str]:
    return [passed_formal_review(offering, unit, person) for person in applicants]
