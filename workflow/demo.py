"""Demo set-up of one region (API.md "Demo data"): committees, and offerings of the current year
that are open now, already closed, and not yet open, so every window state can be seen."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from core.demo import demo_accounts
from core.models import Authority, Qualification, User
from tenants.crossing import in_region
from tenants.directory import AUTONOMOUS_REGION_CODE
from workflow.models import Committee, CommitteeStaff, NodeKind, Notice, Offering
from workflow.setup import DEFAULT_FLOW, flow_create

TEACHER_LEVELS = ["junior", "intermediate"]
SENIOR_LEVELS = ["junior", "intermediate", "deputy_senior", "senior"]


def _named(region_name: str, rest: str) -> str:
    """A committee's translated name, or blank (read in Chinese) when the region has none."""
    return f"{region_name} {rest}" if region_name else ""


def _committee(
    names: tuple[str, str, str], address: str, contact: str, phone: str, reviews: list[dict]
) -> Committee:
    """The committee named (Chinese, English, Uyghur); names it in English and Uyghur if an
    earlier run left those blank."""
    name, name_en, name_ug = names
    committee, _created = Committee.objects.get_or_create(
        name=name,
        defaults={
            "name_en": name_en,
            "name_ug": name_ug,
            "address": address,
            "contacts": [{"name": contact, "phone": phone}],
            "reviews": reviews,
        },
    )
    if not committee.name_en and not committee.name_ug:
        committee.name_en, committee.name_ug = name_en, name_ug
        committee.save(update_fields=["name_en", "name_ug"])
    return committee


def _offering(
    committee: Committee,
    code: str,
    *,
    opens_days: int,
    closes_days: int,
    nodes: list[dict],
    fee: int = 0,
    payment_required: bool = False,
) -> Offering:
    now = timezone.now()
    qualification = Qualification.objects.get(code=code)
    offering, _created = Offering.objects.get_or_create(
        committee=committee,
        qualification=qualification,
        year=timezone.localdate().year,
        defaults={
            "opens_at": now + timedelta(days=opens_days),
            "closes_at": now + timedelta(days=closes_days),
            "max_submissions": 3,
            "fee": fee,
            "flow": flow_create(nodes),
            "paper_instructions": "形式审核通过后，请按评审委员会通知报送纸质材料一份，"
            "评审表正反面打印于一张A4纸上。",
            # 缴费 online after formal review (the sandbox of `make run`), paper within a month.
            "payment_required": payment_required,
            "paper_deadline": (now + timedelta(days=closes_days + 30)).date(),
            "paper_address": committee.address,
        },
    )
    return offering


def demo_region_setup(
    *,
    region_code: str,
    region_name: str,
    authority: Authority,
    region_name_en: str = "",
    region_name_ug: str = "",
    is_autonomous_region: bool,
    staff: User | None = None,
) -> list[Offering]:
    """Idempotent: the committees, offerings and a notice of one region (run inside it)."""
    levels = SENIOR_LEVELS if is_autonomous_region else TEACHER_LEVELS
    teachers = _committee(
        (
            f"{region_name}中小学教师职称评审委员会",
            _named(region_name_en, "Primary and Secondary School Teachers Title Review Committee"),
            _named(
                region_name_ug,
                "ئوتتۇرا-باشلانغۇچ مەكتەپ ئوقۇتقۇچىلىرى كەسپىي ئۇنۋان باھالاش كومىتېتى",
            ),
        ),
        f"{region_name}人民路1号 教育局3楼",
        "阿不都",
        "0991-3000001",
        [
            {"series": "school-teacher", "levels": levels},
            {"series": "kindergarten-teacher", "levels": levels},
        ],
    )
    health = _committee(
        (
            f"{region_name}卫生系列职称评审委员会",
            _named(region_name_en, "Health Title Review Committee"),
            _named(region_name_ug, "سەھىيە كەسپىي ئۇنۋان باھالاش كومىتېتى"),
        ),
        f"{region_name}健康路9号 卫健委5楼",
        "玛依拉",
        "0991-3000002",
        [{"series": "health", "levels": levels}],
    )
    county_flow = [
        {"kind": NodeKind.BASE_UNIT},
        {"kind": NodeKind.AUTHORITY, "authority_id": authority.pk},
        {"kind": NodeKind.COMMITTEE},
    ]
    if staff is not None:
        for committee in (teachers, health):
            CommitteeStaff.objects.get_or_create(committee=committee, user=staff)
    offerings = [
        _offering(
            teachers,
            "school-teacher-chinese-intermediate",
            opens_days=-20,
            closes_days=30,
            nodes=DEFAULT_FLOW,
            fee=150,
            payment_required=True,
        ),
        _offering(
            teachers,
            "school-teacher-math-assistant",
            opens_days=-20,
            closes_days=7,
            nodes=DEFAULT_FLOW,
        ),
        _offering(
            teachers,
            "school-teacher-english-intermediate",
            opens_days=20,
            closes_days=60,
            nodes=DEFAULT_FLOW,
        ),
        _offering(
            health,
            "health-nursing-intermediate"
            if Qualification.objects.filter(code="health-nursing-intermediate").exists()
            else "health-clinical-intermediate",
            opens_days=-60,
            closes_days=-10,
            nodes=county_flow,
            fee=200,
        ),
    ]
    if is_autonomous_region:
        offerings.append(
            _offering(
                teachers,
                "school-teacher-chinese-deputy-senior",
                opens_days=-10,
                closes_days=40,
                nodes=DEFAULT_FLOW,
                fee=300,
            )
        )
    Notice.objects.get_or_create(
        title=f"关于开展{timezone.localdate().year}年度{region_name}中小学教师职称评审工作的通知",
        defaults={
            "pinned": True,
            "body": "各有关单位：请申报人员在规定时间内提交申请书，并通知单位管理员审核材料。",
        },
    )
    return offerings


def load_demo() -> list[User]:
    """Everything `make run` shows (API.md "Demo data"): the accounts of every region
    (core.demo) and each region's committees, offerings and notices; idempotent."""
    users: list[User] = []
    with transaction.atomic():
        for region, people, staff in demo_accounts():
            users += [*people, *([staff] if staff else [])]
            if region is None:
                continue
            with in_region(region.schema_name):
                demo_region_setup(
                    region_code=region.schema_name,
                    region_name=region.name,
                    region_name_en=region.name_en,
                    region_name_ug=region.name_ug,
                    authority=people[1].authority,
                    is_autonomous_region=region.schema_name == AUTONOMOUS_REGION_CODE,
                    staff=staff,
                )
    return users
