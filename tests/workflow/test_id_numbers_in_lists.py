"""ID numbers are sensitive personal information (PIPL): a list never shows one in full
(650102********1234), whoever reads it; the full number is only where a reviewer checks it —
the application itself beside the scan, an appeal beside its scan (issue 12, masking)."""

from core.identity.validators import mask_id_card_number
from tests import test_access_matrix as matrix
from tests.support import client_for
from tests.test_access_matrix import HOME, Cast

# The access matrix's cast: 阿丽娅's application at the committee, her appeal, every role.
cast, catalog, offering, unit = matrix.cast, matrix.catalog, matrix.offering, matrix.unit

LISTS = {
    "unit": ["/review/", "/review/all/", "/api/v1/applications/"],
    "authority": ["/review/", "/review/all/", "/api/v1/applications/"],
    "committee": ["/review/", "/review/all/", "/api/v1/applications/", "/print/batches/"],
    "admin": [
        "/region-admin/",
        "/region-admin/appeals/",
        "/api/v1/appeals/",
        "/review/all/",
        "/api/v1/applications/",
    ],
    "central": ["/review/all/", "/api/v1/applications/"],
    "applicant": ["/applications/", "/api/v1/applications/", "/api/v1/me/applications/"],
}


def _reader(people: Cast, role: str):
    client = client_for(HOME)
    client.force_login(people.people[("own", role)])
    return client


def test_no_list_shows_a_full_id_number_and_the_appeal_list_masks_it(cast):
    """One walk (the cast takes seconds to build): every list page and list API of every role
    that has one."""
    full = cast.people[("own", "applicant")].id_card_number
    offenders = []
    for role, paths in LISTS.items():
        reader = _reader(cast, role)
        for path in paths:
            response = reader.get(path)
            assert response.status_code == 200, (role, path)
            if full in response.content.decode():
                offenders.append((role, path))
    assert offenders == []

    admin = _reader(cast, "admin")
    listed = admin.get("/api/v1/appeals/").json()["results"]
    assert [row["id_card_number"] for row in listed] == [mask_id_card_number(full)]
    one = admin.get(f"/api/v1/appeals/{cast.objects['appeal']}/").json()
    assert one["id_card_number"] == full


def test_a_reviewer_sees_the_full_number_on_the_application_itself(cast):
    full = cast.people[("own", "applicant")].id_card_number
    page = _reader(cast, "committee").get(f"/review/{cast.number}/")
    assert page.status_code == 200
    assert full in page.content.decode()
