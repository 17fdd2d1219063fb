"""Accounts and organizations: registration, unit information, recommending units, passwords.

Plain functions named `<entity>_<action>`; views, the API and commands call them.
"""

from collections.abc import Iterable

from axes.utils import reset as axes_reset
from django.conf import settings
from django.contrib.auth import authenticate
from django.contrib.auth.password_validation import validate_password
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.audit import audit_record
from core.errors import RateLimitedError
from core.files.blobs import blob_store_unowned, clean_name
from core.identity.lockout import LOCKED_OUT_MESSAGE
from core.identity.sessions import tokens_revoke
from core.identity.validators import (
    normalize_org_name,
    validate_credit_code,
    validate_id_card_number,
    validate_mobile,
)
from core.models import (
    AuditKind,
    Authority,
    Blob,
    ChangeStatus,
    LibraryItem,
    Role,
    Unit,
    UnitChangeRequest,
    User,
)
from tenants.models import Region

MAX_RECOMMENDING_UNITS = 2
USERNAME_TAKEN = gettext_lazy("该用户名已被使用，请换一个。")
BAD_SCAN_TOKEN = gettext_lazy(
    "身份证扫描件的上传凭据无效、已使用或已过期，请重新上传扫描件后再注册。"
)
SCAN_TOKEN_REQUIRED = gettext_lazy("请先上传身份证扫描件，并提交上传时返回的凭据。")
# A scan sent before its account exists is claimed with this token (core.identity.accounts),
# never by its hash: a hash is an identifier that others can learn (ETags, attachment lists).
_SCAN_TOKEN_SALT = "core.accounts.id_card_scan"  # stable across moves: issued tokens stay valid
DEFAULT_SCAN_TOKEN_TTL_SECONDS = 30 * 60


def password_errors(password: str, user: User) -> list[str]:
    """What the password rules say against `password` for `user`; empty when it is good."""
    try:
        validate_password(password, user)
    except ValidationError as error:
        return list(error.messages)
    return []


def username_errors(username: str) -> list[str]:
    """Why `username` cannot be a new account's name (taken, in any letter case)."""
    if User.objects.filter(username__iexact=username).exists():
        return [str(USERNAME_TAKEN)]
    return []


def _check_password(password: str, user: User) -> None:
    if errors := password_errors(password, user):
        raise ValidationError({"password": errors})


def _check_username(username: str) -> None:
    if errors := username_errors(username):
        raise ValidationError({"username": errors})


def scan_token_ttl() -> int:
    return int(getattr(settings, "SCAN_TOKEN_TTL_SECONDS", DEFAULT_SCAN_TOKEN_TTL_SECONDS))


def id_scan_upload(*, upload: UploadedFile, region_code: str | None) -> tuple[Blob, str]:
    """An ID scan sent before its account exists (anonymous registration through the API).

    The file is checked and stored like every upload but lands in nobody's 附件库; the answer
    is the file and a signed token, valid `scan_token_ttl()` seconds and bound to this file,
    that proves the caller sent these bytes. Registration claims the file with the token.
    """
    blob = blob_store_unowned(upload=upload, region_code=region_code)
    return blob, signing.dumps({"blob": blob.sha256}, salt=_SCAN_TOKEN_SALT)


def _claim_id_scan(*, sha256: str, token: str) -> Blob:
    """The file a registration may take as its ID scan: the token must be ours, fresh, bound to
    `sha256` (when given), and the file nobody's yet, so each token is used once. Raises
    ValidationError at `id_card_scan` otherwise; a bare hash never suffices."""
    refused = ValidationError({"id_card_scan": [BAD_SCAN_TOKEN]})
    if not token:
        raise ValidationError({"id_card_scan": [SCAN_TOKEN_REQUIRED]})
    try:
        payload = signing.loads(token, salt=_SCAN_TOKEN_SALT, max_age=scan_token_ttl())
    except signing.BadSignature:
        raise refused from None
    claimed = payload.get("blob") if isinstance(payload, dict) else None
    if not isinstance(claimed, str) or (sha256 and claimed != sha256):
        raise refused
    # The row lock makes two registrations with one token take turns; the second finds the
    # file already in the first one's library.
    blob = Blob.objects.select_for_update().filter(pk=claimed).first()
    if blob is None or LibraryItem.objects.filter(blob=blob).exists():
        raise refused
    return blob


