"""What the central office (自治区职称办) changes in the catalog: qualifications, new form
versions and condition texts. Each service validates and raises `ValidationError({field: [...]})`
in Chinese; views only collect input. Every change is written to the audit log in the same
transaction, with the person who made it.

Form versions are append-only: publishing stores the next version and never edits one, so an
application keeps the form it was started with.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from jsonschema import Draft202012Validator
from jsonschema.exceptions import SchemaError

from core.audit import audit_record
from core.catalog.conditions import rules_validate
from core.catalog.sync import form_definition_of
from core.models import (
    AuditKind,
    ConditionSet,
    Level,
    Qualification,
    SectionForm,
    Series,
    Specialty,
    User,
)

logger = logging.getLogger(__name__)

GRADE_CHOICES = [("clerk", gettext_lazy("员级")), ("assistant", gettext_lazy("助理级"))]
GRADE_LABELS = dict(GRADE_CHOICES)
FILLED_BY = {"applicant", "unit"}
CODE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
SECTION_KEY = re.compile(r"[a-z][a-z0-9_]*")
CatalogItem = Series | Specialty | Qualification


def level_label(level: str, grade: str = "") -> str:
    """初级, 中级...; a graded junior level reads 初级（员级）."""
    try:
        label = str(Level(level).label)
    except ValueError:
        label = level
    if grade in GRADE_LABELS:
        return f"{label}（{GRADE_LABELS[grade]}）"
    return label


# --- catalog ---------------------------------------------------------------------------------


def _audit(actor: User | None, action: str, **detail: Any) -> None:
    audit_record(AuditKind.CATALOG_CHANGE, actor=actor, action=action, **detail)


@transaction.atomic
def catalog_set_active(
    *, item: CatalogItem, active: bool, actor: User | None = None
) -> CatalogItem:
    """Open or close a series, specialty or qualification. Rows are never deleted: offerings
    and applications point at them; a closed one is simply no longer offered or listed. The
    row is the office's from now on: the data file no longer reopens or closes it."""
    item.is_active = active
    item.edited_by_office = True
    item.save(update_fields=["is_active", "edited_by_office"])
    _audit(
        actor,
        "open" if active else "close",
        model=type(item).__name__.lower(),
        code=item.code,
        name=item.name,
    )
    logger.info("catalog: %s %s is_active=%s", type(item).__name__, item.code, active)
    return item


@transaction.atomic
def qualification_rename(
    *,
    qualification: Qualification,
    name: str,
    actor: User | None = None,
    name_en: str | None = None,
    name_ug: str | None = None,
) -> Qualification:
    """Give a qualification a new name (its code, which others refer to, stays), and its
    English and Uyghur names when given (blank: readers of those languages see the Chinese)."""
    name = name.strip()
    _check_name(qualification.specialty, name, exclude=qualification.pk)
    before = qualification.name
    qualification.name = name
    if name_en is not None:
        qualification.name_en = name_en.strip()
    if name_ug is not None:
        qualification.name_ug = name_ug.strip()
    qualification.edited_by_office = True
    qualification.save(update_fields=["name", "name_en", "name_ug", "edited_by_office"])
    _audit(actor, "rename", model="qualification", code=qualification.code, name=name, was=before)
    logger.info("catalog: qualification %s renamed to %s", qualification.code, name)
    return qualification


def qualification_create(
    *,
    specialty: Specialty,
    code: str,
    level: str,
    grade: str = "",
    name: str,
    actor: User | None = None,
    name_en: str = "",
    name_ug: str = "",
) -> Qualification:
    """A new qualification in `specialty` at `level` (and, for junior, `grade`)."""
    code, name, grade = code.strip(), name.strip(), grade or ""
    errors: dict[str, list[str]] = {}
    if not CODE.fullmatch(code) or len(code) > 128:
        errors["code"] = [_("代码只能由小写字母、数字和连字符组成，且不超过128个字符。")]
    elif Qualification.objects.filter(code=code).exists():
        errors["code"] = [_("代码“%(code)s”已被使用，代码一经发布不得重复。") % {"code": code}]
    if level not in Level.values:
        errors["level"] = [_("请选择级别。")]
    if grade and grade not in GRADE_LABELS:
        errors["grade"] = [_("等次无效。")]
    elif grade and level != Level.JUNIOR:
        errors["grade"] = [_("只有初级资格可以区分员级和助理级。")]
    try:
        _check_name(specialty, name)
    except ValidationError as error:
        errors.update(error.message_dict)
    if errors:
        raise ValidationError(errors)
    last = specialty.qualifications.aggregate(last=models.Max("sort_order"))["last"] or 0
    try:
        with transaction.atomic():
            qualification = Qualification.objects.create(
                specialty=specialty,
                code=code,
                level=level,
                grade=grade,
                name=name,
                name_en=name_en.strip(),
                name_ug=name_ug.strip(),
                sort_order=last + 1,
                edited_by_office=True,
            )
            _audit(actor, "create", model="qualification", code=code, name=name, level=level)
    except IntegrityError as error:
        raise ValidationError(
            {"code": [_("代码“%(code)s”已被使用，代码一经发布不得重复。") % {"code": code}]}
        ) from error
    logger.info("catalog: qualification %s created in %s", code, specialty.code)
    return qualification


