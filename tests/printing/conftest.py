"""阿丽娅's application in 乌鲁木齐市 on its way through review, and the people who print it."""

import pytest

from tests.workflow import test_review
from tests.workflow.conftest import (  # noqa: F401 (fixtures)
    alice_client,
    catalog,
    offering,
    unit,
)
from tests.workflow.test_review import RECOMMENDATION, act

# 阿丽娅 has filled every section and submitted; her unit, its authority and the committee.
people = test_review.people
cast = test_review.cast


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    """Rendered documents go to a folder of the test's own, served by Django."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_FILES_ACCEL_PREFIX = None
    return settings.MEDIA_ROOT


@pytest.fixture
def at_committee(cast):
    """Submitted, recommended by the unit and forwarded by the authority: at the committee."""
    number, people = cast
    assert act(people["unit"], number, "recommend", **RECOMMENDATION).status_code == 200
    assert act(people["authority"], number, "forward").status_code == 200
    return number, people


@pytest.fixture
def passed(at_committee):
    """Formal review passed: the official copy prints."""
    number, people = at_committee
    assert act(people["committee"], number, "pass_formal_review").status_code == 200
    return number, people
