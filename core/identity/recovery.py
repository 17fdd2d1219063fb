"""Account recovery (找回用户名或密码, manual 其他常见问题 (3)) and account appeals (账号申诉).

The four ways of the manual:

1. a reset link by e-mail (`password_reset_request`, `password_reset_complete`);
2. a 6-digit code by SMS (`sms_code_request`, `sms_password_reset`);
3. the username sent to the bound e-mail or phone (`username_recover`);
4. an appeal with an ID scan or a business licence that the region admin decides
   (`appeal_submit`, `appeal_decide`).

What an anonymous caller learns is the same whether or not an account matched: the callers
answer with the neutral messages below, and the SMS rate limit counts every request for a number,
matched or not. Only the bound e-mail or phone ever receives a username, a link or a code.
"""

import hashlib
import math
import secrets
from datetime import datetime, timedelta

from axes.utils import reset as axes_reset
from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.core.mail import send_mail
from django.core.validators import validate_email
from django.db import connection, models, transaction
from django.db.models import QuerySet
from django.http import Http404, HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.encoding import force_bytes
from django.utils.http import base36_to_int, urlsafe_base64_decode, urlsafe_base64_encode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.audit import audit_record
from core.errors import ConflictError
from core.files.blobs import blob_store_unowned, clean_name
from core.identity.sessions import tokens_revoke
from core.identity.validators import validate_credit_code, validate_id_card_number, validate_mobile
from core.models import (
    AccountAppeal,
    AppealKind,
    AuditKind,
    Blob,
    ChangeStatus,
    Role,
    SmsCode,
    Unit,
    User,
)
from core.notifications.sms import send_sms
from tenants.directory import PUBLIC_CODE
from tenants.links import region_url
from tenants.models import Region

# --- answers ----------------------------------------------------------------------------------

EMAIL_SENT = gettext_lazy("如果信息匹配，我们已向该账号绑定的邮箱发送重置链接。")
SMS_SENT = gettext_lazy("如果信息匹配，我们已向该手机号发送验证码，请在10分钟内使用。")
USERNAME_SENT = gettext_lazy("如果信息匹配，我们已将用户名发送到该账号绑定的邮箱或手机。")
APPEAL_RECEIVED = gettext_lazy("申诉已提交。审核结果将发送到您填写的邮箱或手机，请留意查收。")
PASSWORD_RESET_DONE = gettext_lazy("密码已重置，请使用新密码登录。")
BAD_CODE = gettext_lazy("验证码不正确或已失效，请重新获取验证码。")
BAD_LINK = gettext_lazy("重置链接无效、已使用或已过期，请重新找回密码。")

SITE_NAME = gettext_lazy("新疆职称管理平台")

DEFAULT_RESET_LINK_TTL_SECONDS = 60 * 60
DEFAULT_SMS_CODE_TTL_SECONDS = 10 * 60
DEFAULT_SMS_CODE_MAX_ATTEMPTS = 5
DEFAULT_SMS_CODE_INTERVAL_SECONDS = 60
DEFAULT_SMS_CODE_DAILY_LIMIT = 10
MAX_PENDING_APPEALS_PER_IDENTITY = 3
# Advisory-lock namespaces: "sms\0" (one code request per number at a time) and "blob", the
# one core.files.blobs uses, so storing an appeal scan and deleting the same file take turns.
_SMS_LOCK_NAMESPACE = 0x736D7300


class RecoveryConflictError(ConflictError):
    """The action is not allowed in the current state (the API answers 409)."""

    def __init__(self, message: str, code: str) -> None:
        super().__init__(message, code=code)


class SmsRateLimitedError(Exception):
    """Too many codes for one number (the API answers 429)."""

    def __init__(self, wait: int) -> None:
        super().__init__(wait)
        self.wait = max(1, wait)

    @property
    def message(self) -> str:
        return _("获取验证码过于频繁，请%(seconds)s秒后再试。") % {"seconds": self.wait}


def _setting(name: str, default: int) -> int:
    return int(getattr(settings, name, default))


def _advisory_lock(namespace: int, key: str) -> None:
    number = int.from_bytes(hashlib.sha256(key.encode()).digest()[:4], "big", signed=True)
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(%s, %s)", [namespace, number])