def _check_name(specialty: Specialty, name: str, exclude: int | None = None) -> None:
    if not name:
        raise ValidationError({"name": [_("请填写资格名称。")]})
    if len(name) > 64:
        raise ValidationError({"name": [_("资格名称不能超过64个字。")]})
    if specialty.qualifications.filter(name=name).exclude(pk=exclude).exists():
        raise ValidationError({"name": [_("该专业下已有同名资格。")]})


# --- section forms ---------------------------------------------------------------------------


def form_definition_errors(document: Any, *, key: str) -> list[str]:
    """What is wrong with a pasted form (Chinese); empty when it may be published.

    The form is an object with `title`, `sections` (each `key`, `title`, `filled_by` and a draft
    2020-12 `schema` of type object) and optional `rule_fields`; `key`, if given, must be this
    form's, and `version` is ignored (the next version number is assigned).
    """
    if not isinstance(document, dict):
        return [_("表单定义应为 JSON 对象。")]
    errors: list[str] = []
    if document.get("key", key) != key:
        errors.append(_("表单代码应为“%(key)s”。") % {"key": key})
    title = document.get("title")
    if title is not None and (not isinstance(title, str) or not title.strip()):
        errors.append(_("title 应为非空文本。"))
    sections = document.get("sections")
    if not isinstance(sections, list) or not sections:
        return [*errors, _("sections 应为非空列表。")]
    seen: set[str] = set()
    schemas: dict[str, dict] = {}
    for number, section in enumerate(sections, start=1):
        where = _("第%(n)s个栏目") % {"n": number}
        if not isinstance(section, dict):
            errors.append(_("%(where)s应为对象。") % {"where": where})
            continue
        section_key = section.get("key")
        if not isinstance(section_key, str) or not SECTION_KEY.fullmatch(section_key):
            errors.append(_("%(where)s的 key 应由小写字母、数字和下划线组成。") % {"where": where})
        elif section_key in seen:
            errors.append(_("栏目 key“%(key)s”重复。") % {"key": section_key})
        else:
            seen.add(section_key)
            where = _("栏目“%(key)s”") % {"key": section_key}
        if not isinstance(section.get("title"), str) or not section["title"].strip():
            errors.append(_("%(where)s缺少标题（title）。") % {"where": where})
        if section.get("filled_by") not in FILLED_BY:
            errors.append(_("%(where)s的 filled_by 应为 applicant 或 unit。") % {"where": where})
        errors += _schema_errors(section.get("schema"), where)
        if isinstance(section_key, str) and isinstance(section.get("schema"), dict):
            schemas[section_key] = section["schema"]
    errors += _rule_field_errors(document.get("rule_fields"), schemas)
    return errors


def _schema_errors(schema: Any, where: str) -> list[str]:
    if not isinstance(schema, dict):
        return [_("%(where)s缺少 schema 对象。") % {"where": where}]
    try:
        Draft202012Validator.check_schema(schema)
    except SchemaError as error:
        return [
            _("%(where)s的 schema 不是有效的 JSON Schema（2020-12）：%(error)s")
            % {"where": where, "error": error.message}
        ]
    errors = []
    if schema.get("type") != "object":
        errors.append(_("%(where)s的 schema 类型应为 object。") % {"where": where})
    attachments = schema.get("x-min-attachments", 0)
    if not isinstance(attachments, int) or isinstance(attachments, bool) or attachments < 0:
        errors.append(_("%(where)s的 x-min-attachments 应为不小于 0 的整数。") % {"where": where})
    return errors


