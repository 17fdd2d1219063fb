"""The region admin sets an offering's payment and paper-material requirements; the table's
payment rows are fired only by whom they name and only where payment is required."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from core.errors import ConflictError
from core.models import Qualification, Role
from tenants.crossing import in_region
from tenants.models import Region
from tests.support import client_for
from workflow.models import Application, Offering
from workflow.setup import committee_save
from workflow.states import Status
from workflow.transitions import SystemActor, apply_transition


def test_the_offering_form_keeps_payment_period_and_paper_requirements(catalog, make_user):
    admin = make_user(Role.REGION_ADMIN, region=Region.objects.get(schema_name="hami"))
    with in_region("hami"):
        committee = committee_save(
            name="哈密市中小学教师评审委员会",
            address="哈密市",
            contacts=[],
            reviews=[{"series": "school-teacher", "levels": ["intermediate"]}],
        )
    client = client_for("hami")
    client.force_login(admin)
    now = timezone.localtime()
    form = {
        "committee": committee.pk,
        "qualification": Qualification.objects.get(code="school-teacher-math-intermediate").pk,
        "year": now.year,
        "opens_at": (now - timedelta(days=1)).strftime("%Y-%m-%dT%H:%M"),
        "closes_at": (now + timedelta(days=5)).strftime("%Y-%m-%dT%H:%M"),
        "max_submissions": 2,
        "fee": "180.00",
        "with_recommending_unit": "on",
        "payment_required": "on",
        "payment_opens_at": (now + timedelta(days=10)).strftime("%Y-%m-%dT%H:%M"),
        "payment_closes_at": (now + timedelta(days=9)).strftime("%Y-%m-%dT%H:%M"),
        "paper_instructions": "一式两份，左侧装订",
        "paper_deadline": (now + timedelta(days=30)).strftime("%Y-%m-%d"),
        "paper_address": "哈密市建国路1号",
    }
    refused = client.post("/setup/offerings/new/", form)
    assert refused.status_code == 400
    assert "缴费截止时间必须晚于开始时间" in refused.content.decode()
    form["payment_closes_at"] = (now + timedelta(days=20)).strftime("%Y-%m-%dT%H:%M")
    assert client.post("/setup/offerings/new/", form).status_code == 302
    with in_region("hami"):
        offering = Offering.objects.get(committee=committee)
    assert offering.payment_required and offering.paper_address == "哈密市建国路1号"
    assert offering.payment_closes_at - offering.payment_opens_at == timedelta(days=10)
    assert offering.paper_deadline == (now + timedelta(days=30)).date()
    page = client.get(f"/setup/offerings/{offering.pk}/").content.decode()
    assert "哈密市建国路1号" in page


def test_paid_is_the_payment_system_s_and_only_where_payment_is_required(
    passed, committee_staff, alice
):
    number = passed["number"]
    with in_region("urumqi"):
        for person in (alice, committee_staff):
            with pytest.raises(PermissionDenied):
                apply_transition(number=number, action="paid", actor=person)
        with pytest.raises(PermissionDenied):
            apply_transition(number=number, action="paid", system=SystemActor.SCHEDULER)
        Offering.objects.filter(pk=passed["offering"].pk).update(payment_required=False)
        with pytest.raises(ConflictError) as refused:
            apply_transition(number=number, action="paid", system=SystemActor.PAYMENT)
        assert refused.value.code == "payment_not_required"
        Offering.objects.filter(pk=passed["offering"].pk).update(payment_required=True)
        apply_transition(number=number, action="paid", system=SystemActor.PAYMENT)
        assert Application.objects.get(number=number).status == Status.PAID
