"""Notifications: queued after commit, written by the worker in the caller's region, mailed with
the full region link, listed on every host with the unread count in the header.

Alice is the applicant being told about her application; Bob is a colleague with notifications
of his own, and a stranger to Alice's.
"""

from datetime import timedelta
from multiprocessing import Queue, Value
from urllib.parse import parse_qs, urlsplit

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core import mail
from django.db import connection, transaction
from django.template import Context, Template
from django.test import RequestFactory
from django.utils import timezone, translation
from django_q.brokers import get_broker
from django_q.signing import SignedPackage
from django_q.worker import worker

from core.models import Notification
from core.notifications.context import notifications_context
from core.notifications.delivery import mark_read, notify_after_commit, unread_count
from tenants.crossing import in_region

pytestmark = pytest.mark.django_db

LINK = "/applications/RSSQ00000001/"


def _run_queued_tasks_like_a_worker() -> list[dict]:
    """Take the packages off the ORM broker and run them through django-q2's worker loop,
    starting in `public` like a real `qcluster` (as in tests/tenants/test_queue.py)."""
    assert connection.schema_name == "public"
    tasks = [SignedPackage.loads(pack) for _id, pack in get_broker().dequeue()]
    task_queue, result_queue = Queue(), Queue()
    for task in tasks:
        task["sync"] = True  # keep the test's connection (and its transaction) open
        task_queue.put(task)
    task_queue.put("STOP")
    worker(task_queue, result_queue, Value("f", -1))
    return [result_queue.get(timeout=5) for _ in tasks]


def notification(user, *, region="urumqi", title="申请书已退回", minutes_ago=0, read=False):
    now = timezone.now()
    return Notification.objects.create(
        recipient=user,
        region_code=region,
        title=title,
        body="请根据审核意见修改后重新提交。",
        link=LINK,
        created_at=now - timedelta(minutes=minutes_ago),
        read_at=now if read else None,
    )


# --- queued after commit ----------------------------------------------------------------------


def test_nothing_is_queued_before_the_commit(alice, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks, in_region("urumqi"):
        notify_after_commit(user_ids=[alice.pk], title="申请书已退回", body="", link=LINK)

    assert len(callbacks) == 1  # held until commit
    assert get_broker().queue_size() == 0
    assert not Notification.objects.exists()


def test_nothing_is_queued_when_the_transaction_rolls_back(
    alice, django_capture_on_commit_callbacks
):
    class RollbackError(Exception):
        pass

    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        in_region("urumqi"),
        pytest.raises(RollbackError),
        transaction.atomic(),
    ):
        notify_after_commit(user_ids=[alice.pk], title="申请书已退回", body="", link=LINK)
        raise RollbackError

    assert callbacks == []
    assert get_broker().queue_size() == 0


