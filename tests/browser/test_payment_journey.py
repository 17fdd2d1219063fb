"""缴费 in the browser: the committee passes formal review; the applicant presses 缴费
on 我的申请书, pays at the sandbox platform (支付成功), comes back to 已支付 and sees 已缴费
on her card; the sandbox's signed notification reaches the platform over HTTP; the committee
scans the number on her material bag and she sees 已收到."""

import uuid
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from core.catalog.sync import catalog_sync
from core.identity.validators import make_id_card_number
from core.models import Authority, Qualification, Role
from payments.models import PaymentNotification
from tenants.crossing import in_region
from tenants.models import Region
from tests.browser.test_review_journey import log_in
from tests.support import complete_unit, demo_account
from workflow.applications import application_create
from workflow.models import Application, CommitteeStaff
from workflow.setup import DEFAULT_FLOW, committee_save, offering_save
from workflow.states import Status

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


@pytest.fixture(scope="module")
def at_committee(django_db_setup, django_db_blocker):
    """Committed: an application in 博尔塔拉 waiting for formal review, in an offering that
    requires 260 yuan online."""
    tag = uuid.uuid4().hex[:6]
    with django_db_blocker.unblock():
        catalog_sync()
        region = Region.objects.get(schema_name="bortala")
        authority = Authority.objects.create(region=region, name=f"博州教育局{tag}")
        unit = complete_unit(
            region, f"博乐市第二小学{tag}", f"博乐二小{tag}", f"P{int(tag, 16) % 10**7:07d}"
        )
        unit.save()
        unit.recommending_units.add(authority)
        applicant = demo_account(
            f"payer-{tag}",
            "阿依努尔",
            Role.APPLICANT,
            id_card_number=make_id_card_number("652701", date(1990, 3, 1), int(tag, 16) % 998),
        )
        staff = demo_account(f"cashier-{tag}", "评委会办公室", Role.COMMITTEE_STAFF, region=region)
        with in_region("bortala"):
            committee = committee_save(
                name=f"博州缴费评审委员会{tag}",
                address="博乐市青得里大街1号",
                contacts=[],
                reviews=[{"series": "school-teacher", "levels": ["intermediate"]}],
            )
            CommitteeStaff.objects.create(committee=committee, user=staff)
            now = timezone.now()
            offering = offering_save(
                committee=committee,
                qualification=Qualification.objects.get(code="school-teacher-art-intermediate"),
                year=timezone.localdate().year,
                opens_at=now - timedelta(days=1),
                closes_at=now + timedelta(days=9),
                flow_nodes=DEFAULT_FLOW,
                fee=Decimal("260.00"),
                paper_instructions="申报材料一式两份，左侧装订。",
                payment={"payment_required": True, "paper_address": "博乐市青得里大街1号"},
            )
            application = application_create(applicant=applicant, offering=offering, unit=unit)
            Application.objects.filter(pk=application.pk).update(
                status=Status.IN_REVIEW, current_node=2, submission_count=1
            )
    return {"applicant": applicant, "staff": staff, "number": application.number}


def test_she_pays_in_the_sandbox_and_the_committee_receives_her_paper_materials(
    live_platform, payment_sandbox, browser, at_committee
):
    port = live_platform.rsplit(":", 1)[1]
    base = f"http://bortala.localhost:{port}"
    number = at_committee["number"]
    card = f'[data-number="{number}"]'

    committee_context, committee = log_in(browser, base, at_committee["staff"])
    committee.goto(f"{base}/review/{number}/")
    committee.click("[data-testid=pass]")
    committee.wait_for_url(base + "/review/")

    applicant_context, applicant = log_in(browser, base, at_committee["applicant"])
    applicant.set_viewport_size({"width": 390, "height": 844})
    applicant.goto(base + "/applications/")
    assert applicant.inner_text(f"{card} [data-testid=payment-amount]") == "260.00"
    assert "左侧装订" in applicant.inner_text(f"{card} [data-testid=paper-panel]")
    applicant.click(f"{card} [data-testid=pay]")
    applicant.wait_for_url(payment_sandbox + "/pay/*")
    assert "260.00" in applicant.content()
    applicant.click("text=支付成功")
    applicant.wait_for_url(f"{base}/applications/{number}/payments/*/")
    assert applicant.inner_text("[data-testid=order-status]") == "已支付"
    applicant.click("[data-testid=back-to-applications]")
    assert applicant.inner_text(f"{card} [data-testid=status]") == "已缴费"
    assert applicant.locator(f"{card} [data-testid=receipt]").count() == 1

    # The sandbox's notification came over HTTP too (after or before the return page asked).
    with in_region("bortala"):
        for _ in range(50):
            notes = list(PaymentNotification.objects.filter(order__application__number=number))
            if notes:
                break
            applicant.wait_for_timeout(200)
        assert notes and all(note.signature_valid for note in notes)

    committee.goto(base + "/payments/")
    committee.click("[data-testid=paper-scan-link]")
    committee.fill("[data-testid=scan-number]", number)
    committee.press("[data-testid=scan-number]", "Enter")
    committee.wait_for_url(base + "/payments/paper-scan/")
    assert f"已签收：{number}" in committee.content()
    assert committee.evaluate("document.activeElement.name") == "number"  # ready for the next

    applicant.reload()
    assert applicant.inner_text(f"{card} [data-testid=paper-status]") == "已收到"
    for context in (applicant_context, committee_context):
        context.close()