def _field_errors(field: str, error: ValidationError) -> ValidationError:
    return ValidationError({field: error.messages})


def _clean_phone(phone: str, field: str = "phone") -> str:
    try:
        return validate_mobile(phone)
    except ValidationError as error:
        raise _field_errors(field, error) from error


def _same_name(a: str, b: str) -> bool:
    return "".join(a.split()) == "".join(b.split())


# --- new passwords ----------------------------------------------------------------------------


def _set_new_password(
    *, user: User, new_password: str, via: str, request: HttpRequest | None
) -> None:
    """Check the password with the project's validators, set it, end every session and token
    of the account, lift a login lockout, and record the reset. `user` is locked by the caller.
    """
    try:
        validate_password(new_password, user)
    except ValidationError as error:
        raise _field_errors("new_password", error) from error
    user.set_password(new_password)
    user.session_generation += 1
    user.save(update_fields=["password", "session_generation"])
    tokens_revoke(user, request=request, reason="password_reset")
    axes_reset(username=user.username)
    audit_record(AuditKind.PASSWORD_RESET, request=request, actor=user, via=via)


# --- 1. reset by e-mail link ------------------------------------------------------------------


def reset_link_ttl() -> int:
    """Seconds a reset link works: PASSWORD_RESET_TIMEOUT when the project sets it, else an
    hour (Django's own default of three days is far too long for a link sent by e-mail)."""
    if settings.is_overridden("PASSWORD_RESET_TIMEOUT"):
        return int(settings.PASSWORD_RESET_TIMEOUT)
    return DEFAULT_RESET_LINK_TTL_SECONDS


class ResetTokenGenerator(PasswordResetTokenGenerator):
    """Django's reset tokens (they die when the password or last login changes), also bound to
    the session generation (logging out everywhere voids them) and valid `reset_link_ttl()`."""

    key_salt = "core.recovery.ResetTokenGenerator"  # stable: issued links stay valid

    def _make_hash_value(self, user: User, timestamp: int) -> str:
        return f"{super()._make_hash_value(user, timestamp)}:{user.session_generation}"

    def check_token(self, user: User | None, token: str | None) -> bool:
        if not super().check_token(user, token):
            return False
        issued = base36_to_int(str(token).split("-")[0])
        return self._num_seconds(self._now()) - issued <= reset_link_ttl()


reset_tokens = ResetTokenGenerator()


def _reset_link(user: User, *, request: HttpRequest | None, public_site: bool = False) -> str:
    path = reverse(
        "password-reset-confirm",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": reset_tokens.make_token(user),
        },
    )
    if request is None or public_site:
        return region_url(request, PUBLIC_CODE, path)
    return request.build_absolute_uri(path)


