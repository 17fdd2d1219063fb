"""The committee's side: 线下缴费 with a reason, the list with its filters, the reconciliation
(page and CSV), paper materials set by hand or by scanning the material bag's number, which
the applicant sees in 我的申请书; and who may see whose orders (the API's isolation)."""

import csv
import io
from decimal import Decimal

from core.models import Role
from payments.models import OrderStatus, PaperMaterial, PaymentOrder
from tenants.crossing import in_region
from tenants.models import Region
from tests.payments.conftest import deliver_outbox, pay_at_sandbox
from tests.support import client_for
from workflow.models import Application, TransitionRecord
from workflow.states import Status


def committee_client(staff):
    client = client_for("urumqi")
    client.force_login(staff)
    return client


def test_the_committee_records_a_payment_taken_in_person(passed, committee_staff):
    client = committee_client(committee_staff)
    number = passed["number"]
    page = client.get(f"/payments/applications/{number}/")
    assert 'data-testid="record-offline"' in page.content.decode()
    refused = client.post(
        f"/payments/applications/{number}/", {"form": "offline", "reason": "  "}, follow=True
    )
    assert "请填写意见" in refused.content.decode()
    client.post(
        f"/payments/applications/{number}/",
        {"form": "offline", "reason": "现场刷卡缴费，收据号 0012345"},
    )
    with in_region("urumqi"):
        assert Application.objects.get(number=number).status == Status.PAID
        order = PaymentOrder.objects.get(application__number=number)
        assert (order.provider, order.status, order.amount, order.created_by) == (
            "offline",
            OrderStatus.PAID,
            Decimal("200.00"),
            committee_staff,
        )
        record = TransitionRecord.objects.filter(application__number=number).latest("pk")
        assert (record.action, record.actor, record.opinion) == (
            "record_offline_payment",
            committee_staff,
            "现场刷卡缴费，收据号 0012345",
        )
    # 阿丽娅 sees it paid, with the receipt.
    cards = passed["client"].get("/applications/").content.decode()
    assert "已缴费" in cards and 'data-testid="receipt"' in cards
    receipt = passed["client"].get(f"/applications/{number}/payments/{order.pk}/receipt.pdf")
    assert receipt.content.startswith(b"%PDF")
    # No second entry, and no online payment any more.
    page = client.get(f"/payments/applications/{number}/")
    assert 'data-testid="record-offline"' not in page.content.decode()
    assert 'data-testid="pay"' not in cards


def test_the_list_filters_and_the_reconciliation_adds_up(sandbox, passed, committee_staff):
    pay = passed["client"].post(f"/applications/{passed['number']}/pay/")
    pay_at_sandbox(pay.url)
    deliver_outbox(sandbox)
    client = committee_client(committee_staff)
    offering = passed["offering"].pk
    listing = client.get(f"/payments/offerings/{offering}/", {"payment": "paid"})
    assert f'data-number="{passed["number"]}"' in listing.content.decode()
    unpaid = client.get(f"/payments/offerings/{offering}/", {"payment": "unpaid"})
    assert f'data-number="{passed["number"]}"' not in unpaid.content.decode()
    nonsense = client.get(f"/payments/offerings/{offering}/", {"payment": "bogus", "paper": "x"})
    assert nonsense.status_code == 200
    exported = client.get(f"/payments/offerings/{offering}/reconciliation.csv")
    rows = list(csv.reader(io.StringIO(exported.content.decode("utf-8-sig"))))
    assert rows[0][0] == "申请书编号"
    assert [(r[0], r[4], r[5]) for r in rows[1:]] == [(passed["number"], "200.00", "已支付")]
    page = client.get(f"/payments/offerings/{offering}/").content.decode()
    assert 'data-status="paid"><td>已支付</td><td>1</td><td>200.00</td>' in page


