"""The language a person picks follows them to every region's host."""

from urllib.parse import urlsplit

from core.demo import DEMO_PASSWORD
from core.models import User
from tests.support import RegionClient


def _lang_of(page: str) -> str:
    return page.split('<html lang="')[1].split('"', maxsplit=1)[0]


def _logged_in(host: str, user: User) -> RegionClient:
    client = RegionClient(HTTP_HOST=f"{host}.localhost")
    client.force_login(user)
    return client


def test_alice_picks_english_in_urumqi_and_kashgar_greets_her_in_english(alice):
    urumqi = _logged_in("urumqi", alice)
    assert _lang_of(urumqi.get("/").content.decode()) == "zh-hans"
    urumqi.post("/i18n/setlang/", {"language": "en", "next": "/"})
    alice.refresh_from_db()
    assert alice.language == "en"

    kashgar = _logged_in("kashgar", alice)  # a new host: no language cookie here yet
    response = kashgar.get("/")
    assert _lang_of(response.content.decode()) == "en"
    assert response.cookies["django_language"].value == "en"


def test_her_account_s_language_wins_over_the_browser_s(alice):
    alice.language = "ug"
    alice.save(update_fields=["language"])
    client = RegionClient(HTTP_HOST="ili.localhost", HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(alice)
    page = client.get("/").content.decode()
    assert _lang_of(page) == "ug"
    assert 'dir="rtl"' in page


def test_the_hand_off_carries_the_language_of_the_page_it_left(bob):
    public = RegionClient(HTTP_HOST="localhost")
    public.post("/i18n/setlang/", {"language": "en", "next": "/"})  # before logging in
    response = public.post(
        "/accounts/login/",
        {"username": bob.username, "password": DEMO_PASSWORD, "region": "aksu"},
    )
    assert "lang=en" in response["Location"]
    parts = urlsplit(response["Location"])
    aksu = RegionClient(HTTP_HOST=parts.hostname)
    landed = aksu.get(f"{parts.path}?{parts.query}")
    assert landed.cookies["django_language"].value == "en"
    assert _lang_of(aksu.get("/").content.decode()) == "en"


def test_a_visitor_s_choice_stays_in_the_browser_and_nonsense_changes_nothing(alice):
    visitor = RegionClient(HTTP_HOST="urumqi.localhost")
    visitor.post("/i18n/setlang/", {"language": "ug", "next": "/"})
    assert _lang_of(visitor.get("/").content.decode()) == "ug"

    urumqi = _logged_in("urumqi", alice)
    urumqi.post("/i18n/setlang/", {"language": "fr\x00", "next": "/"})
    alice.refresh_from_db()
    assert alice.language == ""


def test_the_selector_names_each_language_in_itself(db):
    page = RegionClient(HTTP_HOST="urumqi.localhost", HTTP_ACCEPT_LANGUAGE="en").get("/")
    selector = page.content.decode().split('name="language"')[1].split("</select>")[0]
    assert "中文" in selector and "English" in selector and "ئۇيغۇرچە" in selector