def _send_reset_link(
    user: User, *, request: HttpRequest | None, intro: str = "", public_site: bool = False
) -> None:
    link = _reset_link(user, request=request, public_site=public_site)
    body = _(
        "%(name)s，您好：\n\n%(intro)s请在%(minutes)s分钟内打开下面的链接，为账号“%(username)s”"
        "设置新密码。链接只能使用一次：\n\n%(link)s\n\n"
        "如果这不是您本人的操作，请忽略本邮件，您的密码不会改变。\n\n%(site)s"
    ) % {
        "name": user.display_name,
        "intro": intro,
        "minutes": max(1, reset_link_ttl() // 60),
        "username": user.username,
        "link": link,
        "site": SITE_NAME,
    }
    send_mail(_("%(site)s：重置密码") % {"site": SITE_NAME}, body, None, [user.email])


def password_reset_request(*, username_or_email: str, request: HttpRequest | None = None) -> None:
    """Send a reset link to the e-mail of every active account with this username or e-mail.

    Returns nothing and raises nothing for an unknown account: the caller answers EMAIL_SENT.
    """
    value = username_or_email.strip()
    if not value:
        return
    by_name = User.objects.filter(username__iexact=value)
    by_email = User.objects.filter(email__iexact=value)
    accounts = (by_name | by_email).filter(is_active=True).exclude(email="").order_by("pk")
    for user in accounts[:10]:
        _send_reset_link(user, request=request)


def password_reset_user(uidb64: str, token: str, *, lock: bool = False) -> User | None:
    """The account a reset link is for, or None when the link is broken, used or expired."""
    if not uidb64 or len(uidb64) > 32 or not token or len(token) > 64:
        return None
    try:
        pk = int(urlsafe_base64_decode(uidb64).decode())
    except (ValueError, TypeError, OverflowError, UnicodeDecodeError):
        return None
    accounts = User.objects.filter(pk=pk, is_active=True)
    user = (accounts.select_for_update() if lock else accounts).first()
    if user is None or not reset_tokens.check_token(user, token):
        return None
    return user


@transaction.atomic
def password_reset_complete(
    *, uidb64: str, token: str, new_password: str, request: HttpRequest | None = None
) -> User:
    """Set a new password through a reset link; the link then stops working."""
    user = password_reset_user(uidb64, token, lock=True)
    if user is None:
        raise ValidationError({"token": [BAD_LINK]})
    _set_new_password(user=user, new_password=new_password, via="email", request=request)
    return user


# --- 2. reset by SMS code ---------------------------------------------------------------------


def _code_digest(phone: str, code: str) -> str:
    # The salt keeps its first name: codes sent before the module moved stay valid.
    digest = salted_hmac("core.recovery.sms_code", f"{phone}:{code}", algorithm="sha256")
    return digest.hexdigest()


def _sms_ttl() -> int:
    return _setting("SMS_CODE_TTL_SECONDS", DEFAULT_SMS_CODE_TTL_SECONDS)


def _issue_code(*, user: User, phone: str, now: datetime) -> str:
    """A new code for the account; earlier unused codes for the number stop working."""
    SmsCode.objects.filter(phone=phone, used_at__isnull=True, user__isnull=False).update(
        used_at=now
    )
    code = f"{secrets.randbelow(1_000_000):06d}"
    SmsCode.objects.create(
        phone=phone,
        user=user,
        digest=_code_digest(phone, code),
        created_at=now,
        expires_at=now + timedelta(seconds=_sms_ttl()),
    )
    return code


def _check_sms_rate(phone: str, now: datetime) -> None:
    interval = _setting("SMS_CODE_INTERVAL_SECONDS", DEFAULT_SMS_CODE_INTERVAL_SECONDS)
    daily = _setting("SMS_CODE_DAILY_LIMIT", DEFAULT_SMS_CODE_DAILY_LIMIT)
    today = list(
        SmsCode.objects.filter(phone=phone, created_at__gt=now - timedelta(days=1))
        .order_by("-created_at")
        .values_list("created_at", flat=True)[:daily]
    )
    if today and (now - today[0]).total_seconds() < interval:
        raise SmsRateLimitedError(math.ceil(interval - (now - today[0]).total_seconds()))
    if len(today) >= daily:
        raise SmsRateLimitedError(math.ceil((today[-1] + timedelta(days=1) - now).total_seconds()))


def sms_code_request(*, phone: str, username: str = "", request: HttpRequest | None = None) -> None:
    """Text a reset code to the number when exactly one active account is bound to it (or to
    it and `username`). Several accounts on one number: the text lists them and asks for the
    username. No account: nothing is sent. The caller answers SMS_SENT in every case.

    Raises ValidationError for a malformed number and SmsRateLimitedError when the number got a
    code less than SMS_CODE_INTERVAL_SECONDS ago or SMS_CODE_DAILY_LIMIT codes in a day.
    """
    number = _clean_phone(phone)
    now = timezone.now()
    text = ""
    with transaction.atomic():
        _advisory_lock(_SMS_LOCK_NAMESPACE, number)
        SmsCode.objects.filter(created_at__lt=now - timedelta(days=2)).delete()
        _check_sms_rate(number, now)
        accounts = User.objects.filter(phone=number, is_active=True).order_by("pk")
        if username.strip():
            accounts = accounts.filter(username__iexact=username.strip())
        found = list(accounts[:6])
        if len(found) == 1:
            code = _issue_code(user=found[0], phone=number, now=now)
            text = _(
                "【%(site)s】您正在找回账号“%(username)s”的密码，验证码%(code)s，"
                "%(minutes)s分钟内有效。如非本人操作，请忽略本短信。"
            ) % {
                "site": SITE_NAME,
                "username": found[0].username,
                "code": code,
                "minutes": max(1, _sms_ttl() // 60),
            }
        else:
            # Recorded all the same: the rate limit must not tell bound numbers from others.
            SmsCode.objects.create(phone=number, created_at=now, expires_at=now, used_at=now)
            if found:
                text = _(
                    "【%(site)s】该手机号绑定了多个账号：%(usernames)s。"
                    "请在找回密码时填写用户名后重新获取验证码。"
                ) % {"site": SITE_NAME, "usernames": "、".join(u.username for u in found)}
        if text:
            send_sms(to=number, body=text)


def sms_password_reset(
    *, phone: str, code: str, new_password: str, request: HttpRequest | None = None
) -> User:
    """Set a new password with the code texted to the number. A code works once, for
    SMS_CODE_TTL_SECONDS, and dies after SMS_CODE_MAX_ATTEMPTS wrong tries; a too-weak
    password does not use it up."""
    number = _clean_phone(phone)
    max_attempts = _setting("SMS_CODE_MAX_ATTEMPTS", DEFAULT_SMS_CODE_MAX_ATTEMPTS)
    now = timezone.now()
    with transaction.atomic():
        row = (
            SmsCode.objects.select_for_update()
            .filter(
                phone=number,
                user__isnull=False,
                used_at__isnull=True,
                expires_at__gt=now,
                attempts__lt=max_attempts,
            )
            .order_by("-created_at")
            .first()
        )
        if row is not None:
            if constant_time_compare(row.digest, _code_digest(number, code.strip())):
                accounts = User.objects.select_for_update().filter(pk=row.user_id)
                user = accounts.filter(is_active=True).first()
                if user is not None:
                    _set_new_password(
                        user=user, new_password=new_password, via="sms", request=request
                    )
                    row.used_at = now
                    row.save(update_fields=["used_at"])
                    return user
            else:
                row.attempts += 1
                row.save(update_fields=["attempts"])  # kept: the error is raised outside
    raise ValidationError({"code": [BAD_CODE]})


# --- 3. the username by e-mail or SMS ---------------------------------------------------------


class Channel(models.TextChoices):
    """Where a recovered username is sent."""

    EMAIL = "email", gettext_lazy("发送到绑定的电子邮箱")
    SMS = "sms", gettext_lazy("发送到绑定的手机")


def username_recover(
    *, id_card_number: str, name: str, channel: str, request: HttpRequest | None = None
) -> None:
    """Send the username of the person with this ID number and real name to their bound
    e-mail or phone. Never returns it: the caller answers USERNAME_SENT in every case."""
    try:
        number = validate_id_card_number(id_card_number)
    except ValidationError as error:
        raise _field_errors("id_card_number", error) from error
    if channel not in Channel.values:
        raise ValidationError({"channel": [_("请选择接收方式。")]})
    user = User.objects.filter(id_card_number=number, is_active=True).first()
    if user is None or not _same_name(user.name, name):
        return
    if channel == Channel.EMAIL and user.email:
        body = _(
            "%(name)s，您好：\n\n您在%(site)s的用户名是：%(username)s\n\n"
            "如忘记密码，请在登录页点击“找回用户名或密码”重置。"
            "如果这不是您本人的操作，请忽略本邮件。\n\n%(site)s"
        ) % {"name": user.display_name, "site": SITE_NAME, "username": user.username}
        send_mail(_("%(site)s：找回用户名") % {"site": SITE_NAME}, body, None, [user.email])
    elif channel == Channel.SMS and user.phone:
        send_sms(
            to=user.phone,
            body=_("【%(site)s】您的用户名是：%(username)s。如非本人操作，请忽略本短信。")
            % {"site": SITE_NAME, "username": user.username},
        )


# --- 4. account appeals (账号申诉) -------------------------------------------------------------


def appeal_submit(
    *,
    kind: str,
    name: str,
    region: str,
    scan: UploadedFile,
    email: str = "",
    phone: str = "",
    id_card_number: str = "",
    credit_code: str = "",
    contact_name: str = "",
    request: HttpRequest | None = None,
) -> AccountAppeal:
    """File an appeal. Accepted alike whether or not an account matches (the region admin finds
    out), so the answer tells a stranger nothing. Raises ValidationError at the fields, and
    UploadTooLargeError for a scan over the limit."""
    errors: dict[str, list[str]] = {}
    name = " ".join(name.split())
    number = code = ""
    if not name:
        errors["name"] = [_("请填写姓名或单位名称。")]
    if kind == AppealKind.PERSON:
        try:
            number = validate_id_card_number(id_card_number)
        except ValidationError as error:
            errors["id_card_number"] = error.messages
    elif kind == AppealKind.UNIT:
        try:
            code = validate_credit_code(credit_code)
        except ValidationError as error:
            errors["credit_code"] = error.messages
    else:
        errors["kind"] = [_("请选择申诉类型。")]
    email = email.strip()
    if email:
        try:
            validate_email(email)
        except ValidationError as error:
            errors["email"] = error.messages
    if phone.strip():
        try:
            phone = validate_mobile(phone)
        except ValidationError as error:
            errors["phone"] = error.messages
    else:
        phone = ""
    if not email and not phone and "email" not in errors and "phone" not in errors:
        errors["email"] = [_("请至少填写电子邮箱或手机号码中的一项，用于接收审核结果。")]
    home = Region.objects.regions().filter(schema_name=region).first()
    if home is None:
        errors["region"] = [_("请选择地区。")]
    pending = AccountAppeal.objects.filter(status=ChangeStatus.PENDING)
    if number and pending.filter(id_card_number=number).count() >= MAX_PENDING_APPEALS_PER_IDENTITY:
        errors["id_card_number"] = [_("该证件已有申诉正在审核，请等待审核结果。")]
    if code and pending.filter(credit_code=code).count() >= MAX_PENDING_APPEALS_PER_IDENTITY:
        errors["credit_code"] = [_("该证件已有申诉正在审核，请等待审核结果。")]
    if errors:
        raise ValidationError(errors)
    if code:
        unit = Unit.objects.filter(credit_code=code).select_related("region").first()
        if unit is not None:
            home = unit.region
    try:
        blob = blob_store_unowned(upload=scan, region_code=home.schema_name)
    except ValidationError as error:
        raise ValidationError({"scan": error.messages}) from error
    return AccountAppeal.objects.create(
        kind=kind,
        name=name,
        id_card_number=number,
        credit_code=code,
        contact_name=contact_name.strip(),
        email=email,
        phone=phone,
        scan=blob.sha256,
        region=home,
    )


def is_region_admin(user: User) -> bool:
    return bool(
        user.is_authenticated
        and user.is_active
        and user.role == Role.REGION_ADMIN
        and user.region_id is not None
    )


def appeals_for(*, admin: User) -> QuerySet[AccountAppeal]:
    """The appeals a region admin reviews: those of their region; nothing for anyone else."""
    if not is_region_admin(admin):
        return AccountAppeal.objects.none()
    return AccountAppeal.objects.filter(region_id=admin.region_id).select_related(
        "region", "decided_by", "account"
    )


def appeal_get(*, user: User, appeal_id: int) -> AccountAppeal:
    """One appeal for its region's admin; the same 404 for missing and not theirs."""
    appeal = appeals_for(admin=user).filter(pk=appeal_id).first()
    if appeal is None:
        raise Http404
    return appeal


def appeal_scan_readable(user: User, appeal: AccountAppeal) -> bool:
    """Only the admin of the appeal's region may see its scan."""
    return is_region_admin(user) and user.region_id == appeal.region_id


def appeal_scan_open(*, user: User, appeal: AccountAppeal) -> tuple[Blob, str]:
    """The scan and a name to serve it under, for `core.files.blobs.blob_response`; 404
    otherwise."""
    if not appeal_scan_readable(user, appeal):
        raise Http404
    blob = Blob.objects.filter(pk=appeal.scan).first()
    if blob is None:
        raise Http404
    return blob, clean_name(f"appeal-{appeal.pk}", blob.content_type)


def appeal_matching_account(appeal: AccountAppeal) -> User | None:
    """The account an appeal is about: the person with that ID number and real name, or the
    admin of the unit with that credit code in the appeal's region."""
    if appeal.kind == AppealKind.PERSON:
        user = User.objects.filter(id_card_number=appeal.id_card_number, is_active=True).first()
        return user if user is not None and _same_name(user.name, appeal.name) else None
    unit = Unit.objects.filter(credit_code=appeal.credit_code, region_id=appeal.region_id).first()
    if unit is None:
        return None
    return unit.admins.filter(role=Role.UNIT_ADMIN, is_active=True).order_by("pk").first()


def _notify_appellant(appeal: AccountAppeal, *, subject: str, text: str) -> None:
    if appeal.email:
        send_mail(subject, f"{text}\n\n{SITE_NAME}", None, [appeal.email])
    else:
        send_sms(to=appeal.phone, body=f"【{SITE_NAME}】{text}")


@transaction.atomic
def appeal_decide(
    *,
    appeal: AccountAppeal,
    admin: User,
    approve: bool,
    reason: str = "",
    request: HttpRequest | None = None,
) -> AccountAppeal:
    """The region admin approves (the account gets the appeal's e-mail and phone, every session
    ends, and a reset link or code goes to the new contact) or rejects with a reason, which is
    sent to the appellant. Raises RecoveryConflictError when already decided or when no account
    matches an approval, ValidationError when a rejection has no reason."""
    appeal = AccountAppeal.objects.select_for_update().get(pk=appeal.pk)
    if not appeal_scan_readable(admin, appeal):
        raise Http404
    if appeal.status != ChangeStatus.PENDING:
        raise RecoveryConflictError(_("该申诉已处理。"), "already_decided")
    reason = reason.strip()
    if not approve and not reason:
        raise ValidationError({"reason": [_("驳回时请填写原因。")]})
    account = None
    if approve:
        match = appeal_matching_account(appeal)
        if match is None:
            raise RecoveryConflictError(
                _(
                    "没有与申诉信息相符的账号（身份证号码与姓名，或统一社会信用代码），"
                    "不能通过；请核对后驳回并说明原因。"
                ),
                "no_matching_account",
            )
        account = User.objects.select_for_update().get(pk=match.pk)
        if appeal.email:
            account.email = appeal.email
        if appeal.phone:
            account.phone = appeal.phone
        account.session_generation += 1
        account.save(update_fields=["email", "phone", "session_generation"])
        tokens_revoke(account, request=request, reason="appeal")
        appeal.account = account
    appeal.status = ChangeStatus.APPROVED if approve else ChangeStatus.REJECTED
    appeal.decided_by, appeal.decided_at = admin, timezone.now()
    appeal.reason = "" if approve else reason
    appeal.save()
    audit_record(
        AuditKind.APPEAL_DECISION,
        request=request,
        actor=admin,
        success=approve,
        appeal=appeal.pk,
        appeal_kind=appeal.kind,
        account=account.username if account is not None else "",
    )
    if account is not None:
        intro = _("您的账号申诉已通过审核。")
        if appeal.email:
            _send_reset_link(account, request=request, intro=intro, public_site=True)
        else:
            code = _issue_code(user=account, phone=appeal.phone, now=timezone.now())
            send_sms(
                to=appeal.phone,
                body=_(
                    "【%(site)s】您的账号申诉已通过，用户名：%(username)s，验证码%(code)s，"
                    "%(minutes)s分钟内有效。请在“找回密码—短信验证码”页面设置新密码。"
                )
                % {
                    "site": SITE_NAME,
                    "username": account.username,
                    "code": code,
                    "minutes": max(1, _sms_ttl() // 60),
                },
            )
    else:
        _notify_appellant(
            appeal,
            subject=_("%(site)s：账号申诉未通过") % {"site": SITE_NAME},
            text=_("您的账号申诉未通过审核。原因：%(reason)s") % {"reason": reason},
        )
    return appeal
