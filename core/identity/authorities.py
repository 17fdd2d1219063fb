"""Authorities (主管单位, 推荐单位, 县(市)行业主管局, 材料接收部门) and their reviewer accounts,
managed by the admin of their region."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from core.identity.accounts import USERNAME_TAKEN, password_errors, username_errors
from core.identity.validators import validate_mobile
from core.models import Authority, Role, User
from tenants.models import Region


def authority_save(
    *,
    region: Region,
    name: str,
    kind: str,
    contact_name: str = "",
    contact_phone: str = "",
    authority: Authority | None = None,
) -> Authority:
    """Create an authority of `region`, or edit one (which must be of the same region)."""
    if authority is not None and authority.region_id != region.pk:
        raise Authority.DoesNotExist
    target = authority or Authority(region=region)
    target.name, target.kind = name.strip(), kind
    target.contact_name, target.contact_phone = contact_name, contact_phone
    target.full_clean(exclude=["region"], validate_unique=False)
    if Authority.objects.filter(region=region, name=target.name).exclude(pk=target.pk).exists():
        raise ValidationError({"name": [_("本地区已有同名单位。")]})
    try:
        with transaction.atomic():
            target.save()
    except IntegrityError as error:
        raise ValidationError({"name": [_("本地区已有同名单位。")]}) from error
    return target


def authority_set_active(*, authority: Authority, active: bool) -> Authority:
    """Close (or reopen) an authority: closed ones cannot be chosen as recommending units."""
    authority.is_active = active
    authority.save(update_fields=["is_active"])
    return authority


@transaction.atomic
def reviewer_create(
    *,
    authority: Authority,
    username: str,
    name: str,
    password: str,
    phone: str = "",
    email: str = "",
) -> User:
    """A reviewer account of an authority; it acts only in the authority's region. Every
    field's errors are reported at once, as the form shows them side by side."""
    errors: dict[str, list[str]] = {}
    if taken := username_errors(username):
        errors["username"] = taken
    if phone:
        try:
            phone = validate_mobile(phone)
        except ValidationError as error:
            errors["phone"] = error.messages
    user = User(
        username=username,
        name=name,
        role=Role.AUTHORITY_REVIEWER,
        region=authority.region,
        authority=authority,
        phone=phone,
        email=email,
    )
    if weak := password_errors(password, user):
        errors["password"] = weak
    if errors:
        raise ValidationError(errors)
    user.set_password(password)
    try:
        with transaction.atomic():
            user.save()
    except IntegrityError as error:  # the same username registered a moment ago
        raise ValidationError({"username": [str(USERNAME_TAKEN)]}) from error
    return user