def test_paper_materials_marked_by_scanner_and_by_hand(passed, committee_staff):
    client = committee_client(committee_staff)
    number = passed["number"]
    cards = passed["client"].get("/applications/").content.decode()
    assert "一式两份，A4装订" in cards and "未收到" in cards
    incomplete = client.post(
        f"/payments/applications/{number}/", {"form": "paper", "status": "incomplete"}, follow=True
    )
    assert "请说明缺少哪些材料" in incomplete.content.decode()
    client.post(
        f"/payments/applications/{number}/",
        {"form": "paper", "status": "incomplete", "note": "缺少学历证书复印件"},
    )
    cards = passed["client"].get("/applications/").content.decode()
    assert "材料不全" in cards and "缺少学历证书复印件" in cards
    # The bag arrives complete: scanned at the desk (lower case as some scanners send it).
    scanned = client.post("/payments/paper-scan/", {"number": number.lower()}, follow=True)
    assert f"已签收：{number}" in scanned.content.decode()
    unknown = client.post("/payments/paper-scan/", {"number": "NOSUCH000001"}, follow=True)
    assert "未找到申请书NOSUCH000001" in unknown.content.decode()
    with in_region("urumqi"):
        paper = PaperMaterial.objects.get(application__number=number)
        assert (paper.status, paper.updated_by) == ("received", committee_staff)
    assert "已收到" in passed["client"].get("/applications/").content.decode()


def test_orders_are_seen_by_their_applicant_and_reviewers_only(
    sandbox, passed, alice, bob, make_user, committee_staff
):
    created = passed["client"].post(f"/api/v1/applications/{passed['number']}/payments/")
    assert created.status_code == 201
    body = created.json()
    assert {"payment_id", "pay_url", "amount", "status"} <= body.keys()
    assert (body["amount"], body["status"]) == ("200.00", "created")
    assert body["pay_url"].startswith(sandbox)
    listed = passed["client"].get(f"/api/v1/applications/{passed['number']}/payments/").json()
    assert [o["payment_id"] for o in listed] == [body["payment_id"]]
    staff = committee_client(committee_staff).get(
        f"/api/v1/applications/{passed['number']}/payments/"
    )
    assert staff.status_code == 200
    stranger = client_for("urumqi")
    stranger.force_login(bob)
    path = f"/api/v1/applications/{passed['number']}/payments/"
    assert stranger.get(path).status_code == 404
    assert stranger.post(path).status_code == 404
    order_page = f"/applications/{passed['number']}/payments/{body['payment_id']}/"
    assert stranger.get(order_page).status_code == 404
    # On another region's host her own number is unknown; that region's committee sees nothing.
    for person in (
        alice,
        make_user(Role.COMMITTEE_STAFF, region=Region.objects.get(schema_name="karamay")),
    ):
        elsewhere = client_for("karamay")
        elsewhere.force_login(person)
        assert elsewhere.get(path).status_code == 404
        assert elsewhere.get(order_page).status_code == 404


def test_paper_materials_wait_for_formal_review(passed, committee_staff):
    with in_region("urumqi"):
        Application.objects.filter(number=passed["number"]).update(
            status=Status.IN_REVIEW, current_node=2
        )
    client = committee_client(committee_staff)
    scanned = client.post("/payments/paper-scan/", {"number": passed["number"]}, follow=True)
    assert "尚未通过形式审核" in scanned.content.decode()
    with in_region("urumqi"):
        assert not PaperMaterial.objects.exists()


def test_an_offline_payment_through_the_api_is_booked_too(passed, committee_staff):
    answer = committee_client(committee_staff).post(
        f"/api/v1/applications/{passed['number']}/transitions/",
        {"action": "record_offline_payment", "opinion": "现金缴费，收据 0099"},
        content_type="application/json",
    )
    assert answer.status_code == 200
    assert answer.json()["status"] == Status.PAID
    with in_region("urumqi"):
        order = PaymentOrder.objects.get(application__number=passed["number"])
        assert (order.provider, order.status, order.note, order.created_by) == (
            "offline",
            OrderStatus.PAID,
            "现金缴费，收据 0099",
            committee_staff,
        )
