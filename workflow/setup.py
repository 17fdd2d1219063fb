"""A region's set-up, managed by its admin: committees, review flows, offerings, notices.

Plain functions; they run inside the region's schema (the request's host decides it).
"""

from datetime import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.files.blobs import blob_store
from core.models import LEVEL_ORDER, Authority, Level, Qualification, Series, User
from tenants.crossing import current_region_code
from workflow.index import index_committee_names
from workflow.models import Committee, Flow, NodeKind, Notice, Offering

DEFAULT_FLOW = [
    {"kind": NodeKind.BASE_UNIT},
    {"kind": NodeKind.RECOMMENDING_UNIT},
    {"kind": NodeKind.COMMITTEE},
]


def _clean_reviews(reviews: list[dict]) -> list[dict]:
    codes = set(Series.objects.values_list("code", flat=True))
    cleaned = []
    for item in reviews:
        series, levels = item.get("series"), item.get("levels") or []
        if series not in codes:
            raise ValidationError(
                {"reviews": [_("评审范围中的系列不存在：%(code)s") % {"code": series}]}
            )
        unknown = set(levels) - set(Level.values)
        if unknown or not levels:
            raise ValidationError({"reviews": [_("请为每个系列选择评审级别。")]})
        cleaned.append({"series": series, "levels": [lvl for lvl in LEVEL_ORDER if lvl in levels]})
    if not cleaned:
        raise ValidationError({"reviews": [_("请至少选择一个评审系列和级别。")]})
    return cleaned


def committee_save(
    *,
    name: str,
    address: str,
    contacts: list[dict],
    reviews: list[dict],
    committee: Committee | None = None,
    name_en: str = "",
    name_ug: str = "",
) -> Committee:
    """Create or change a committee. Its English and Uyghur names are optional: readers of
    those languages see the Chinese name until they are given."""
    target = committee or Committee()
    target.name, target.address = name.strip(), address.strip()
    target.name_en, target.name_ug = name_en.strip(), name_ug.strip()
    target.contacts = [
        {"name": c.get("name", "").strip(), "phone": c.get("phone", "").strip()}
        for c in contacts
        if c.get("name") or c.get("phone")
    ]
    target.reviews = _clean_reviews(reviews)
    if Committee.objects.filter(name=target.name).exclude(pk=target.pk).exists():
        raise ValidationError({"name": [_("本地区已有同名评审委员会。")]})
    target.save()
    if committee is not None:
        index_committee_names(target)
    return target


def flow_create(nodes: list[dict]) -> Flow:
    """A new immutable flow; the first node is the base unit, the last the committee."""
    cleaned: list[dict] = []
    for node in nodes:
        kind = node.get("kind")
        if kind not in NodeKind.values:
            raise ValidationError({"flow": [_("未知的流程节点。")]})
        if kind == NodeKind.AUTHORITY:
            authority = Authority.objects.filter(
                pk=node.get("authority_id"),
                region__schema_name=current_region_code(),
                is_active=True,
            ).first()
            if authority is None:
                raise ValidationError({"flow": [_("流程中的指定单位不存在或已停用。")]})
            cleaned.append({"kind": kind, "authority_id": authority.pk, "name": authority.name})
        else:
            cleaned.append({"kind": kind})
    kinds = [node["kind"] for node in cleaned]
    if not kinds or kinds[0] != NodeKind.BASE_UNIT:
        raise ValidationError({"flow": [_("审核流程的第一个节点必须是基层工作单位。")]})
    if kinds[-1] != NodeKind.COMMITTEE or kinds.count(NodeKind.COMMITTEE) != 1:
        raise ValidationError({"flow": [_("审核流程的最后一个节点必须是评审委员会（形式审核）。")]})
    if kinds.count(NodeKind.BASE_UNIT) != 1 or kinds.count(NodeKind.RECOMMENDING_UNIT) > 1:
        raise ValidationError({"flow": [_("基层工作单位和推荐单位在流程中各只能出现一次。")]})
    existing = Flow.objects.filter(nodes=cleaned).order_by("pk").first()
    return existing or Flow.objects.create(nodes=cleaned)


