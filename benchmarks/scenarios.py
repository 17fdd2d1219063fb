"""What `make bench` measures. Adding a scenario is one `Scenario(...)` line in SCENARIOS.

`server` is "control" (plain Django, no tenant routing: benchmarks.control_settings) or "routed"
(production settings with tenant routing: benchmarks.routed_settings). `host` is the Host header,
or a tuple of them taken in turn. `path` and header values may use `{user}` (the row the one-row
view reads), `{token}` (an API token of the seeded account `bench-api`, which has applications in
five regions) and `{unit_cookie}` (a `Cookie` value: a logged-in session of the admin of
乌鲁木齐市's busy unit). `control` names the scenario this one is compared with; `target` is the
lowest acceptable req/s ratio to it; `contains`, text the first answer's body must contain.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field

from tenants.directory import REGIONS

CONTROL = "control"
ROUTED = "routed"
PUBLIC_HOST = "localhost"
REGION_HOST = "urumqi.localhost"
EVERY_REGION_HOST = tuple(f"{spec.code}.localhost" for spec in REGIONS)
ROUTING_TARGET = 0.90  # tenant routing may cost at most 10 % of the control's throughput


@dataclass(frozen=True)
class Scenario:
    name: str
    server: str
    host: str | tuple[str, ...]
    path: str
    headers: Mapping[str, str] = field(default_factory=dict)
    control: str | None = None
    target: float | None = None
    expect: int = 200
    contains: str = ""
    what: str = ""

    @property
    def hosts(self) -> tuple[str, ...]:
        return (self.host,) if isinstance(self.host, str) else self.host

    def resolved(self, context: Mapping[str, str]) -> tuple[str, dict[str, str]]:
        """The path and headers with `{user}` and `{token}` filled in."""
        headers = {name: value.format(**context) for name, value in self.headers.items()}
        return self.path.format(**context), headers


def context_of(manifest: Mapping[str, object]) -> dict[str, str]:
    """What `{...}` in paths and headers stands for, from the seed's manifest."""
    return {
        "user": str(manifest["one_row_username"]),
        "token": str(manifest["token"]),
        "unit_cookie": str(manifest.get("unit_cookie", "")),
        "applicant_cookie": str(manifest.get("applicant_cookie", "")),
        "editor_number": str(manifest.get("editor_number", "")),
        "review_number": str(manifest.get("review_number", "")),
    }


ONE_ROW = "/bench/users/{user}/"
TOKEN = {"Authorization": "Token {token}"}
UNIT_SESSION = {"Cookie": "{unit_cookie}"}
APPLICANT_SESSION = {"Cookie": "{applicant_cookie}"}
QUEUE_ROW = 'data-number="RSSQ'  # a row of the review queue's table: the page, and not empty
SIGNED_IN = 'data-testid="user-name"'  # the header of a signed-in page

SCENARIOS: list[Scenario] = [
    Scenario("control hello", CONTROL, PUBLIC_HOST, "/bench/hello/",
             what="no database: gunicorn, middleware, a plain view"),
    Scenario("routed hello", ROUTED, REGION_HOST, "/bench/hello/",
             control="control hello", target=ROUTING_TARGET,
             what="the same on a region host: routing's fixed cost"),
    Scenario("control one-row", CONTROL, PUBLIC_HOST, ONE_ROW,
             what="one indexed row (a user by username) through DRF"),
    Scenario("routed one-row", ROUTED, REGION_HOST, ONE_ROW,
             control="control one-row", target=ROUTING_TARGET,
             what="the same view on one region host (schema already set)"),
    Scenario("routed one-row public", ROUTED, PUBLIC_HOST, ONE_ROW,
             control="control one-row", target=ROUTING_TARGET,
             what="the same view on the public host"),
    Scenario("routed one-row 15 hosts", ROUTED, EVERY_REGION_HOST, ONE_ROW,
             control="control one-row", target=ROUTING_TARGET,
             what="the same view, each request on the next region: a schema switch each time"),
    Scenario("regions api public", ROUTED, PUBLIC_HOST, "/api/v1/regions/",
             control="control hello", what="GET /api/v1/regions/ from the in-process map"),
    Scenario("regions api region", ROUTED, REGION_HOST, "/api/v1/regions/",
             control="control hello", what="the same on a region host"),
    Scenario("region home", ROUTED, REGION_HOST, "/",
             control="control one-row", what="a region's page: template and its notices query"),
    Scenario("me by token", ROUTED, REGION_HOST, "/api/v1/me/", TOKEN,
             control="control one-row", what="GET /api/v1/me/ with a token: one token query"),
    Scenario("my applications", ROUTED, REGION_HOST, "/api/v1/me/applications/", TOKEN,
             control="control one-row", contains='"number":"RSSQ',
             what="GET /api/v1/me/applications/: an applicant's list from the public index"),
    Scenario("unit queue", ROUTED, REGION_HOST, "/review/", UNIT_SESSION,
             control="control one-row", contains=QUEUE_ROW,
             what="申请书审核 of a busy unit, logged in: a page of 50 of its waiting applications"),
    Scenario("review query", ROUTED, REGION_HOST, "/review/all/?level=intermediate",
             UNIT_SESSION, control="control one-row", contains=QUEUE_ROW,
             what="申请书查询 of the same unit, filtered by level: a page of 50"),
    Scenario("region home signed in", ROUTED, REGION_HOST, "/", APPLICANT_SESSION,
             control="control one-row", contains=SIGNED_IN,
             what="the same page for a signed-in applicant of the busy unit"),
    Scenario("my applications page", ROUTED, REGION_HOST, "/applications/", APPLICANT_SESSION,
             control="control one-row", contains='data-testid="application-card"',
             what="我的申请书 of the same applicant: the cards of their applications"),
    Scenario("editor", ROUTED, REGION_HOST, "/applications/{editor_number}/",
             APPLICANT_SESSION, control="control one-row", contains='data-testid="save-section"',
             what="编辑申请书 of the applicant's draft, its first section"),
    Scenario("new application", ROUTED, REGION_HOST, "/applications/new/", APPLICANT_SESSION,
             control="control one-row", contains='name="offering"',
             what="新增申请书: the open offerings and the unit search"),
    Scenario("review page", ROUTED, REGION_HOST, "/review/{review_number}/", UNIT_SESSION,
             control="control one-row", contains='data-testid="return"',
             what="the review page of an application waiting at the busy unit, its first section"),
    Scenario("notifications page", ROUTED, REGION_HOST, "/notifications/", APPLICANT_SESSION,
             control="control one-row", contains='data-notification="',
             what="通知 of the applicant: a page of 50 of their 60 notifications"),
    Scenario("notifications api", ROUTED, REGION_HOST, "/api/v1/notifications/",
             APPLICANT_SESSION, control="control one-row", contains='"title":',
             what="GET /api/v1/notifications/ of the same applicant (session)"),
    Scenario("unknown host", ROUTED, "nowhere.localhost", "/", expect=404,
             control="control hello", what="a host no region answers on: the plain 404"),
]  # fmt: skip


def selected(names: list[str] | None) -> list[Scenario]:
    """The scenarios whose name contains one of `names`, plus the controls they compare with."""
    if not names:
        return list(SCENARIOS)
    wanted = {s.name for s in SCENARIOS if any(n in s.name for n in names)}
    wanted |= {s.control for s in SCENARIOS if s.name in wanted and s.control}
    return [s for s in SCENARIOS if s.name in wanted]
