"""缴费 pages: the applicant pays and reads the outcome and the receipt; the provider's callback;
the committee's payment list, reconciliation (page and CSV), offline entry, paper materials and
the barcode-scanner page."""

import csv

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, RawPostDataException
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from core.access import region_role_required
from core.errors import ConflictError, error_messages
from core.models import Role
from payments import committee, services
from payments.models import OrderStatus, PaperStatus, PaymentOrder
from payments.paper import paper_status_set
from payments.receipt import receipt_pdf
from workflow.access import access_application

applicant_only = region_role_required(Role.APPLICANT)
committee_only = region_role_required(Role.COMMITTEE_STAFF)


def callback_urls(request: HttpRequest, number: str) -> tuple[str, str]:
    """Where the provider notifies the platform and where it sends the payer back."""
    notify = request.build_absolute_uri(reverse("payment-notify"))
    back = request.build_absolute_uri(reverse("payment-return", args=[number, 0]))
    return notify, back.replace("/0/", "/{order}/")


@applicant_only
@require_POST
def pay(request: HttpRequest, number: str) -> HttpResponse:
    """缴费: a new order (or the one still waiting) and off to the provider's pay page."""
    application = access_application(request.user, number, for_write=True)
    notify, back = callback_urls(request, number)
    try:
        order = services.order_create(
            application, user=request.user, notify_url=notify, return_url=back
        )
    except ConflictError as error:
        messages.error(request, str(error))
        return redirect("my-applications")
    return redirect(order.pay_url)


def _own_order(request: HttpRequest, number: str, order_id: int) -> PaymentOrder:
    application = access_application(request.user, number)
    return get_object_or_404(
        PaymentOrder.objects.select_related("application__qualification"),
        pk=order_id,
        application=application,
    )


@applicant_only
def payment_return(request: HttpRequest, number: str, order_id: int) -> HttpResponse:
    """Back from the provider: the order as the platform knows it. If its notification has not
    come yet, the provider is asked; the page asks again by itself while it waits."""
    order = _own_order(request, number, order_id)
    if order.status == OrderStatus.CREATED:
        services.order_query(order.pk)
        order.refresh_from_db()
    response = render(request, "payments/return.html", {"order": order})
    if order.status == OrderStatus.CREATED:
        response["Refresh"] = "3"
    return response


@applicant_only
def receipt(request: HttpRequest, number: str, order_id: int) -> HttpResponse:
    """电子票据 of a paid order (PDF, in the browser's viewer)."""
    order = _own_order(request, number, order_id)
    if order.status != OrderStatus.PAID:
        raise Http404
    response = HttpResponse(receipt_pdf(order), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="receipt-{order.receipt_number}.pdf"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


@csrf_exempt
@require_POST
def notify(request: HttpRequest) -> HttpResponse:
    """The provider's asynchronous notification (signed; no session). Acknowledged with the
    provider's word for success once handled, including duplicates and orders that are no
    longer payable (recorded, not credited); refused otherwise, so the provider tries again."""
    try:
        body = request.body
    except RawPostDataException:  # a form post, already parsed: no provider sends those
        body = b""
    headers = dict(request.headers.items())
    acknowledged, _record = services.notification_receive(
        body, headers, request.META.get("REMOTE_ADDR")
    )
    if not acknowledged:
        return HttpResponse(b"fail", status=400, content_type="text/plain")
    return HttpResponse(services.get_provider().acknowledgement, content_type="text/plain")


# --- the committee ----------------------------------------------------------------------------


@committee_only
def offerings(request: HttpRequest) -> HttpResponse:
    """缴费与纸质材料: the committee's offerings with their counts."""
    return render(
        request, "payments/offerings.html", {"offerings": committee.offerings_of(request.user)}
    )


@committee_only
def offering_payments(request: HttpRequest, offering_id: int) -> HttpResponse:
    """The applications of one offering past formal review: payment and paper status, filters,
    and the reconciliation of its orders."""
    offering = committee.offering_of(request.user, offering_id)
    filters = committee.Filters.from_query(request.GET)
    rows = committee.payment_rows(offering, filters)
    return render(
        request,
        "payments/offering.html",
        {
            "offering": offering,
            "rows": rows,
            "filters": filters,
            "totals": committee.reconciliation(offering),
            "payment_choices": committee.PAYMENT_FILTERS,
            "paper_choices": PaperStatus.choices,
        },
    )


@committee_only
def reconciliation_csv(request: HttpRequest, offering_id: int) -> HttpResponse:
    """对账: every order of the offering, one line each."""
    offering = committee.offering_of(request.user, offering_id)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="reconciliation-{offering.pk}.csv"'
    response.write("\ufeff")  # Excel reads UTF-8 with the mark
    writer = csv.writer(response)
    writer.writerow(
        [
            _("申请书编号"),
            _("申请人"),
            _("订单号"),
            _("缴费渠道"),
            _("金额（元）"),
            _("状态"),
            _("支付时间"),
            _("退款时间"),
            _("说明"),
        ]
    )
    for order in committee.orders_of(offering):
        writer.writerow(
            [
                order.application.number,
                committee.csv_safe(order.application.applicant.display_name),
                order.merchant_order_id,
                order.provider,
                f"{order.amount:.2f}",
                order.get_status_display(),
                order.paid_at.isoformat() if order.paid_at else "",
                order.refunded_at.isoformat() if order.refunded_at else "",
                committee.csv_safe(order.note),
            ]
        )
    return response


@committee_only
@require_http_methods(["GET", "POST"])
def application_payments(request: HttpRequest, number: str) -> HttpResponse:
    """One application for the committee: its orders, 线下缴费 entry and paper materials."""
    application = committee.application_of(request.user, number)
    if request.method == "POST":
        try:
            if request.POST.get("form") == "offline":
                services.offline_payment_record(
                    application, user=request.user, reason=request.POST.get("reason", "")
                )
                messages.success(request, _("已登记线下缴费。"))
            else:
                paper_status_set(
                    application,
                    user=request.user,
                    status=request.POST.get("status", ""),
                    note=request.POST.get("note", ""),
                )
                messages.success(request, _("纸质材料状态已保存。"))
        except (ConflictError, ValidationError) as error:
            messages.error(request, " ".join(error_messages(error)))
        return redirect("committee-payment", number=number)
    return render(
        request,
        "payments/application.html",
        {
            "application": application,
            "orders": list(application.payment_orders.order_by("-created_at")),
            "paper": committee.paper_of(application),
            "paper_choices": PaperStatus.choices,
            "offline_possible": committee.offline_possible(request.user, application),
        },
    )


@committee_only
@require_http_methods(["GET", "POST"])
def scan(request: HttpRequest) -> HttpResponse:
    """纸质材料签收: one field for a barcode scanner (or typing); enter marks it received."""
    if request.method == "POST":
        number = request.POST.get("number", "").strip().upper()[:20]
        try:
            application = committee.application_of(request.user, number)
        except Http404:
            messages.error(request, _("未找到申请书%(number)s。") % {"number": number})
        else:
            try:
                paper_status_set(application, user=request.user, status=PaperStatus.RECEIVED)
            except ConflictError as error:
                messages.error(request, str(error))
            else:
                messages.success(
                    request,
                    _("已签收：%(number)s %(name)s")
                    % {"number": number, "name": application.applicant.display_name},
                )
        return redirect("committee-paper-scan")
    return render(request, "payments/scan.html")
