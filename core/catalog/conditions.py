"""Qualification conditions (任职资格条件) as advice: which machine-checkable rules an applicant's
sections meet.

The rules of a ConditionSet are those of `core/catalog/conditions.json` (`rule_kinds`); their
values come from the application's sections through the form's `rule_fields` (a dotted
``section.property`` and an optional ``map`` of values). The answer is advice for the applicant
and the reviewers, never a block: a rule is "met", "unmet", or "unknown" when the data needed
is missing or unreadable, and evaluation never raises.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.catalog.data import load_conditions, option_text
from core.models import ConditionSet, Level, Qualification, SectionForm

MET, UNMET, UNKNOWN = "met", "unmet", "unknown"

RULE_PARAMETERS: dict[str, dict[str, bool]] = {
    # kind -> {parameter: required}
    "min_education": {"value": True},
    "years_since_title": {"value": True, "title_level": True, "grade": False},
    "years_since_graduation": {"value": True, "education": True},
    "continuing_education_hours": {"value": True, "per_year": False, "max_years": False},
    "rural_service_years": {"value": True},
    "any_of": {"options": True},
}
GRADE_ORDER = ("clerk", "assistant")
GRADE_NAMES = {"clerk": gettext_lazy("员级"), "assistant": gettext_lazy("助理级")}
NO_TITLE = "无"


@dataclass(frozen=True)
class RuleResult:
    """One rule, as read by a person: what it asks, whether it is met, what was found."""

    text: str
    status: str
    detail: str
    kind: str = ""
    options: list[list[RuleResult]] = field(default_factory=list)

    @property
    def met(self) -> bool:
        return self.status == MET


# --- finding the conditions ------------------------------------------------------------------


def conditions_for(qualification: Qualification) -> ConditionSet | None:
    """The condition set of a qualification: its series and level, the grade (when the set
    names one) and the specialty's group (when the set names groups); the most specific wins."""
    specialty = qualification.specialty
    best, best_score = None, -1
    for candidate in ConditionSet.objects.filter(
        series_id=specialty.series_id, level=qualification.level
    ).order_by("pk"):
        if candidate.grade and candidate.grade != qualification.grade:
            continue
        groups = candidate.specialty_groups or []
        if groups and specialty.group not in groups:
            continue
        score = bool(candidate.grade) + bool(groups)
        if score > best_score:
            best, best_score = candidate, score
    return best


def education_order() -> list[str]:
    """学历 from lowest to highest (conditions.json `education_order`)."""
    return list(load_conditions()["education_order"])


def rule_kinds() -> dict[str, str]:
    """The rule kinds and their Chinese descriptions (conditions.json `rule_kinds`)."""
    return dict(load_conditions()["rule_kinds"])


# --- checking rules as data ------------------------------------------------------------------


def rules_validate(rules: Any) -> list[str]:
    """What is wrong with a rules list (Chinese messages); empty when every rule is well-formed."""
    if not isinstance(rules, list):
        return [_("规则应为列表。")]
    errors: list[str] = []
    for index, rule in enumerate(rules, start=1):
        errors += _rule_problems(rule, _("第%(n)s条规则") % {"n": index})
    return errors


