"""电子票据: a one-page PDF receipt of a paid order, through printing's renderer and fonts."""

from django.template.loader import render_to_string
from django.utils import timezone

from payments.models import PaymentOrder
from printing.pdf import code128_data_uri, html_to_pdf


def receipt_pdf(order: PaymentOrder) -> bytes:
    application = order.application
    html = render_to_string(
        "payments/document/receipt.html",
        {
            "order": order,
            "application": application,
            "applicant": application.applicant.display_name,
            "committee": application.offering.committee.name,
            "paid_at": timezone.localtime(order.paid_at),
            "barcode": code128_data_uri(order.receipt_number),
        },
    )
    return html_to_pdf(html).data
