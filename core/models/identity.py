"""Shared identity, in the public schema: one account works in every region."""

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    APPLICANT = "applicant", _("申请人")
    UNIT_ADMIN = "unit_admin", _("基层单位管理员")
    AUTHORITY_REVIEWER = "authority_reviewer", _("主管单位审核人员")
    COMMITTEE_STAFF = "committee_staff", _("评审委员会工作人员")
    REGION_ADMIN = "region_admin", _("地区管理员")
    CENTRAL_OFFICE = "central_office", _("自治区职称办")


class User(AbstractUser):
    """A person or an organization's account. Each account has exactly one role (manual (6))."""

    name = models.CharField(_("姓名"), max_length=64, blank=True)
    role = models.CharField(_("角色"), max_length=32, choices=Role.choices, default=Role.APPLICANT)
    region = models.ForeignKey(
        "tenants.Region",
        verbose_name=_("所属地区"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="staff",
        help_text=_("地区管理员、主管单位和评审委员会人员所属的地区"),
    )
    # Applicants: the GB 11643 number, one account per number (manual Part 1 §1 (1)).
    id_card_number = models.CharField(
        _("身份证号码"), max_length=18, null=True, blank=True, unique=True
    )
    # SHA-256 of the ID-card scan in the person's 附件库 (private, never at a guessable URL).
    id_card_scan = models.CharField(_("身份证扫描件"), max_length=64, blank=True)
    phone = models.CharField(_("手机号码"), max_length=11, blank=True)
    unit = models.ForeignKey(
        "core.Unit",
        verbose_name=_("单位"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="admins",
        help_text=_("基层单位管理员所管理的单位"),
    )
    authority = models.ForeignKey(
        "core.Authority",
        verbose_name=_("主管单位"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="reviewers",
    )
    # The manual's "已使用1090.0分钟": time actively logged in (core.identity.activity).
    minutes_used = models.FloatField(_("已使用分钟"), default=0.0)
    last_seen_at = models.DateTimeField(null=True, blank=True, editable=False)
    # Bumped by "log out everywhere": every session signed with an older value stops working.
    session_generation = models.PositiveIntegerField(default=0, editable=False)
    # The language the person chose (a code of settings.LANGUAGES); it follows them to every
    # region's host. Blank: the browser's choice.
    language = models.CharField(
        _("界面语言"), max_length=10, blank=True, editable=False, default="", db_default=""
    )

    class Meta:
        verbose_name = _("用户")
        verbose_name_plural = _("用户")

    def __str__(self) -> str:
        return self.name or self.username

    @property
    def display_name(self) -> str:
        return self.name or self.username

    def _get_session_auth_hash(self, secret: str | None = None) -> str:
        key_salt = "core.User.session_auth_hash"
        return salted_hmac(
            key_salt,
            f"{self.password}:{self.session_generation}",
            secret=secret,
            algorithm="sha256",
        ).hexdigest()


class HandoffTicket(models.Model):
    """A single-use, short-lived pass that logs a user in on another region's host.

    Cookies cannot be shared across `*.localhost`, so after logging in on one host the user is
    sent to the chosen region with a random ticket; only its SHA-256 is stored.
    """

    digest = models.CharField(max_length=64, unique=True)
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="+")
    region_code = models.CharField(max_length=63)
    session_generation = models.PositiveIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(db_index=True)
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("跨地区登录凭据")

    def __str__(self) -> str:
        return f"{self.user_id} -> {self.region_code}"


class WechatBinding(models.Model):
    """A person's WeChat, bound on the profile page so that scanning a code logs them in.

    One WeChat per account and one account per WeChat: `user` is one-to-one and `openid` (the
    person's id for this platform's WeChat application) is unique, both enforced by the
    database. `unionid` is kept when the provider gives it; the login asks by `openid`.
    """

    user = models.OneToOneField(
        User, on_delete=models.CASCADE, related_name="wechat", verbose_name=_("用户")
    )
    openid = models.CharField(max_length=128, unique=True)
    unionid = models.CharField(max_length=128, blank=True, default="")
    nickname = models.CharField(_("微信昵称"), max_length=64, blank=True, default="")
    bound_at = models.DateTimeField(_("绑定时间"), auto_now_add=True)

    class Meta:
        verbose_name = _("微信绑定")
        verbose_name_plural = _("微信绑定")

    def __str__(self) -> str:
        return f"{self.user_id} <-> {self.openid}"