def _rule_problems(rule: Any, where: str) -> list[str]:
    if not isinstance(rule, dict):
        return [_("%(where)s应为对象。") % {"where": where}]
    kind = rule.get("kind")
    known = set(rule_kinds()) & set(RULE_PARAMETERS)
    if kind not in known:
        return [
            _("%(where)s的类型“%(kind)s”无效，可用：%(kinds)s")
            % {"where": where, "kind": kind, "kinds": "、".join(sorted(known))}
        ]
    parameters = RULE_PARAMETERS[kind]
    problems = [
        _("%(where)s缺少参数 %(name)s。") % {"where": where, "name": name}
        for name, required in parameters.items()
        if required and name not in rule
    ]
    problems += [
        _("%(where)s有多余的参数 %(name)s。") % {"where": where, "name": name}
        for name in rule
        if name != "kind" and name not in parameters
    ]
    if problems:
        return problems
    if kind == "any_of":
        options = rule["options"]
        if not isinstance(options, list) or not options:
            return [_("%(where)s的 options 应为非空列表。") % {"where": where}]
        for number, option in enumerate(options, start=1):
            inner = _("%(where)s的第%(n)s组") % {"where": where, "n": number}
            if not isinstance(option, list) or not option:
                problems.append(_("%(where)s应为非空的规则列表。") % {"where": inner})
                continue
            for index, sub in enumerate(option, start=1):
                problems += _rule_problems(
                    sub, _("%(where)s第%(n)s条") % {"where": inner, "n": index}
                )
        return problems
    value = rule["value"]
    if kind == "min_education":
        if value not in education_order():
            problems.append(
                _("%(where)s的学历应为：%(options)s")
                % {"where": where, "options": "、".join(education_order())}
            )
        return problems
    if not _is_number(value) or value < 0:
        problems.append(_("%(where)s的 value 应为不小于 0 的数。") % {"where": where})
    if kind == "years_since_graduation" and rule["education"] not in education_order():
        problems.append(
            _("%(where)s的学历应为：%(options)s")
            % {"where": where, "options": "、".join(education_order())}
        )
    if kind == "years_since_title":
        if rule["title_level"] not in Level.values:
            problems.append(
                _("%(where)s的 title_level 应为：%(options)s")
                % {"where": where, "options": "、".join(Level.values)}
            )
        grade = rule.get("grade")
        if grade is not None and (grade not in GRADE_ORDER or rule["title_level"] != Level.JUNIOR):
            problems.append(
                _("%(where)s的 grade 只能用于初级，且应为 clerk 或 assistant。") % {"where": where}
            )
    if kind == "continuing_education_hours" and not isinstance(rule.get("per_year", False), bool):
        problems.append(_("%(where)s的 per_year 应为 true 或 false。") % {"where": where})
    if kind == "continuing_education_hours" and "max_years" in rule:
        cap = rule["max_years"]
        if not isinstance(cap, int) or isinstance(cap, bool) or cap < 1 or not rule.get("per_year"):
            problems.append(
                _("%(where)s的 max_years 应为不小于 1 的整数，且只能与 per_year 一起使用。")
                % {"where": where}
            )
    return problems


# --- evaluating ------------------------------------------------------------------------------


def conditions_evaluate(
    condition_set: ConditionSet,
    form: SectionForm,
    sections: dict[str, dict],
    today: date | None = None,
) -> list[RuleResult]:
    """Every rule of the set, evaluated on the application's sections (advice only)."""
    facts = _Facts(form, sections or {}, today or timezone.localdate())
    rules = getattr(condition_set, "rules", None)
    rules = rules if isinstance(rules, list) else []
    return [_evaluate(rule, facts) for rule in rules]


def conditions_summary(results: list[RuleResult]) -> str:
    """met when every rule is met, unmet when any is unmet, otherwise unknown."""
    return _all_of([result.status for result in results])


def _all_of(statuses: list[str]) -> str:
    if any(status == UNMET for status in statuses):
        return UNMET
    if all(status == MET for status in statuses):
        return MET
    return UNKNOWN


class _Facts:
    """The values the rules read, through the form's `rule_fields`."""

    def __init__(self, form: SectionForm, sections: dict[str, Any], today: date) -> None:
        definition = getattr(form, "definition", None)
        definition = definition if isinstance(definition, dict) else {}
        fields = definition.get("rule_fields")
        self.fields = fields if isinstance(fields, dict) else {}
        self.sections = sections if isinstance(sections, dict) else {}
        self.today = today
        self.form = form

    def raw(self, name: str) -> Any:
        """The value of rule field `name` as filled in, or None."""
        spec = self.fields.get(name)
        if not isinstance(spec, dict) or not isinstance(spec.get("field"), str):
            return None
        value: Any = self.sections
        for part in spec["field"].split("."):
            if isinstance(value, dict):
                value = value.get(part)
            elif isinstance(value, list) and part.isdigit() and int(part) < len(value):
                value = value[int(part)]
            else:
                return None
        return None if value in ("", None) else value

    def get(self, name: str) -> Any:
        """The value, translated through the field's `map` when it has one (unmapped: None)."""
        value = self.raw(name)
        if value is None:
            return None
        mapping = self.fields[name].get("map")
        if isinstance(mapping, dict):
            return mapping.get(value) if isinstance(value, str) else None
        return value

    def field_title(self, name: str) -> str:
        """The Chinese title of the property a rule field reads, e.g. 农村任教经历(年)."""
        spec = self.fields.get(name)
        if not isinstance(spec, dict) or not isinstance(spec.get("field"), str):
            return ""
        section_key, _dot, path = spec["field"].partition(".")
        for section in getattr(self.form, "sections", None) or []:
            if isinstance(section, dict) and section.get("key") == section_key:
                schema: Any = section.get("schema", {})
                for part in path.split("."):
                    schema = schema.get("properties", {}).get(part, {})
                return schema.get("title", "") if isinstance(schema, dict) else ""
        return ""

    def date(self, name: str) -> date | None:
        return _parse_date(self.raw(name))


