"""Section forms: the current version of a form, and checking a section's data against it.

A section's `schema` is JSON Schema draft 2020-12 (API.md "Section forms"). The server checks
with the same schema a program reads, and answers field by field in Chinese, keyed by the
dotted path of the field (`"records.0.school"`; `"__all__"` for the section as a whole).

Besides the standard keywords the server knows a few of its own, each named ``x-...`` (which
other validators ignore):

- ``x-min-attachments``: how many files the section needs;
- ``x-from-account`` on a property marked ``readOnly``: the server fills it from the
  applicant's verified account (``name``, ``id_card_number``, and the ``gender`` and
  ``birth_date`` the ID number encodes), whatever was sent (workflow.sections);
- ``x-id-card``: a resident ID number valid under GB 11643 (check digit, a real birth date);
- ``x-not-after-today``: a date (``format: date``) no later than today, such as a birth date.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from typing import Any

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from jsonschema import Draft202012Validator, validators
from jsonschema.exceptions import ValidationError as SchemaError

from core.catalog.ordering import form_sections
from core.identity.validators import validate_id_card_number
from core.models import SectionForm
from tenants.translated import option_label, schema_text

WHOLE_SECTION = "__all__"
ENUM_LISTED_UP_TO = 6  # name the allowed values when there are this few

_TYPE_NAMES = {
    "string": gettext_lazy("文本"),
    "integer": gettext_lazy("整数"),
    "number": gettext_lazy("数字"),
    "boolean": gettext_lazy("是或否"),
    "array": gettext_lazy("列表"),
    "object": gettext_lazy("对象"),
    "null": gettext_lazy("空值"),
}


def form_current(key: str) -> SectionForm:
    """The latest version of form `key`; `SectionForm.DoesNotExist` if there is none."""
    form = SectionForm.objects.filter(key=key).order_by("-version").first()
    if form is None:
        raise SectionForm.DoesNotExist(key)
    return form


def form_version(key: str, version: int) -> SectionForm:
    """Version `version` of form `key`; `SectionForm.DoesNotExist` if there is none."""
    return SectionForm.objects.get(key=key, version=version)


def form_section(form: SectionForm, section_key: str) -> dict[str, Any]:
    """The section `section_key` of `form` (``{key, title, filled_by, schema}``, fields in
    order); KeyError if the form has no such section. Read-only."""
    for section in form_sections(form):
        if isinstance(section, dict) and section.get("key") == section_key:
            return section
    raise KeyError(section_key)


ID_CARD_KEY = "x-id-card"
NOT_AFTER_TODAY_KEY = "x-not-after-today"


def _id_card(validator: Any, wanted: Any, instance: Any, schema: dict) -> Iterator[SchemaError]:
    if wanted is not True or not isinstance(instance, str):
        return
    try:
        validate_id_card_number(instance)
    except ValidationError as error:
        yield SchemaError(str(error.messages[0]))


def _not_after_today(
    validator: Any, wanted: Any, instance: Any, schema: dict
) -> Iterator[SchemaError]:
    if wanted is not True or not isinstance(instance, str):
        return
    try:
        day = datetime.date.fromisoformat(instance)
    except ValueError:
        return  # not a date at all: `format` says so
    if day > timezone.localdate():
        yield SchemaError(f"{instance} is after today")


_SectionValidator = validators.extend(
    Draft202012Validator,
    {ID_CARD_KEY: _id_card, NOT_AFTER_TODAY_KEY: _not_after_today},
)


def section_validator(schema: dict[str, Any]) -> Draft202012Validator:
    """A draft 2020-12 validator that also checks `format` (date, email...) and the platform's
    own `x-id-card` and `x-not-after-today`."""
    return _SectionValidator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def form_validate_section(form: SectionForm, section_key: str, data: Any) -> dict[str, list[str]]:
    """Field errors of `data` under the section's schema, in Chinese; empty when valid.

    Keys are dotted paths into the data (``"teaching_years"``, ``"records.0.school"``), or
    ``"__all__"`` for the section as a whole. Raises KeyError for an unknown section.
    """
    schema = form_section(form, section_key)["schema"]
    errors: dict[str, list[str]] = {}
    for error in section_validator(schema).iter_errors(data):
        for path, message in _describe(schema, error):
            messages = errors.setdefault(path or WHOLE_SECTION, [])
            if message not in messages:
                messages.append(message)
    return errors


def section_min_attachments(form: SectionForm, section_key: str) -> int:
    """How many files the section needs (`x-min-attachments`, 0 when not declared)."""
    return int(form_section(form, section_key)["schema"].get("x-min-attachments", 0))


def section_complete(form: SectionForm, section_key: str, data: Any, attachment_count: int) -> bool:
    """Valid data and at least the section's `x-min-attachments` files."""
    if data is None:
        return False
    return attachment_count >= section_min_attachments(
        form, section_key
    ) and not form_validate_section(form, section_key, data)