PAYMENT_FIELDS = frozenset(
    {"payment_required", "payment_opens_at", "payment_closes_at", "paper_deadline", "paper_address"}
)


@transaction.atomic
def offering_save(
    *,
    committee: Committee,
    qualification: Qualification,
    year: int,
    opens_at: datetime,
    closes_at: datetime,
    flow_nodes: list[dict],
    max_submissions: int = 3,
    fee: Decimal = Decimal(0),
    paper_instructions: str = "",
    offering: Offering | None = None,
    payment: dict | None = None,
) -> Offering:
    """Create or edit an offering. Only what the committee reviews can be offered; a changed
    flow becomes a new flow version, so applications under way keep theirs."""
    errors: dict[str, list[str]] = {}
    series = qualification.specialty.series
    if not committee.reviews_level(series.code, qualification.level):
        errors["qualification"] = [_("该评审委员会不评审此系列和级别，不能发布该资格的申报。")]
    if closes_at <= opens_at:
        errors["closes_at"] = [_("截止时间必须晚于开始时间。")]
    if not 1 <= max_submissions <= 10:
        errors["max_submissions"] = [_("提交次数上限应在 1 到 10 之间。")]
    if fee < 0:
        errors["fee"] = [_("费用不能为负数。")]
    payment = payment or {}
    opens, closes = payment.get("payment_opens_at"), payment.get("payment_closes_at")
    if opens and closes and closes <= opens:
        errors["payment_closes_at"] = [_("缴费截止时间必须晚于开始时间。")]
    if errors:
        raise ValidationError(errors)
    target = offering or Offering()
    # 缴费与纸质材料 (payment_required, payment_opens_at/closes_at, paper_deadline/address):
    # only those given change.
    for key in PAYMENT_FIELDS & payment.keys():
        setattr(target, key, payment[key])
    target.committee, target.qualification, target.year = committee, qualification, year
    target.opens_at, target.closes_at = opens_at, closes_at
    target.max_submissions, target.fee = max_submissions, fee
    target.paper_instructions = paper_instructions
    target.flow = flow_create(flow_nodes)
    try:
        with transaction.atomic():
            target.save()
    except IntegrityError as error:
        raise ValidationError(
            {"qualification": [_("该评审委员会本年度已发布此资格的申报。")]}
        ) from error
    return target


def offering_close(*, offering: Offering) -> Offering:
    """Stop accepting submissions now (the window ends)."""
    offering.is_active = False
    offering.save(update_fields=["is_active", "updated_at"])
    return offering


@transaction.atomic
def notice_save(
    *,
    title: str,
    body: str,
    pinned: bool = False,
    published_at: datetime | None = None,
    notice: Notice | None = None,
    attachment: UploadedFile | None = None,
    author: User | None = None,
) -> Notice:
    """Publish or edit a notice; an uploaded file (checked like every upload) is added to it
    and served publicly with the notice."""
    target = notice or Notice()
    target.title, target.body, target.pinned = title.strip(), body, pinned
    target.published_at = published_at or target.published_at or timezone.now()
    if attachment is not None:
        if author is None:
            raise ValidationError({"attachment": [_("请先登录。")]})
        item = blob_store(owner=author, upload=attachment, region_code=current_region_code())
        if item.blob.sha256 not in {a["sha256"] for a in target.attachments}:
            target.attachments = [
                *target.attachments,
                {
                    "sha256": item.blob.sha256,
                    "name": item.name,
                    "content_type": item.blob.content_type,
                },
            ]
    target.full_clean()
    target.save()
    return target


def notice_remove_attachment(*, notice: Notice, sha256: str) -> Notice:
    notice.attachments = [a for a in notice.attachments if a["sha256"] != sha256]
    notice.save(update_fields=["attachments"])
    return notice