@transaction.atomic
def applicant_errors(
    *, username: str, password: str, name: str, id_card_number: str, phone: str, email: str = ""
) -> dict[str, list[str]]:
    """Every rule of a new applicant account that can be checked before saving, all at once
    (a person fixes everything in one go instead of learning one rule per submit)."""
    errors: dict[str, list[str]] = {}
    number = ""
    try:
        number = validate_id_card_number(id_card_number)
    except ValidationError as error:
        errors["id_card_number"] = error.messages
    try:
        validate_mobile(phone)
    except ValidationError as error:
        errors["phone"] = error.messages
    if number and User.objects.filter(id_card_number=number).exists():
        errors["id_card_number"] = [
            _(
                "该身份证号码已注册。一个身份证号只能注册一次，"
                "如忘记账号或密码，请使用“找回用户名或密码”。"
            )
        ]
    if username and (taken := username_errors(username)):
        errors["username"] = taken
    person = User(username=username, name=name, email=email)
    if password and (weak := password_errors(password, person)):
        errors["password"] = weak
    return errors


def applicant_register(
    *,
    username: str,
    password: str,
    name: str,
    id_card_number: str,
    phone: str,
    email: str,
    id_card_scan: str = "",
    id_card_scan_token: str = "",
    request: HttpRequest | None = None,
) -> User:
    """A person's account (申请人). One account per ID-card number.

    An ID scan sent beforehand (`id_scan_upload`) is claimed with its token and put into the
    new account's 附件库; `id_card_scan`, the file's SHA-256, is optional beside the token
    and must then name the same file.
    """
    errors = applicant_errors(
        username=username,
        password=password,
        name=name,
        id_card_number=id_card_number,
        phone=phone,
        email=email,
    )
    if errors:
        raise ValidationError(errors)
    number, phone_number = validate_id_card_number(id_card_number), validate_mobile(phone)
    scan = None
    if id_card_scan or id_card_scan_token:
        scan = _claim_id_scan(sha256=id_card_scan, token=id_card_scan_token)
    user = User(
        username=username,
        name=name,
        role=Role.APPLICANT,
        id_card_number=number,
        phone=phone_number,
        email=email,
        id_card_scan=scan.sha256 if scan is not None else "",
    )
    user.set_password(password)
    try:
        with transaction.atomic():
            user.save()
    except IntegrityError as error:  # a concurrent registration with the same number or name
        raise ValidationError({"id_card_number": [_("该身份证号码已注册。")]}) from error
    if scan is not None:
        LibraryItem.objects.create(
            owner=user, blob=scan, name=clean_name(_("身份证扫描件"), scan.content_type)
        )
    audit_record(AuditKind.REGISTRATION, request=request, actor=user, role=Role.APPLICANT)
    return user


def _unit_name_errors(name: str, short_name: str, *, exclude: Unit | None = None) -> dict:
    """A unit may not register under a full or short name another unit already uses."""
    keys = {normalize_org_name(name), normalize_org_name(short_name)}
    others = Unit.objects.exclude(pk=exclude.pk) if exclude else Unit.objects.all()
    taken: set[str] = set()
    for pair in others.filter(Q(name_key__in=keys) | Q(short_name_key__in=keys)).values_list(
        "name_key", "short_name_key"
    ):
        taken.update(pair)
    message = _("已有单位以此名称注册，同一单位不能重复注册；如忘记账号，请使用“账号申诉”。")
    errors: dict[str, list[str]] = {}
    if normalize_org_name(name) in taken:
        errors["name"] = [message]
    if normalize_org_name(short_name) in taken:
        errors["short_name"] = [message]
    return errors