# --- messages --------------------------------------------------------------------------------


def _join(path: list[Any]) -> str:
    return ".".join(str(part) for part in path)


def _schema_at(root: dict[str, Any], path: list[Any]) -> dict[str, Any] | None:
    """The declared schema of the value at `path` (through properties and items)."""
    schema: Any = root
    for part in path:
        if not isinstance(schema, dict):
            return None
        if isinstance(part, int):
            schema = schema.get("items")
        else:
            schema = schema.get("properties", {}).get(part)
    return schema if isinstance(schema, dict) else None


def _title(root: dict[str, Any], path: list[Any]) -> str:
    """The title of the field at `path` in the reader's language; the section's title for the
    whole section."""
    schema = _schema_at(root, path)
    if schema and schema.get("title"):
        return schema_text(schema, "title")
    if not path:
        return schema_text(root, "title")
    return str(path[-1])


def _describe(root: dict[str, Any], error: SchemaError) -> list[tuple[str, str]]:
    """(path, message) pairs for one jsonschema error."""
    path = list(error.absolute_path)
    keyword, expected, instance = error.validator, error.validator_value, error.instance

    if keyword == "required":
        return [
            (
                _join([*path, name]),
                _("「%(field)s」为必填项") % {"field": _title(root, [*path, name])},
            )
            for name in expected
            if isinstance(instance, dict) and name not in instance
        ]
    if keyword == "additionalProperties":
        known = set(error.schema.get("properties", {}))
        return [
            (_join([*path, name]), _("「%(field)s」不是本栏目的字段") % {"field": name})
            for name in instance
            if name not in known
        ]

    field = _title(root, path)
    message = _message(keyword, expected, instance, field, error)
    return [(_join(path), message)]


def _number(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _message(keyword: str, expected: Any, instance: Any, field: str, error: SchemaError) -> str:
    params = {"field": field, "limit": _number(expected)}
    simple = {
        "minimum": _("「%(field)s」不能小于 %(limit)s"),
        "maximum": _("「%(field)s」不能大于 %(limit)s"),
        "exclusiveMinimum": _("「%(field)s」必须大于 %(limit)s"),
        "exclusiveMaximum": _("「%(field)s」必须小于 %(limit)s"),
        "maxLength": _("「%(field)s」不能超过 %(limit)s 个字"),
        "maxItems": _("「%(field)s」最多 %(limit)s 条"),
        "multipleOf": _("「%(field)s」应为 %(limit)s 的倍数"),
        "pattern": _("「%(field)s」格式不正确"),
        "uniqueItems": _("「%(field)s」中有重复的项"),
    }
    if keyword == "type":
        kinds = expected if isinstance(expected, list) else [expected]
        names = _("或").join(str(_TYPE_NAMES.get(kind, kind)) for kind in kinds)
        return _("「%(field)s」应为%(kind)s") % {"field": field, "kind": names}
    if keyword == "format":
        if expected == "date":
            return _("「%(field)s」不是有效的日期（YYYY-MM-DD）") % params
        if expected == "email":
            return _("「%(field)s」不是有效的电子邮箱地址") % params
        return _("「%(field)s」格式不正确") % params
    if keyword == ID_CARD_KEY:
        return _("「%(field)s」不正确：%(reason)s") % {"field": field, "reason": error.message}
    if keyword == NOT_AFTER_TODAY_KEY:
        return _("「%(field)s」不能晚于今天") % params
    if keyword == "minLength":
        if expected == 1:
            return _("「%(field)s」不能为空") % params
        return _("「%(field)s」至少 %(limit)s 个字") % params
    if keyword == "minItems":
        return _("「%(field)s」至少填写 %(limit)s 条") % params
    if keyword == "maxItems" and expected == 0:
        return _("「%(field)s」不应填写") % params
    if keyword in {"enum", "const"}:
        options = expected if keyword == "enum" else [expected]
        if len(options) <= ENUM_LISTED_UP_TO and all(isinstance(o, str) for o in options):
            return _("「%(field)s」只能是：%(options)s") % {
                "field": field,
                "options": "、".join(option_label(error.schema, o) for o in options),
            }
        return _("「%(field)s」不是可选的值") % params
    if keyword in simple:
        return simple[keyword] % params
    return _("「%(field)s」不符合要求") % params
