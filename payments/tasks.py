"""Background work of payments, run by the region-aware queue (tenants.queue).

`sweep_all_regions` is scheduled (django-q2, every minute; `manage.py payment_schedule`): in
each region it queries the provider about orders still open — their notification may never
have come — expiring those past their time, and retries refunds the provider did not confirm.
Tests call `sweep_region` directly inside a region.
"""

from datetime import timedelta

from django.utils import timezone

from payments import services
from payments.models import OPEN_STATUSES, OrderStatus, PaymentOrder
from tenants.crossing import each_region
from tenants.queue import enqueue

# Orders younger than this are left to their notification.
QUIET_SECONDS = 60


def refund_order(order_id: int) -> str:
    return services.refund_order(order_id)


def sweep_region(now=None) -> dict[str, int]:
    """Query open orders and retry refunds in the current region; counts by what was done."""
    now = now or timezone.now()
    done = {"queried": 0, "refunds": 0}
    open_orders = PaymentOrder.objects.filter(
        status__in=OPEN_STATUSES, created_at__lte=now - timedelta(seconds=QUIET_SECONDS)
    ).exclude(provider_order_id="")
    for order_id in open_orders.values_list("pk", flat=True)[:500]:
        services.order_query(order_id)
        done["queried"] += 1
    refunding = PaymentOrder.objects.filter(status=OrderStatus.REFUNDING).exclude(
        provider=services.OFFLINE
    )
    for order_id in refunding.values_list("pk", flat=True)[:500]:
        services.refund_order(order_id)
        done["refunds"] += 1
    return done


def sweep_all_regions() -> None:
    """The scheduled task (run in public): one sweep per region, each in its own schema."""
    for _region in each_region():
        enqueue("payments.tasks.sweep_region")