@transaction.atomic
def unit_register(
    *,
    username: str,
    password: str,
    name: str,
    short_name: str,
    credit_code: str,
    region: str,
    contact_name: str,
    contact_phone: str,
    request: HttpRequest | None = None,
) -> User:
    """A base unit and its admin account (基层单位管理员), who cannot apply for titles."""
    errors: dict[str, list[str]] = {}
    code = ""
    try:
        code = validate_credit_code(credit_code)
    except ValidationError as error:
        errors["credit_code"] = error.messages
    if code and Unit.objects.filter(credit_code=code).exists():
        errors["credit_code"] = [
            _("该统一社会信用代码已注册。如忘记单位账号或密码，请使用“账号申诉”找回。")
        ]
    home = Region.objects.regions().filter(schema_name=region).first()
    if home is None:
        errors["region"] = [_("请选择单位所属地区。")]
    errors.update(_unit_name_errors(name, short_name))
    if errors:
        raise ValidationError(errors)
    _check_username(username)
    # The admin account is called by the unit's full name, or by its short name when the full
    # name (up to 128 characters) is longer than an account's name may be.
    account_name = name.strip()
    if len(account_name) > User._meta.get_field("name").max_length:
        account_name = short_name.strip()
    admin = User(username=username, name=account_name, role=Role.UNIT_ADMIN, phone="")
    _check_password(password, admin)
    unit = Unit(
        credit_code=code,
        name=name.strip(),
        short_name=short_name.strip(),
        name_key=normalize_org_name(name),
        short_name_key=normalize_org_name(short_name),
        region=home,
        contact_name=contact_name,
        contact_phone=contact_phone,
    )
    try:
        with transaction.atomic():
            unit.save()
    except IntegrityError as error:
        raise ValidationError({"credit_code": [_("该单位已注册。")]}) from error
    admin.unit = unit
    admin.set_password(password)
    admin.save()
    audit_record(
        AuditKind.REGISTRATION, request=request, actor=admin, role=Role.UNIT_ADMIN, credit_code=code
    )
    return admin


UNIT_INFO_FIELDS = ("address", "nature", "legal_representative", "contact_name", "contact_phone")


@transaction.atomic
def unit_update_info(
    *, unit: Unit, recommending_units: Iterable[int] | None = None, **fields: str
) -> Unit:
    """完善单位信息 and 变更推荐单位. Name and credit code change only by request."""
    unknown = set(fields) - set(UNIT_INFO_FIELDS)
    if unknown:
        raise ValidationError({name: [_("此项不能在这里修改。")] for name in unknown})
    for name, value in fields.items():
        setattr(unit, name, value)
    unit.full_clean(exclude=["name_key", "short_name_key", "recommending_units"])
    unit.save()
    if recommending_units is not None:
        unit_set_recommending(unit=unit, authority_ids=list(recommending_units))
    return unit


def unit_set_recommending(*, unit: Unit, authority_ids: list[int]) -> None:
    """At most two recommending units, from the authorities of any region (manual §3(3))."""
    ids = list(dict.fromkeys(authority_ids))
    if len(ids) > MAX_RECOMMENDING_UNITS:
        raise ValidationError({"recommending_units": [_("最多只能选择两个推荐单位。")]})
    found = list(Authority.objects.filter(pk__in=ids, is_active=True))
    if len(found) != len(ids):
        raise ValidationError({"recommending_units": [_("所选推荐单位不存在。")]})
    unit.recommending_units.set(found)


