"""Writing applications: create, save sections, attach files, delete. Every state change goes
through workflow.transitions; these functions never set a status."""

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, connection, transaction
from django.http import Http404
from django.utils.translation import gettext as _

from core.catalog.forms import form_current
from core.errors import ConflictError
from core.models import ApplicationIndex, AttachmentUse, LibraryItem, Role, Unit, User
from workflow.index import index_write
from workflow.models import Application, Attachment, Offering, SectionEntry
from workflow.sections import (
    SectionState,
    section_definition,
    section_state,
    section_with_account,
)
from workflow.states import EDITABLE, Status


def _next_number() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT nextval('public.core_application_number_seq')")
        (value,) = cursor.fetchone()
    return f"RSSQ{value:08d}"


def unit_incomplete_message(unit: Unit) -> str:
    return _(
        "“%(unit)s”的单位信息尚未完善，还不能审核申请书。请联系该单位管理员先“完善单位信息”，"
        "或选择其他单位。"
    ) % {"unit": unit.name}


def application_create(*, applicant: User, offering: Offering, unit: Unit) -> Application:
    """新增申请书: only applicants; only an open offering; only a base unit whose information
    is complete (an incomplete one cannot review, so the application would wait there for
    ever); once per qualification and year across every region (the public index's
    constraint decides, atomically)."""
    if applicant.role != Role.APPLICANT:
        raise PermissionDenied(_("只有申请人可以新增申请书；单位管理员等账号不能申报职称。"))
    if offering.window_state() != "open":
        raise ConflictError(_("该资格当前不在申报时间内。"), code="window_closed")
    if not unit.is_complete:
        raise ValidationError({"unit": [unit_incomplete_message(unit)]})
    qualification = offering.qualification
    year = offering.year
    if ApplicationIndex.objects.filter(
        applicant=applicant, qualification=qualification, year=year
    ).exists():
        raise ConflictError(
            _("同一资格同一年度只能申请一次：您本年度已申请过该资格。"), code="already_applied"
        )
    try:
        with transaction.atomic():
            application = Application.objects.create(
                number=_next_number(),
                applicant=applicant,
                unit=unit,
                offering=offering,
                qualification=qualification,
                year=year,
                form=form_current(qualification.specialty.series.form_key),
                flow=offering.flow,
            )
            index_write(application)
    except IntegrityError as error:
        raise ConflictError(
            _("同一资格同一年度只能申请一次：您本年度已申请过该资格。"), code="already_applied"
        ) from error
    return application


def _editable_by(application: Application, user: User) -> None:
    if application.applicant_id != user.pk:
        raise Http404
    if application.status not in EDITABLE:
        raise ConflictError(
            _("申请书已提交，当前不能修改。如需修改，请在单位审核前收回。"), code="not_editable"
        )


def _locked(application: Application) -> Application:
    """The application's row, re-read and locked until the caller's transaction ends.

    Every edit takes this lock, as `workflow.transitions.apply_transition` does, and checks
    ownership and editability on the row it returns, not on the object the request fetched
    earlier: a submit that committed meanwhile makes the edit fail, and a submit that comes
    after waits for the edit and then judges the sections as edited. Without it a submit
    could pass on complete sections while an edit made one incomplete behind it.
    """
    locked = (
        Application.objects.select_for_update(of=("self",))
        .select_related("form", "offering__committee", "flow")
        .filter(pk=application.pk)
        .first()
    )
    if locked is None:  # deleted meanwhile
        raise Http404
    return locked


def section_save(*, application: Application, key: str, data: Any, user: User) -> SectionState:
    """Save what was typed, valid or not (nothing is lost); return the section as saved, with
    its field errors and whether it is complete. Fields the form fills from the applicant's
    account (`x-from-account`: name, ID number, gender, birth date) take the account's values,
    whatever was sent."""
    with transaction.atomic():
        application = _locked(application)
        definition = section_definition(application, key)
        if definition is None:
            raise Http404
        if definition.get("filled_by", "applicant") != "applicant":
            raise PermissionDenied(_("该栏目由单位填写，申请人不能修改。"))
        _editable_by(application, user)
        if not isinstance(data, dict):
            raise ValidationError({"data": [_("栏目内容应为一个对象。")]})
        data = section_with_account(definition["schema"], data, user)
        SectionEntry.objects.update_or_create(
            application=application, key=key, defaults={"data": data}
        )
        application.save(update_fields=["updated_at"])
        index_write(application)
    return section_state(application, definition, data)


def attachment_add(
    *, application: Application, section: str, sha256: str, user: User
) -> Attachment:
    """Attach a file of the applicant's own 附件库 to a section."""
    with transaction.atomic():
        application = _locked(application)
        definition = section_definition(application, section)
        if definition is None or definition.get("filled_by", "applicant") != "applicant":
            raise ValidationError({"section": [_("没有这个栏目。")]})
        _editable_by(application, user)
        item = LibraryItem.objects.select_related("blob").filter(owner=user, blob_id=sha256).first()
        if item is None:
            raise ValidationError({"blob": [_("附件库中没有这个文件。")]})
        attachment, _created = Attachment.objects.get_or_create(
            application=application,
            section=section,
            blob_sha256=sha256,
            defaults={"name": item.name, "content_type": item.blob.content_type},
        )
        AttachmentUse.objects.get_or_create(
            application_id=application.number,
            blob=item.blob,
            section=section,
            defaults={"owner": user},
        )
        application.save(update_fields=["updated_at"])
        index_write(application)
    return attachment


def attachment_remove(*, application: Application, attachment_id: int, user: User) -> None:
    with transaction.atomic():
        application = _locked(application)
        _editable_by(application, user)
        attachment = application.attachments.filter(pk=attachment_id).first()
        if attachment is None:
            raise Http404
        AttachmentUse.objects.filter(
            application_id=application.number,
            blob_id=attachment.blob_sha256,
            section=attachment.section,
        ).delete()
        attachment.delete()
        application.save(update_fields=["updated_at"])
        index_write(application)


def application_deletable(application: Application) -> bool:
    """删除 is offered for an application that was never submitted (a withdrawn one has a
    history the unit may have seen)."""
    return application.status == Status.DRAFT and application.submitted_at is None


def application_delete(*, application: Application, user: User) -> None:
    """删除: only an application that was never submitted."""
    if application.applicant_id != user.pk:
        raise Http404
    if not application_deletable(application):
        raise ConflictError(_("只能删除从未提交过的申请书。"), code="not_deletable")
    with transaction.atomic():
        number = application.number
        application.delete()
        ApplicationIndex.objects.filter(number=number).delete()
