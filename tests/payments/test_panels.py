"""我的申请书's 缴费 and 纸质材料 panels come from the page cache until an order or the paper
materials change, or the payment period closes (issue 18)."""

import re
from datetime import timedelta
from decimal import Decimal
from time import sleep

from django.utils import timezone

from payments.models import OrderStatus, PaperMaterial, PaperStatus, PaymentOrder
from tenants.crossing import in_region
from workflow.models import Application, Offering


def cards_of(client) -> str:
    page = client.get("/applications/").content.decode()
    token = re.search(r'"X-CSRFToken": "([^"]+)"', page).group(1)
    return page.replace(token, "")


def test_an_order_and_the_paper_show_on_the_cards_at_once(passed):
    client = passed["client"]
    first = cards_of(client)
    assert 'data-testid="payment-order"' not in first
    assert cards_of(client) == first
    with in_region("urumqi"):
        application = Application.objects.get(number=passed["number"])
        # Written as another worker would: the application's own row does not change.
        order = PaymentOrder.objects.create(
            application=application, amount=Decimal("200.00"), provider="sandbox"
        )
    assert 'data-testid="payment-order"' in cards_of(client)
    assert 'data-testid="receipt"' not in cards_of(client)
    with in_region("urumqi"):
        PaymentOrder.objects.filter(pk=order.pk).update(status=OrderStatus.PAID)
    assert 'data-testid="receipt"' in cards_of(client)
    assert "未收到" in cards_of(client)
    with in_region("urumqi"):
        PaperMaterial.objects.create(application=application, status=PaperStatus.RECEIVED)
    paper = cards_of(client)
    assert re.search(r'data-testid="paper-status">已收到<', paper)


def test_the_pay_button_goes_when_the_payment_period_closes(passed):
    client = passed["client"]
    closes = timezone.now() + timedelta(seconds=1)
    with in_region("urumqi"):
        Offering.objects.filter(pk=passed["offering"].pk).update(payment_closes_at=closes)
    assert 'data-testid="pay"' in cards_of(client)
    assert 'data-testid="pay"' in cards_of(client)
    while timezone.now() <= closes:
        sleep(0.1)
    page = cards_of(client)
    assert 'data-testid="pay"' not in page
    assert "缴费已截止" in page
