"""Every page and API endpoint has a query budget, checked at one row and at many.

The budgets themselves live beside the features (`tests/core/test_query_budgets.py`,
`tests/workflow/test_query_budgets.py`); each case names its route by URL name. This test makes
a new route without a budget fail CI the day it is written.
"""

from tests.core import test_query_budgets as core_budgets
from tests.oversight import test_query_budgets as oversight_budgets
from tests.payments import test_query_budgets as payment_budgets
from tests.results import test_query_budgets as results_budgets
from tests.support import route_names
from tests.workflow import test_query_budgets as workflow_budgets

# Routes that send no query of ours, with the reason.
EXEMPT = {
    "api-docs": "a static Swagger UI page that loads /api/schema/ (which has a budget)",
}


def test_every_named_route_has_a_query_budget():
    routes = route_names("config.urls_public") | route_names("config.urls_region")
    covered = (
        core_budgets.COVERED
        | workflow_budgets.COVERED
        | payment_budgets.COVERED
        | oversight_budgets.COVERED
        | results_budgets.COVERED
    )
    missing = sorted(routes - covered - set(EXEMPT))
    assert missing == [], f"routes without a query budget: {missing}"


def test_budgets_name_only_routes_that_exist():
    routes = route_names("config.urls_public") | route_names("config.urls_region")
    covered = (
        core_budgets.COVERED
        | workflow_budgets.COVERED
        | payment_budgets.COVERED
        | oversight_budgets.COVERED
        | results_budgets.COVERED
    )
    unknown = sorted((covered | set(EXEMPT)) - routes)
    assert unknown == []