def _evaluate(rule: Any, facts: _Facts) -> RuleResult:
    if not isinstance(rule, dict):
        return RuleResult(_("无法识别的规则"), UNKNOWN, _("规则格式不正确"))
    kind = rule.get("kind")
    handler = _HANDLERS.get(kind)
    if handler is None:
        return RuleResult(
            _("无法识别的规则：%(kind)s") % {"kind": kind}, UNKNOWN, _("规则类型未知"), str(kind)
        )
    try:
        return handler(rule, facts)
    except (KeyError, TypeError, ValueError, AttributeError, IndexError):
        return RuleResult(_describe_rule(rule), UNKNOWN, _("规则或资料无法识别"), str(kind))


def _describe_rule(rule: dict[str, Any]) -> str:
    try:
        return _rule_text(rule)
    except (KeyError, TypeError, ValueError):
        return _("规则：%(kind)s") % {"kind": rule.get("kind")}


def _parse_date(value: Any) -> date | None:
    if not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _whole_years(since: date, today: date) -> int:
    return today.year - since.year - ((today.month, today.day) < (since.month, since.day))


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def _rank(education: Any) -> int | None:
    order = education_order()
    return order.index(education) if isinstance(education, str) and education in order else None


def _highest_education(facts: _Facts) -> str | None:
    """基本信息·学历, or else the highest 学历 among the education records."""
    highest = facts.get("highest_education")
    if _rank(highest) is not None:
        return highest
    ranked = [
        record.get("education")
        for record in _records(facts)
        if _rank(record.get("education")) is not None
    ]
    return max(ranked, key=_rank) if ranked else None


def _records(facts: _Facts) -> list[dict[str, Any]]:
    records = facts.get("education_records")
    return [r for r in records if isinstance(r, dict)] if isinstance(records, list) else []


def _level_name(level: str, grade: str | None = None) -> str:
    if grade in GRADE_NAMES:
        return str(GRADE_NAMES[grade])
    try:
        return str(Level(level).label)
    except ValueError:
        return str(level)


def _rule_text(rule: dict[str, Any]) -> str:
    """The sentence a person reads for a rule, before looking at any data."""
    kind = rule["kind"]
    if kind == "min_education":
        return _("学历不低于%(education)s") % {"education": option_text(rule["value"])}
    if kind == "years_since_title":
        level = _level_name(rule["title_level"], rule.get("grade"))
        return _("取得%(level)s资格满%(years)s年") % {
            "level": level,
            "years": _number(rule["value"]),
        }
    if kind == "years_since_graduation":
        return _("取得%(education)s及以上学历后满%(years)s年") % {
            "education": option_text(rule["education"]),
            "years": _number(rule["value"]),
        }
    if kind == "continuing_education_hours":
        if rule.get("per_year") and rule.get("max_years"):
            return _("每%(cycle)s年一周期，继续教育每年不少于%(hours)s学时") % {
                "cycle": rule["max_years"],
                "hours": _number(rule["value"]),
            }
        if rule.get("per_year"):
            return _("继续教育每年不少于%(hours)s学时") % {"hours": _number(rule["value"])}
        return _("继续教育不少于%(hours)s学时") % {"hours": _number(rule["value"])}
    if kind == "rural_service_years":
        return _("农村或基层服务不少于%(years)s年") % {"years": _number(rule["value"])}
    return _("满足下列条件之一")


