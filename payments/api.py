"""`/api/v1/applications/{number}/payments/`: the applicant's orders (GET) and a new one (POST,
201 `{"payment_id", "pay_url", "amount", "status"}`). Reviewers of the application read them."""

from rest_framework import status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from core.access import EVERYONE
from core.models import Role
from payments import services
from payments.models import PaymentOrder
from payments.views import callback_urls
from workflow.access import access_application


def order_json(order: PaymentOrder) -> dict:
    return {
        "payment_id": order.pk,
        "pay_url": order.pay_url,
        "amount": f"{order.amount:.2f}",
        "currency": order.currency,
        "status": order.status,
        "status_label": order.get_status_display(),
        "provider": order.provider,
        "created_at": order.created_at,
        "expires_at": order.expires_at,
        "paid_at": order.paid_at,
        "refunded_at": order.refunded_at,
    }


class PaymentListApi(APIView):
    access_roles = EVERYONE
    write_roles = frozenset({Role.APPLICANT})

    def get(self, request: Request, number: str) -> Response:
        application = access_application(request.user, number)
        orders = application.payment_orders.order_by("-created_at")
        return Response([order_json(order) for order in orders])

    def post(self, request: Request, number: str) -> Response:
        application = access_application(request.user, number, for_write=True)
        notify, back = callback_urls(request._request, number)
        order = services.order_create(
            application, user=request.user, notify_url=notify, return_url=back
        )
        return Response(order_json(order), status=status.HTTP_201_CREATED)