@transaction.atomic
def unit_request_change(
    *,
    unit: Unit,
    requested_by: User,
    reason: str,
    new_name: str = "",
    new_short_name: str = "",
    new_credit_code: str = "",
) -> UnitChangeRequest:
    """变更单位名称: the region admin decides; nothing changes until then."""
    errors: dict[str, list[str]] = {}
    if not (new_name or new_short_name or new_credit_code):
        errors["new_name"] = [_("请填写要变更的单位名称或统一社会信用代码。")]
    if new_credit_code:
        try:
            new_credit_code = validate_credit_code(new_credit_code)
        except ValidationError as error:
            errors["new_credit_code"] = error.messages
        else:
            if Unit.objects.filter(credit_code=new_credit_code).exclude(pk=unit.pk).exists():
                errors["new_credit_code"] = [_("该统一社会信用代码已被其他单位使用。")]
    name_errors = _unit_name_errors(
        new_name or unit.name, new_short_name or unit.short_name, exclude=unit
    )
    if "name" in name_errors:
        errors["new_name"] = name_errors["name"]
    if "short_name" in name_errors:
        errors["new_short_name"] = name_errors["short_name"]
    if UnitChangeRequest.objects.filter(unit=unit, status=ChangeStatus.PENDING).exists():
        errors["reason"] = [_("已有一份变更申请正在审核，请等待审核结果。")]
    if errors:
        raise ValidationError(errors)
    return UnitChangeRequest.objects.create(
        unit=unit,
        requested_by=requested_by,
        reason=reason,
        new_name=new_name,
        new_short_name=new_short_name,
        new_credit_code=new_credit_code,
    )


@transaction.atomic
def unit_decide_change(
    *,
    change: UnitChangeRequest,
    admin: User,
    approve: bool,
    note: str = "",
    request: HttpRequest | None = None,
) -> UnitChangeRequest:
    """The unit's region admin approves (the unit is renamed) or rejects with a reason."""
    change = UnitChangeRequest.objects.select_for_update().select_related("unit").get(pk=change.pk)
    if change.status != ChangeStatus.PENDING:
        raise ValidationError({"status": [_("该申请已处理。")]})
    if not approve and not note.strip():
        raise ValidationError({"decision_note": [_("驳回时请填写原因。")]})
    unit = change.unit
    if approve:
        if change.new_name:
            unit.name, unit.name_key = change.new_name, normalize_org_name(change.new_name)
        if change.new_short_name:
            unit.short_name = change.new_short_name
            unit.short_name_key = normalize_org_name(change.new_short_name)
        if change.new_credit_code:
            unit.credit_code = change.new_credit_code
        unit.save()
    change.status = ChangeStatus.APPROVED if approve else ChangeStatus.REJECTED
    change.decided_by, change.decided_at, change.decision_note = admin, timezone.now(), note
    change.save()
    audit_record(
        AuditKind.UNIT_CHANGE_DECISION,
        request=request,
        actor=admin,
        success=approve,
        unit=unit.pk,
        change=change.pk,
    )
    return change


def _old_password_ok(user: User, old_password: str, request: HttpRequest | None) -> bool:
    # django-axes counts attempts on Django's own request object, not DRF's wrapper.
    django_request = getattr(request, "_request", request)
    if django_request is None:
        return user.check_password(old_password)
    verified = authenticate(django_request, username=user.get_username(), password=old_password)
    if getattr(django_request, "axes_locked_out", False):
        raise RateLimitedError(LOCKED_OUT_MESSAGE, code="locked_out")
    return verified is not None and verified.pk == user.pk


def password_change(
    *, user: User, old_password: str, new_password: str, request: HttpRequest | None = None
) -> None:
    """A new password; every other session and every API token of the user end with the old
    one (a page keeps its own session with `update_session_auth_hash`).

    The old password is checked like a login: each wrong one counts towards django-axes'
    lockout of this username from this client, and a locked-out client gets RateLimitedError
    (the API answers 429) even with the right one.
    """
    if not _old_password_ok(user, old_password, request):
        raise ValidationError({"old_password": [_("原密码不正确。")]})
    _check_password(new_password, user)
    user.set_password(new_password)
    user.session_generation += 1
    user.save(update_fields=["password", "session_generation"])
    tokens_revoke(user, request=request, reason="password_change")
    axes_reset(username=user.get_username())
    audit_record(AuditKind.PASSWORD_CHANGE, request=request, actor=user)


def profile_update(*, user: User, name: str, email: str, phone: str = "") -> User:
    """编辑个人信息: name, e-mail and mobile (checked like registration)."""
    if phone:
        try:
            phone = validate_mobile(phone)
        except ValidationError as error:
            raise ValidationError({"phone": error.messages}) from error
    user.name, user.email, user.phone = name, email, phone
    user.save(update_fields=["name", "email", "phone"])
    return user