def test_no_recipients_queue_nothing(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks, in_region("urumqi"):
        notify_after_commit(user_ids=[], title="申请书已退回", body="", link=LINK)
    assert callbacks == []


@pytest.mark.parametrize("link", ["https://evil.example/", "//evil.example/", "evil", "/a b/"])
def test_a_link_must_be_a_path_on_the_region_s_host(alice, link):
    with pytest.raises(ValueError, match="local path"):
        notify_after_commit(user_ids=[alice.pk], title="t", body="", link=link)


# --- the worker -------------------------------------------------------------------------------


def test_the_worker_writes_rows_in_the_caller_s_region_and_mails_the_full_link(
    alice, bob, make_user, django_capture_on_commit_callbacks
):
    alice.email = "alice@example.com"
    alice.save(update_fields=["email"])
    gone = make_user(email="gone@example.com", is_active=False)  # a closed account
    with django_capture_on_commit_callbacks(execute=True), in_region("kashgar"):
        notify_after_commit(
            user_ids=[alice.pk, bob.pk, gone.pk, alice.pk],
            title="申请书已退回",
            body="请根据审核意见修改后重新提交。",
            link=LINK,
        )
    assert get_broker().queue_size() == 1
    assert not Notification.objects.exists()  # only the worker writes

    results = _run_queued_tasks_like_a_worker()

    assert [r["success"] for r in results] == [True], results
    assert connection.schema_name == "public"
    rows = Notification.objects.order_by("recipient_id")
    assert [(n.recipient, n.region_code, n.link, n.read_at) for n in rows] == [
        (alice, "kashgar", LINK, None),
        (bob, "kashgar", LINK, None),
    ]
    # Bob has no e-mail address and the closed account gets nothing: one message, to Alice.
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["alice@example.com"]
    assert message.subject == "【新疆职称管理平台】申请书已退回"
    assert "http://kashgar.localhost/applications/RSSQ00000001/" in message.body
    assert "请根据审核意见修改后重新提交。" in message.body


def test_in_app_only_sends_no_mail(alice, django_capture_on_commit_callbacks):
    alice.email = "alice@example.com"
    alice.save(update_fields=["email"])
    with django_capture_on_commit_callbacks(execute=True), in_region("ili"):
        notify_after_commit(
            user_ids=[alice.pk], title="申请书已到达", body="", link=LINK, email=False
        )

    _run_queued_tasks_like_a_worker()

    assert Notification.objects.get(recipient=alice).region_code == "ili"
    assert mail.outbox == []


# --- reading and marking ----------------------------------------------------------------------


def test_unread_count_and_mark_read_touch_only_my_own(alice, bob):
    mine = [notification(alice), notification(alice), notification(alice, read=True)]
    his = notification(bob)

    assert unread_count(alice) == 2
    assert unread_count(AnonymousUser()) == 0
    assert mark_read(alice, [mine[0].pk, his.pk]) == 1
    assert unread_count(alice) == 1
    assert unread_count(bob) == 1
    assert mark_read(alice, "all") == 1
    assert unread_count(alice) == 0
    assert unread_count(bob) == 1


def test_the_header_shows_the_unread_count(alice, host_client):
    notification(alice)
    notification(alice)
    notification(alice, read=True)

    page = host_client("urumqi", alice).get("/accounts/profile/").content.decode()

    assert 'data-testid="unread-notifications">2<' in page


def test_the_header_shows_no_badge_when_all_is_read(alice, host_client):
    notification(alice, read=True)

    page = host_client("urumqi", alice).get("/accounts/profile/").content.decode()

    assert 'href="/notifications/"' in page
    assert 'data-testid="unread-notifications"' not in page


def test_the_page_lists_mine_newest_first_with_links_to_each_region(alice, bob, host_client):
    notification(alice, region="kashgar", title="喀什地区：已通过", minutes_ago=5, read=True)
    notification(alice, region="urumqi", title="乌鲁木齐市：已退回", minutes_ago=1)
    notification(bob, title="鲍勃的通知")

    response = host_client("public", alice).get("/notifications/")

    assert response.status_code == 200
    page = response.content.decode()
    assert page.index("乌鲁木齐市：已退回") < page.index("喀什地区：已通过")
    assert "鲍勃的通知" not in page
    assert "http://urumqi.localhost/applications/RSSQ00000001/" in page
    assert "http://kashgar.localhost/applications/RSSQ00000001/" in page
    assert page.count('class="notification unread"') == 1
    assert "全部标为已读" in page


def test_the_page_needs_a_login(host_client):
    response = host_client("urumqi").get("/notifications/")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_mark_all_read(alice, bob, host_client):
    notification(alice)
    notification(alice)
    notification(bob)

    response = host_client("urumqi", alice).post("/notifications/read-all/")

    assert response.status_code == 302
    assert response["Location"] == "/notifications/"
    assert unread_count(alice) == 0
    assert unread_count(bob) == 1


def test_opening_one_marks_it_read_and_goes_to_its_link(alice, host_client):
    item = notification(alice, region="urumqi")

    response = host_client("urumqi", alice).post(f"/notifications/{item.pk}/open/")

    assert response.status_code == 302
    assert response["Location"] == LINK
    item.refresh_from_db()
    assert item.read_at is not None


def test_opening_one_of_another_region_carries_the_login_to_that_host(alice, host_client):
    item = notification(alice, region="kashgar")

    response = host_client("urumqi", alice).post(f"/notifications/{item.pk}/open/")

    assert response.status_code == 302
    target = urlsplit(response["Location"])
    assert (target.scheme, target.netloc, target.path) == (
        "http",
        "kashgar.localhost",
        "/accounts/handoff/",
    )
    query = parse_qs(target.query)
    assert query["next"] == [LINK]
    assert query["ticket"]
    item.refresh_from_db()
    assert item.read_at is not None


def test_opening_someone_else_s_notification_is_a_404(alice, bob, host_client):
    item = notification(alice)

    response = host_client("urumqi", bob).post(f"/notifications/{item.pk}/open/")
    missing = host_client("urumqi", bob).post("/notifications/999999999/open/")

    assert response.status_code == 404
    assert missing.status_code == 404
    item.refresh_from_db()
    assert item.read_at is None


def test_opening_needs_a_post(alice, host_client):
    item = notification(alice)
    assert host_client("urumqi", alice).get(f"/notifications/{item.pk}/open/").status_code == 405


# --- API --------------------------------------------------------------------------------------


def test_the_api_lists_mine_with_the_unread_count(alice, bob, host_client):
    old = notification(alice, region="kashgar", minutes_ago=5, read=True)
    new = notification(alice, region="urumqi", minutes_ago=1)
    notification(bob)

    response = host_client("hotan", alice).get("/api/v1/notifications/")

    assert response.status_code == 200
    body = response.json()
    assert body["unread"] == 1
    assert [row["id"] for row in body["results"]] == [new.pk, old.pk]
    first = body["results"][0]
    assert first["region"] == "urumqi"
    assert first["link"] == LINK
    assert first["url"] == "http://urumqi.localhost/applications/RSSQ00000001/"
    assert first["unread"] is True
    assert first["read_at"] is None


def test_the_api_marks_some_or_all_of_mine_read(alice, bob, host_client):
    a1, a2, _a3 = notification(alice), notification(alice), notification(alice)
    his = notification(bob)
    client = host_client("urumqi", alice)

    some = client.post(
        "/api/v1/notifications/read/", {"ids": [a1.pk, his.pk]}, content_type="application/json"
    )
    assert some.status_code == 200
    assert some.json() == {"marked": 1, "unread": 2}
    assert unread_count(bob) == 1

    everything = client.post(
        "/api/v1/notifications/read/", {"all": True}, content_type="application/json"
    )
    assert everything.json() == {"marked": 2, "unread": 0}
    a2.refresh_from_db()
    assert a2.read_at is not None


@pytest.mark.parametrize("payload", [{}, {"ids": []}, {"all": False}, {"ids": [1], "all": True}])
def test_the_api_wants_ids_or_all(alice, host_client, payload):
    response = host_client("urumqi", alice).post(
        "/api/v1/notifications/read/", payload, content_type="application/json"
    )
    assert response.status_code == 400


def test_the_api_needs_a_login(host_client):
    assert host_client("urumqi").get("/api/v1/notifications/").status_code == 401


# --- the header's context processor -----------------------------------------------------------


def _request(user):
    request = RequestFactory().get("/")
    request.user = user
    return request


def test_the_context_costs_nothing_when_the_template_does_not_use_it(
    alice, django_assert_num_queries
):
    notification(alice)
    with django_assert_num_queries(0):
        context = notifications_context(_request(alice))
        Template("{{ user_name }}").render(Context({**context, "user_name": "阿丽娅"}))


def test_the_context_costs_one_count_when_the_template_uses_it(alice, django_assert_num_queries):
    notification(alice)
    notification(alice)
    context = notifications_context(_request(alice))
    template = Template("{% if unread_notifications %}{{ unread_notifications }}{% endif %}")
    with django_assert_num_queries(1):
        assert template.render(Context(context)) == "2"


def test_the_context_is_zero_without_a_query_for_visitors(django_assert_num_queries):
    context = notifications_context(_request(AnonymousUser()))
    with django_assert_num_queries(0):
        assert Template("{{ unread_notifications }}").render(Context(context)) == "0"


def test_each_mail_is_written_in_its_reader_s_language(
    alice, bob, django_capture_on_commit_callbacks
):
    alice.email, alice.language = "alice@example.com", "en"
    alice.save(update_fields=["email", "language"])
    bob.email = "bob@example.com"
    bob.save(update_fields=["email"])
    with django_capture_on_commit_callbacks(execute=True), in_region("kashgar"):
        notify_after_commit(user_ids=[alice.pk, bob.pk], title="申请书已退回", body="", link=LINK)
    with translation.override("ug"):  # whatever the worker's own language happens to be
        _run_queued_tasks_like_a_worker()
    subjects = {m.to[0]: m.subject for m in mail.outbox}
    assert subjects["alice@example.com"].startswith("[Xinjiang Professional Title")
    assert subjects["bob@example.com"] == "【新疆职称管理平台】申请书已退回"


def test_a_notification_reaches_each_reader_in_their_language_whatever_the_sender_spoke(
    alice, bob, django_capture_on_commit_callbacks
):
    """A unit reviewing in Chinese returns an application: the Uyghur-speaking applicant reads
    the status and the qualification in Uyghur, in the list and in the mail; a Chinese reader
    of the same message reads Chinese."""
    from core.catalog.sync import catalog_sync
    from core.models import Qualification
    from core.notifications.messages import message

    catalog_sync()
    qualification = Qualification.objects.get(code="school-teacher-chinese-intermediate")
    alice.email, alice.language = "alice@example.com", "ug"
    alice.save(update_fields=["email", "language"])
    title = message(
        "申请书%(number)s %(qualification)s：%(status)s",
        number="RSSQ00000001",
        qualification={"qualification": qualification.pk},
        status={"status": "returned"},
    )
    with (
        translation.override("zh-hans"),
        django_capture_on_commit_callbacks(execute=True),
        in_region("kashgar"),
    ):
        notify_after_commit(
            user_ids=[alice.pk, bob.pk], title=title, body="请补充论文。", link=LINK
        )
    _run_queued_tasks_like_a_worker()
    titles = dict(Notification.objects.values_list("recipient_id", "title"))
    with translation.override("ug"):
        uyghur = f"RSSQ00000001 {qualification.local_name}"
        assert uyghur in titles[alice.pk] and "ئۆزگەرتىشكە قايتۇرۇلدى" in titles[alice.pk]
    assert titles[bob.pk] == "申请书RSSQ00000001 一级教师：退回修改"
    assert "ئۆزگەرتىشكە قايتۇرۇلدى" in mail.outbox[0].subject
    assert Notification.objects.get(recipient=alice).body == "请补充论文。"  # typed words stay
