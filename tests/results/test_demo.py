"""The demo shows every stage: one waiting for a meeting, one in publicity, one certified."""

from results.demo import load_results_demo
from tests.support import client_for
from workflow.demo import load_demo


def test_the_results_demo_shows_each_stage_and_runs_twice(db):
    load_demo()
    number = load_results_demo()
    assert load_results_demo() is None
    verified = client_for("public").get(
        "/api/v1/certificates/verify/", {"number": number, "name": "买买提"}
    )
    assert verified.json()["valid"] is True
    (shown,) = client_for("urumqi").get("/api/v1/publicity/").json()
    assert [p["name"] for p in shown["people"]] == ["古丽娜尔"]
    staff = client_for("urumqi")
    from core.models import User

    staff.force_login(User.objects.get(username="committee-urumqi"))
    home = staff.get("/results/").content.decode()
    assert 'data-testid="for-meeting">1<' in home