def _min_education(rule: dict[str, Any], facts: _Facts) -> RuleResult:
    text = _rule_text(rule)
    highest = _highest_education(facts)
    if highest is None:
        raw = facts.raw("highest_education")
        detail = (
            _("未填写学历") if raw is None else _("无法识别的学历：%(e)s") % {"e": option_text(raw)}
        )
        return RuleResult(text, UNKNOWN, detail, "min_education")
    required = _rank(rule["value"])
    if required is None:
        return RuleResult(text, UNKNOWN, _("规则中的学历无法识别"), "min_education")
    status = MET if _rank(highest) >= required else UNMET
    return RuleResult(text, status, _("最高学历：%(e)s") % {"e": highest}, "min_education")


def _years_since_graduation(rule: dict[str, Any], facts: _Facts) -> RuleResult:
    kind = "years_since_graduation"
    text = _rule_text(rule)
    required = _rank(rule["education"])
    if required is None:
        return RuleResult(text, UNKNOWN, _("规则中的学历无法识别"), kind)
    highest = _highest_education(facts)
    if highest is not None and _rank(highest) < required:
        return RuleResult(
            text,
            UNMET,
            _("最高学历为%(e)s，低于%(r)s") % {"e": highest, "r": rule["education"]},
            kind,
        )
    # The earliest graduation at the required level or above; else the highest one's date.
    dated = [
        (graduated, record["education"])
        for record in _records(facts)
        if (rank := _rank(record.get("education"))) is not None
        and rank >= required
        and (graduated := _parse_date(record.get("graduation_date"))) is not None
    ]
    if not dated and highest is not None and facts.date("graduation_date") is not None:
        dated = [(facts.date("graduation_date"), highest)]
    if not dated:
        return RuleResult(text, UNKNOWN, _("未填写毕业时间"), kind)
    graduated, education = min(dated)
    years = _whole_years(graduated, facts.today)
    status = MET if years >= rule["value"] else UNMET
    detail = _("%(e)s于%(d)s毕业，已满%(y)s年") % {
        "e": option_text(education),
        "d": graduated.isoformat(),
        "y": max(years, 0),
    }
    return RuleResult(text, status, detail, kind)


def _current_title(facts: _Facts) -> tuple[str, str | None, str | None]:
    """(status so far, level, grade): UNMET when 无, UNKNOWN when missing or unreadable."""
    raw = facts.raw("title_level")
    if raw == NO_TITLE:
        return UNMET, None, None
    level = facts.get("title_level")
    if level not in Level.values:
        return UNKNOWN, None, None
    return MET, level, facts.get("title_grade")


def _years_since_title(rule: dict[str, Any], facts: _Facts) -> RuleResult:
    kind = "years_since_title"
    text = _rule_text(rule)
    status, level, grade = _current_title(facts)
    if status == UNKNOWN:
        raw = facts.raw("title_level")
        detail = (
            _("未填写现专业技术资格")
            if raw is None
            else _("无法识别的资格级别：%(t)s") % {"t": option_text(raw)}
        )
        return RuleResult(text, UNKNOWN, detail, kind)
    if status == UNMET:
        return RuleResult(
            text,
            UNMET,
            _("现专业技术资格：%(t)s") % {"t": option_text(facts.raw("title_level"))},
            kind,
        )
    order = list(Level.values)
    wanted = order.index(rule["title_level"])
    have = order.index(level)
    name = _level_name(level, grade)
    if have < wanted:
        return RuleResult(text, UNMET, _("现资格为%(t)s，低于要求") % {"t": name}, kind)
    if have == wanted and rule.get("grade"):
        if grade not in GRADE_ORDER:
            return RuleResult(text, UNKNOWN, _("现资格等次无法识别"), kind)
        if GRADE_ORDER.index(grade) < GRADE_ORDER.index(rule["grade"]):
            return RuleResult(text, UNMET, _("现资格为%(t)s，低于要求") % {"t": name}, kind)
    obtained = facts.date("title_date")
    if obtained is None:
        return RuleResult(text, UNKNOWN, _("未填写取得现资格时间"), kind)
    years = _whole_years(obtained, facts.today)
    status = MET if years >= rule["value"] else UNMET
    detail = _("现资格为%(t)s，%(d)s取得，已满%(y)s年") % {
        "t": name,
        "d": obtained.isoformat(),
        "y": max(years, 0),
    }
    return RuleResult(text, status, detail, kind)


