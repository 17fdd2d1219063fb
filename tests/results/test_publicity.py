"""公示: the public list says little, anyone may object, the committee handles objections, and
the scheduler ends the period through the table."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from core.errors import ConflictError
from results.models import Handling, Objection, Publicity
from results.publicity import (
    end_due_here,
    objection_handle,
    publicity_create,
    working_days_end,
)
from results.tasks import end_due_publicities
from tenants.crossing import in_region
from tests.results.conftest import HOME, last_record, status_of
from tests.support import client_for
from workflow.history import history_rows
from workflow.models import Application
from workflow.states import Status
from workflow.transitions import SystemActor


@pytest.fixture
def in_publicity(staff, numbers):
    """Three of the four passed the meeting and are published from today for 5 working days."""
    with in_region(HOME):
        Application.objects.filter(number__in=numbers[:3]).update(status=Status.MEETING_PASSED)
        return publicity_create(
            staff,
            {
                "title": "2026年中小学教师职称评审结果公示",
                "starts_on": timezone.localdate().isoformat(),
            },
            numbers,
        )


def test_five_working_days_skip_the_weekend():
    from datetime import date

    assert working_days_end(date(2026, 12, 4)) == date(2026, 12, 10)  # Friday → Thursday
    assert working_days_end(date(2026, 12, 7)) == date(2026, 12, 11)  # Monday → Friday
    assert working_days_end(date(2026, 12, 5)) == date(2026, 12, 11)  # Saturday → Friday


def test_the_public_list_shows_name_unit_qualification_and_level_only(
    in_publicity, numbers, applicants
):
    assert in_publicity.ends_on == working_days_end(timezone.localdate())
    assert [status_of(n) for n in numbers] == [Status.IN_PUBLICITY] * 3 + [
        Status.FORMAL_REVIEW_PASSED
    ]
    anonymous = client_for(HOME)
    listed = anonymous.get("/api/v1/publicity/")
    assert listed.status_code == 200
    (shown,) = listed.json()
    people = shown["people"]
    assert [p["name"] for p in people] == ["阿丽娅", "鲍勃", "古丽"]
    assert set(people[0]) == {"entry", "name", "unit", "qualification", "level"}
    assert people[0]["level"] == "中级"
    text = listed.content.decode() + anonymous.get("/publicity/").content.decode()
    for person, number in zip(applicants, numbers, strict=False):
        assert person.id_card_number not in text
        assert number not in text
    assert "阿丽娅" in anonymous.get("/publicity/").content.decode()
    # Another region publishes nothing of it.
    assert client_for("karamay").get("/api/v1/publicity/").json() == []


def test_anyone_objects_and_the_committee_dismisses_or_upholds(in_publicity, staff, numbers):
    anonymous = client_for(HOME)
    people = anonymous.get("/api/v1/publicity/").json()[0]["people"]
    url = f"/api/v1/publicity/{in_publicity.pk}/objections/"
    against_bob = anonymous.post(
        url,
        {
            "name": "张三",
            "contact": "13900000000",
            "reason": "论文系抄袭。",
            "entry": people[1]["entry"],
        },
        content_type="application/json",
    )
    assert against_bob.status_code == 201, against_bob.content
    general = anonymous.post(
        url,
        {"name": "李四", "contact": "li@example.cn", "reason": "公示时间太短。"},
        content_type="application/json",
    )
    assert general.status_code == 201
    for bad in (
        {"name": "", "contact": "1", "reason": "x"},
        {"name": "a\x00", "contact": "1", "reason": "x"},
        {"name": "a", "contact": "1", "reason": "x", "entry": 99999},
    ):
        assert anonymous.post(url, bad, content_type="application/json").status_code == 400
    assert (
        anonymous.post(
            "/api/v1/publicity/999999/objections/",
            {"name": "a", "contact": "1", "reason": "x"},
            content_type="application/json",
        ).status_code
        == 404
    )
    # The page's form does the same.
    page = anonymous.post(
        f"/publicity/{in_publicity.pk}/objection/",
        {"name": "王五", "contact": "1", "reason": "同上"},
    )
    assert page.status_code == 302
    with in_region(HOME):
        assert Objection.objects.filter(publicity=in_publicity).count() == 3
        bob, general_one = (
            Objection.objects.get(name="张三"),
            Objection.objects.get(name="李四"),
        )
        with pytest.raises(ValidationError):
            objection_handle(staff, bob.pk, {"handling": "upheld", "handling_reason": ""})
        objection_handle(
            staff, general_one.pk, {"handling": "dismissed", "handling_reason": "公示期符合规定。"}
        )
        objection_handle(
            staff, bob.pk, {"handling": "upheld", "handling_reason": "经核实，论文存在抄袭。"}
        )
        with pytest.raises(ConflictError):
            objection_handle(staff, bob.pk, {"handling": "dismissed", "handling_reason": "再议"})
        assert Objection.objects.get(pk=bob.pk).handling == Handling.UPHELD
    assert status_of(numbers[1]) == Status.REJECTED
    record = last_record(numbers[1])
    assert (record.action, record.actor_id) == ("revoke_pass", staff.pk)
    assert "论文存在抄袭" in record.opinion
    assert status_of(numbers[0]) == Status.IN_PUBLICITY  # a dismissed objection changes nothing
    # The revoked pass is no longer on the public list.
    names = [p["name"] for p in anonymous.get("/api/v1/publicity/").json()[0]["people"]]
    assert names == ["阿丽娅", "古丽"]


def test_objections_by_the_page_count_against_the_same_anonymous_limit_as_the_api(
    in_publicity, settings
):
    from django.core.cache import cache

    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {
            **settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"],
            "anonymous_upload": "1/min",
        },
    }
    cache.clear()
    anonymous = client_for(HOME)
    objection = {"name": "王五", "contact": "13800000000", "reason": "请核实其论文。"}
    assert anonymous.post(f"/publicity/{in_publicity.pk}/objection/", objection).status_code == 302
    refused = anonymous.post(f"/publicity/{in_publicity.pk}/objection/", objection, follow=True)
    assert "提交过于频繁，请稍后再试。" in refused.content.decode()
    with in_region(HOME):
        assert Objection.objects.filter(publicity=in_publicity).count() == 1
    cache.clear()


def test_the_scheduler_ends_the_period_and_the_history_names_it(in_publicity, numbers):
    """Nothing moves before the end; the day after, the task moves each one without an
    objection waiting on; one with an objection waiting stays until it is handled."""
    anonymous = client_for(HOME)
    entry_of_gulli = anonymous.get("/api/v1/publicity/").json()[0]["people"][2]["entry"]
    anonymous.post(
        f"/api/v1/publicity/{in_publicity.pk}/objections/",
        {"name": "赵六", "contact": "1", "reason": "资历不符。", "entry": entry_of_gulli},
        content_type="application/json",
    )
    with in_region(HOME):
        assert end_due_here(in_publicity.ends_on) == 0  # the last day is still publicity
        assert end_due_here(in_publicity.ends_on + timedelta(days=1)) == 2
        assert Publicity.objects.get(pk=in_publicity.pk).ended_at is None  # 古丽 waits
    assert [status_of(n) for n in numbers[:3]] == [
        Status.PUBLICITY_ENDED,
        Status.PUBLICITY_ENDED,
        Status.IN_PUBLICITY,
    ]
    record = last_record(numbers[0])
    assert (record.action, record.actor, record.system_actor, record.org_kind) == (
        "end_publicity",
        None,
        SystemActor.SCHEDULER,
        "system",
    )
    with in_region(HOME):
        application = Application.objects.select_related("offering__committee", "flow").get(
            number=numbers[0]
        )
        assert history_rows(application)[-1].actor == "定时任务"
        objection = Objection.objects.get(name="赵六")
        objection.handling, objection.handling_reason = Handling.DISMISSED, "不属实"
        objection.save()
        assert end_due_here(in_publicity.ends_on + timedelta(days=2)) == 1
        assert Publicity.objects.get(pk=in_publicity.pk).ended_at is not None
        assert end_due_here(in_publicity.ends_on + timedelta(days=3)) == 0
    assert status_of(numbers[2]) == Status.PUBLICITY_ENDED
    assert client_for(HOME).get("/api/v1/publicity/").json() == []


def test_the_schedule_queues_the_end_in_every_region(db, monkeypatch):
    queued = []
    monkeypatch.setattr("results.tasks.enqueue", queued.append)
    end_due_publicities()
    assert len(queued) == 15
    assert set(queued) == {"results.tasks.end_due_in_region"}


def test_a_publicity_needs_passed_applications_and_sound_dates(staff, numbers):
    with in_region(HOME), pytest.raises(ValidationError) as refused:
        publicity_create(staff, {"title": "公示", "starts_on": "2026-02-30"}, numbers)
    assert set(refused.value.message_dict) == {"numbers", "starts_on"}
