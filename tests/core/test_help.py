"""帮助 (core/wayfinding/help.py): the manual's frequently asked questions, with an index and
a search, in the reader's language, on the public site and on every region's host."""

import re

import pytest

from core.wayfinding.help import FAQ

pytestmark = pytest.mark.django_db


def questions(html: str) -> list[str]:
    return re.findall(r'<h2 id="faq-[a-z-]+-q">([^<]+)</h2>', html)


@pytest.mark.parametrize("code", ["public", "urumqi"])
def test_every_question_is_in_the_index_and_answered_on_every_host(host_client, code):
    page = host_client(code).get("/help/")
    html = page.content.decode()
    assert page.status_code == 200
    assert len(questions(html)) == len(FAQ) >= 12
    for item in FAQ:
        assert f'<a href="#faq-{item.key}">{item.question}</a>' in html
        assert f'id="faq-{item.key}"' in html
    assert "每个证明材料不能超过 2 MB" in html  # the limit as configured
    assert 'href="/help/" data-testid="help-link"' in html  # the footer links here


def test_links_go_only_to_pages_the_host_has(host_client):
    public = host_client("public").get("/help/").content.decode()
    region = host_client("urumqi").get("/help/").content.decode()
    assert 'href="/accounts/recover/"' in public and 'href="/accounts/recover/"' in region
    assert 'href="/committees/"' in region and 'href="/committees/"' not in public
    assert 'href="/certificates/verify/"' in public


def test_a_search_keeps_the_questions_holding_every_word(host_client):
    client = host_client("urumqi")
    found = client.get("/help/", {"q": "密码"}).content.decode()
    assert questions(found) == ["忘记了用户名或密码怎么办？"]
    assert "找到 1 个相关问题。" in found
    both = client.get("/help/", {"q": "缴费 公告"}).content.decode()
    assert questions(both) == ["怎样缴费和报送纸质材料？"]
    none = client.get("/help/", {"q": "火星"}).content.decode()
    assert questions(none) == []
    assert "没有找到相关问题" in none


def test_the_questions_read_in_english_and_in_uyghur_right_to_left(alice, host_client):
    alice.language = "en"
    alice.save(update_fields=["language"])
    english = host_client("public", alice).get("/help/", {"q": "PASSWORD"}).content.decode()
    assert questions(english) == ["What if I forgot my username or password?"]
    alice.language = "ug"
    alice.save(update_fields=["language"])
    uyghur = host_client("urumqi", alice).get("/help/").content.decode()
    assert 'dir="rtl"' in uyghur
    assert "كەسپىي ئۇنۋاننى قايسى رايوندا ئىلتىماس قىلىشىم كېرەك؟" in questions(uyghur)


@pytest.mark.parametrize("query", ["\x00", "9" * 5000, "<script>alert(1)</script>", "%(limit)s"])
def test_odd_searches_are_answered_never_a_500(host_client, query):
    page = host_client("public").get("/help/", {"q": query})
    assert page.status_code in (200, 400)  # a NUL is refused before any view, as everywhere
    assert "<script>alert" not in page.content.decode()