def _continuing_education_hours(rule: dict[str, Any], facts: _Facts) -> RuleResult:
    kind = "continuing_education_hours"
    hours = facts.get("continuing_education_hours")
    per_year = rule.get("per_year") is True
    cycle = rule.get("max_years") if per_year else None
    served: int | None = 1  # whole years in the current title, at least one
    if per_year:
        obtained = facts.date("title_date")
        if obtained is not None:
            served = max(_whole_years(obtained, facts.today), 1)
        elif _current_title(facts)[0] != UNMET:  # a title without its date: how many years?
            served = None
    # Hours are owed per year in the title, but for one cycle at most (每五年一周期 360 学时).
    years = min(served, cycle) if served is not None and cycle else served
    if years is None:
        text = _rule_text(rule)
    else:
        text = _("继续教育不少于%(hours)s学时") % {"hours": _number(rule["value"] * years)}
    if not _is_number(hours):
        return RuleResult(text, UNKNOWN, _("未填写继续教育学时"), kind)
    if years is None:
        detail = _("累计%(h)s学时；未填写取得现资格时间，无法计算所需学时") % {"h": _number(hours)}
        return RuleResult(text, UNKNOWN, detail, kind)
    status = MET if hours >= rule["value"] * years else UNMET
    if per_year and served != years:
        detail = _("累计%(h)s学时；任现职%(y)s年，按%(cycle)s年一周期计，每年不少于%(v)s学时") % {
            "h": _number(hours),
            "y": served,
            "cycle": cycle,
            "v": _number(rule["value"]),
        }
    elif per_year:
        detail = _("累计%(h)s学时；任现职%(y)s年，每年不少于%(v)s学时") % {
            "h": _number(hours),
            "y": years,
            "v": _number(rule["value"]),
        }
    else:
        detail = _("累计%(h)s学时") % {"h": _number(hours)}
    return RuleResult(text, status, detail, kind)


def _rural_service_years(rule: dict[str, Any], facts: _Facts) -> RuleResult:
    kind = "rural_service_years"
    label = re.sub(r"\s*[(（]年[)）]\s*$", "", facts.field_title("rural_service_years"))
    text = (
        _("%(what)s不少于%(years)s年") % {"what": label, "years": _number(rule["value"])}
        if label
        else _rule_text(rule)
    )
    years = facts.get("rural_service_years")
    if not _is_number(years):
        return RuleResult(text, UNKNOWN, _("未填写服务年限"), kind)
    status = MET if years >= rule["value"] else UNMET
    detail = _("%(what)s：%(y)s年") % {"what": label or _("服务年限"), "y": _number(years)}
    return RuleResult(text, status, detail, kind)


def _any_of(rule: dict[str, Any], facts: _Facts) -> RuleResult:
    options = [[_evaluate(sub, facts) for sub in option] for option in rule["options"]]
    statuses = [_all_of([result.status for result in option]) for option in options]
    wording = [_("，").join(result.text for result in option) for option in options]
    text = _("满足下列条件之一：%(options)s") % {"options": _("；或").join(wording)}
    if MET in statuses:
        status = MET
        detail = _("符合：%(option)s") % {"option": wording[statuses.index(MET)]}
    elif statuses and all(status == UNMET for status in statuses):
        status, detail = UNMET, _("各项均不符合")
    else:
        status, detail = UNKNOWN, _("资料不全，无法判断")
    return RuleResult(text, status, detail, "any_of", options)


_HANDLERS = {
    "min_education": _min_education,
    "years_since_title": _years_since_title,
    "years_since_graduation": _years_since_graduation,
    "continuing_education_hours": _continuing_education_hours,
    "rural_service_years": _rural_service_years,
    "any_of": _any_of,
}
