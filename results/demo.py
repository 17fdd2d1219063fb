"""Demo results for `make run` (after workflow's load_demo): in 乌鲁木齐市, one application
waiting for a meeting, one in publicity (on the public 公示 page) and one certified, whose
certificate verifies on the public site (README). Idempotent."""

from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone

from core.demo import DEMO_PASSWORD
from core.identity.validators import make_id_card_number
from core.models import Role, Unit, User
from results.approvals import document_create
from results.certificates import certificates_issue
from results.meetings import meeting_add, meeting_close, meeting_create, votes_save
from results.models import Certificate, Meeting
from results.publicity import end_due_here, publicity_create
from tenants.crossing import in_region
from workflow.applications import application_create
from workflow.index import index_write
from workflow.models import Application, Offering
from workflow.states import Status

CODE = "urumqi"
PLACE = "乌鲁木齐市人社局三楼会议室（演示）"
PEOPLE = [("demo-waiting", "热依拉"), ("demo-publicity", "古丽娜尔"), ("demo-certified", "买买提")]
VOTES = {"present": 9, "votes_for": 8, "votes_against": 1, "abstain": 0}


def _applicant(username: str, name: str, n: int) -> User:
    user, created = User.objects.get_or_create(
        username=username,
        defaults={
            "name": name,
            "role": Role.APPLICANT,
            "id_card_number": make_id_card_number("650102", date(1985, 3, n), 7),
        },
    )
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
    return user


def _passed_formal_review(offering: Offering, unit: Unit, applicant: User) -> str:
    application = application_create(applicant=applicant, offering=offering, unit=unit)
    Application.objects.filter(pk=application.pk).update(
        status=Status.FORMAL_REVIEW_PASSED, submission_count=1
    )
    index_write(Application.objects.get(pk=application.pk))
    return application.number


@transaction.atomic
def load_results_demo() -> str | None:
    """The certified demo application's certificate number (None if there was nothing to do)."""
    staff = User.objects.get(username=f"committee-{CODE}")
    unit = User.objects.get(username=f"unit-{CODE}").unit
    people = [_applicant(u, n, i) for i, (u, n) in enumerate(PEOPLE, start=1)]
    with in_region(CODE):
        if Meeting.objects.filter(place=PLACE).exists():
            return None
        offering = Offering.objects.get(
            qualification__code="school-teacher-math-assistant", year=timezone.localdate().year
        )
        numbers = [_passed_formal_review(offering, unit, person) for person in people]
        today = timezone.localdate()
        meeting = meeting_create(
            staff,
            {
                "committee": offering.committee_id,
                "held_on": (today - timedelta(days=14)).isoformat(),
                "place": PLACE,
                "members": 9,
            },
        )
        meeting_add(staff, meeting.pk, numbers[1:])
        for entry in meeting.entries.all():
            votes_save(staff, meeting.pk, entry.pk, VOTES)
        meeting_close(staff, meeting.pk)
        # The certified one went through a publicity that has ended.
        started = today - timedelta(days=12)
        publicity_create(
            staff,
            {
                "title": "演示：已结束的评审结果公示",
                "starts_on": started.isoformat(),
                "ends_on": (started + timedelta(days=6)).isoformat(),
            },
            numbers[2:],
        )
        end_due_here(today)
        document_create(
            staff,
            {
                "number": f"新职称字〔{today.year}〕1号",
                "issued_on": (today - timedelta(days=2)).isoformat(),
                "issuing_body": "乌鲁木齐市人力资源和社会保障局",
            },
            numbers[2:],
        )
        certificates_issue(staff, numbers[2:])
        # The other one is in publicity now, on the public 公示 page.
        publicity_create(
            staff,
            {
                "title": f"{today.year}年度中小学教师职称评审结果公示（演示）",
                "starts_on": today.isoformat(),
            },
            numbers[1:2],
        )
        return Certificate.objects.get(application__number=numbers[2]).number