def _rule_field_errors(rule_fields: Any, schemas: dict[str, dict]) -> list[str]:
    if rule_fields is None:
        return []
    if not isinstance(rule_fields, dict):
        return [_("rule_fields 应为对象。")]
    errors = []
    for name, spec in rule_fields.items():
        if name.startswith("$"):
            continue
        field = spec.get("field") if isinstance(spec, dict) else None
        if not isinstance(field, str) or "." not in field:
            errors.append(_("rule_fields.%(name)s 应写明 field（栏目.字段）。") % {"name": name})
            continue
        section_key, *path = field.split(".")
        schema: Any = schemas.get(section_key)
        for part in path:
            schema = schema.get("properties", {}).get(part) if isinstance(schema, dict) else None
        if not isinstance(schema, dict):
            errors.append(
                _("rule_fields.%(name)s 指向的字段 %(field)s 不存在。")
                % {"name": name, "field": field}
            )
        if "map" in spec and not isinstance(spec["map"], dict):
            errors.append(_("rule_fields.%(name)s 的 map 应为对象。") % {"name": name})
    return errors


@transaction.atomic
def form_publish(*, key: str, document: Any, actor: User | None = None) -> SectionForm:
    """Store `document` as the next version of form `key`; earlier versions stay untouched."""
    versions = list(
        SectionForm.objects.select_for_update().filter(key=key).order_by("-version")[:1]
    )
    if not versions:
        raise SectionForm.DoesNotExist(key)
    latest = versions[0]
    errors = form_definition_errors(document, key=key)
    if errors:
        raise ValidationError({"definition": errors})
    title = (document.get("title") or latest.title).strip()
    definition = form_definition_of(document)
    if definition == latest.definition and title == latest.title:
        raise ValidationError(
            {"definition": [_("与当前版本（第%(v)s版）相同，无需发布。") % {"v": latest.version}]}
        )
    form = SectionForm.objects.create(
        key=key, version=latest.version + 1, title=title, definition=definition
    )
    _audit(actor, "publish_form", model="sectionform", code=key, version=form.version)
    logger.info("form %s: version %s published", key, form.version)
    return form


def form_field_summary(schema: dict[str, Any]) -> list[dict[str, Any]]:
    """The fields of a section schema, nested ones indented: name, title, type, required and
    a short list of constraints, for people to read."""
    rows: list[dict[str, Any]] = []
    _summarize(schema, rows, depth=0, prefix="")
    return rows


def _summarize(schema: dict[str, Any], rows: list[dict[str, Any]], depth: int, prefix: str) -> None:
    required = set(schema.get("required", []))
    for name, prop in schema.get("properties", {}).items():
        if not isinstance(prop, dict):
            continue
        rows.append(
            {
                "path": f"{prefix}{name}",
                "title": prop.get("title", ""),
                "type": prop.get("type", ""),
                "required": name in required,
                "constraints": _constraints(prop),
                "depth": depth,
            }
        )
        items = prop.get("items")
        if prop.get("type") == "array" and isinstance(items, dict) and items.get("properties"):
            _summarize(items, rows, depth + 1, f"{prefix}{name}[].")
        elif prop.get("type") == "object":
            _summarize(prop, rows, depth + 1, f"{prefix}{name}.")


def _constraints(prop: dict[str, Any]) -> str:
    parts = []
    if "enum" in prop:
        values = [str(value) for value in prop["enum"]]
        shown = "、".join(values[:6]) + ("…" if len(values) > 6 else "")
        parts.append(_("可选：%(values)s") % {"values": shown})
    for keyword, label in (
        ("format", _("格式")),
        ("pattern", _("格式")),
        ("minimum", _("最小")),
        ("maximum", _("最大")),
        ("minLength", _("最少字数")),
        ("maxLength", _("最多字数")),
        ("minItems", _("最少条数")),
        ("maxItems", _("最多条数")),
    ):
        if keyword in prop:
            parts.append(f"{label} {prop[keyword]}")
    return "；".join(parts)


# --- conditions ------------------------------------------------------------------------------


@transaction.atomic
def condition_update(
    *, condition_set: ConditionSet, text: str, rules: Any, actor: User | None = None
) -> ConditionSet:
    """New text and rules for a condition set; its version goes up, so that loading the data
    file again keeps the central office's edit."""
    errors: dict[str, list[str]] = {}
    text = text.strip()
    if not text:
        errors["text"] = [_("请填写条件说明。")]
    rule_errors = rules_validate(rules)
    if rule_errors:
        errors["rules"] = rule_errors
    if errors:
        raise ValidationError(errors)
    condition_set.text, condition_set.rules = text, rules
    condition_set.version += 1
    condition_set.save(update_fields=["text", "rules", "version"])
    _audit(
        actor,
        "edit_conditions",
        model="conditionset",
        code=condition_set.series.code,
        level=condition_set.level,
        version=condition_set.version,
    )
    logger.info("conditions %s: version %s saved", condition_set.pk, condition_set.version)
    return condition_set
