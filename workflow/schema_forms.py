"""Section forms as HTML: render a section's JSON Schema with its data and errors, parse it back.

One renderer for every section of every form version (API.md "Section forms"), so no form needs
code of its own:

- `render_section` turns the section's schema, its saved data and its field errors (as
  `core.catalog.forms.form_validate_section` keys them: ``"records.0.school"``, ``"__all__"``)
  into the fields of an HTML form. Input names are the dotted paths behind a prefix
  (``f.teacher_type``, ``f.records.0.school``); a row of a table is deleted with
  ``f.records.0.__delete``.
- `parse_section` is its inverse: it reads the posted names the schema declares (and nothing
  else) back into JSON data.

A property marked ``readOnly`` (JSON Schema's own keyword: the server fills it, such as the
name and ID number taken from the applicant's account) is shown as its value, never as an
input, and is never read from a post.

Nothing typed is ever lost: text that does not fit its type ("abc" in an integer field) is kept as
the string that was typed, so the validator reports it and the applicant sees it again; inputs
left empty are omitted from the data, so `required` reports them. Wrap the fields in
``<form method="post" novalidate>`` so a half-filled draft can always be saved and the server's
Chinese messages, not the browser's, explain what is missing.
"""

from __future__ import annotations

import datetime
import json
import math
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from jsonschema import Draft202012Validator

from tenants.translated import option_label, schema_text

WHOLE_SECTION_KEYS = ("", "__all__")
DELETE = "__delete"
TEXTAREA_OVER = 200  # strings that may be longer than this get a <textarea>

_INTEGER = re.compile(r"[+-]?[0-9]+")
_DECIMAL = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")
_INDEX = re.compile(r"0|[1-9][0-9]{0,5}")
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_MAX_SAFE_INTEGER = 2**53


# --- schema helpers --------------------------------------------------------------------------


def _kind(schema: Mapping[str, Any]) -> str:
    """The schema's (first non-null) type; guessed from `enum`/`const`/`properties` when absent."""
    kind = schema.get("type")
    if isinstance(kind, list):
        kind = next((k for k in kind if k != "null"), "string")
    if isinstance(kind, str):
        return kind
    options = _options(schema)
    if options:
        first = options[0]
        if isinstance(first, bool):
            return "boolean"
        if isinstance(first, int):
            return "integer"
        if isinstance(first, float):
            return "number"
        return "string"
    if "properties" in schema:
        return "object"
    if "items" in schema:
        return "array"
    return "string"


def _options(schema: Mapping[str, Any]) -> list[Any] | None:
    if isinstance(schema.get("enum"), list):
        return list(schema["enum"])
    if "const" in schema:
        return [schema["const"]]
    return None


def _items(schema: Mapping[str, Any]) -> dict[str, Any]:
    items = schema.get("items")
    return items if isinstance(items, dict) else {"type": "string"}


def _properties(schema: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    props = schema.get("properties")
    if not isinstance(props, dict):
        return {}
    return {
        name: prop
        for name, prop in props.items()
        if isinstance(name, str) and isinstance(prop, dict) and name != DELETE
    }


def _is_read_only(schema: Mapping[str, Any]) -> bool:
    return schema.get("readOnly") is True


def _is_table(schema: Mapping[str, Any]) -> bool:
    """An array shown as rows (objects, or scalars without a fixed list of choices)."""
    return _kind(schema) == "array" and not _is_choices(schema)


def _is_choices(schema: Mapping[str, Any]) -> bool:
    """An array of scalars with an `enum`: a group of checkboxes."""
    if _kind(schema) != "array":
        return False
    items = _items(schema)
    return _options(items) is not None and _kind(items) not in {"object", "array"}


def _is_long(schema: Mapping[str, Any]) -> bool:
    max_length = schema.get("maxLength")
    return (
        _kind(schema) == "string"
        and _options(schema) is None
        and schema.get("format") not in {"date", "email"}
        and isinstance(max_length, int)
        and max_length > TEXTAREA_OVER
    )


def _required(schema: Mapping[str, Any], value: Any) -> set[str]:
    """The required names of an object, with those a matching `if`/`then` (or `else`) adds."""
    names = {n for n in schema.get("required", []) if isinstance(n, str)}
    parts = [schema, *[s for s in schema.get("allOf", []) if isinstance(s, dict)]]
    for part in parts:
        if part is not schema:
            names |= {n for n in part.get("required", []) if isinstance(n, str)}
        condition = part.get("if")
        if not isinstance(condition, dict | bool):
            continue
        matches = Draft202012Validator(condition).is_valid(value)
        branch = part.get("then" if matches else "else")
        if isinstance(branch, dict):
            names |= {n for n in branch.get("required", []) if isinstance(n, str)}
    return names


# --- values as text --------------------------------------------------------------------------


def _text(value: Any) -> str:
    """A stored value as the text of an input."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        if math.isfinite(value) and value.is_integer() and abs(value) < _MAX_SAFE_INTEGER:
            return str(int(value))
        return repr(value)
    if isinstance(value, int | str):
        return str(value)
    return json.dumps(value, ensure_ascii=False)


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _is_iso_date(value: Any) -> bool:
    if not isinstance(value, str) or not _ISO_DATE.fullmatch(value):
        return False
    try:
        datetime.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _display(schema: Mapping[str, Any], value: Any) -> str:
    """A stored value as a reader sees it (read-only pages)."""
    if isinstance(value, bool):
        return _("是") if value else _("否")
    if isinstance(value, str) and _options(schema) is not None:
        return option_label(schema, value)
    return _text(value)


# --- rendering -------------------------------------------------------------------------------


@dataclass
class _Render:
    prefix: str
    readonly: bool
    extra_rows: int
    errors: dict[str, list[str]]
    shown: set[str] = field(default_factory=set)

    def name(self, path: str) -> str:
        return f"{self.prefix}.{path}" if self.prefix else path

    def id(self, path: str) -> str:
        return "id_" + re.sub(r"\s", "_", self.name(path))

    def has_errors(self, path: str) -> bool:
        return bool(self.errors.get(path))

    def error_list(self, path: str) -> SafeString:
        """The errors of `path`, marked as shown."""
        messages = self.errors.get(path) or []
        self.shown.add(path)
        return format_html_join(
            "", '<span class="field-error" data-field="{}">{}</span>', ((path, m) for m in messages)
        )


def _join(parent: str, name: str | int) -> str:
    return f"{parent}.{name}" if parent else str(name)


def _label_text(schema: Mapping[str, Any], name: str) -> str:
    return schema_text(schema, "title") or name


def _required_mark(required: bool) -> SafeString:
    return format_html(' <span class="{}">*</span>', "required") if required else SafeString("")


def _length_rule(schema: Mapping[str, Any]) -> str:
    """A text's length rule in words, said before it is broken (a minimum of 1 is just
    "required", which the mark already says)."""
    low, high = schema.get("minLength"), schema.get("maxLength")
    if schema.get("type") != "string" or not isinstance(low, int) or low < 2:
        return ""
    if isinstance(high, int):
        return _("%(low)d–%(high)d字") % {"low": low, "high": high}
    return _("至少%(low)d字") % {"low": low}


def _hint(schema: Mapping[str, Any]) -> SafeString:
    description = schema_text(schema, "description")
    parts = [description] if description else []
    if rule := _length_rule(schema):
        parts.append(rule)
    if parts:
        return format_html('<span class="hint">{}</span>', "；".join(parts))
    return SafeString("")


def _error_attrs(ctx: _Render, path: str) -> dict[str, Any]:
    return {"aria-invalid": "true"} if ctx.has_errors(path) else {}


def _widget(
    schema: Mapping[str, Any], value: Any, path: str, ctx: _Render, attrs: dict[str, Any]
) -> SafeString:
    """The input for one scalar value (or a nested object/array, recursively)."""
    kind = _kind(schema)
    if kind == "object":
        return _object_fields(schema, value, path, ctx)
    if kind == "array":
        return (
            _checkboxes(schema, value, path, ctx)
            if _is_choices(schema)
            else _table(schema, value, path, ctx)
        )
    if ctx.readonly:
        return _readonly_value(schema, value)

    name = ctx.name(path)
    attrs = {"name": name, **_error_attrs(ctx, path), **attrs}
    rows = attrs.pop("rows", 5)
    options = _options(schema)
    if kind == "boolean" and options is None:
        options_html = [("", _("请选择")), ("true", _("是")), ("false", _("否"))]
        return _select(options_html, _text(value), attrs)
    if options is not None:
        choices = [("", _("请选择"))] + [(_text(o), _display(schema, o)) for o in options]
        return _select(choices, _text(value), attrs)

    text = _text(value)
    if kind == "string" and _is_long(schema):
        attrs.update(maxlength=schema.get("maxLength"), rows=rows)
        return format_html("<textarea{}>\n{}</textarea>", flatatt(attrs), text)

    kind_attrs: dict[str, Any] = {"type": "text"}
    if kind in {"integer", "number"}:
        if value is None or _is_number(value):
            kind_attrs = {
                "type": "number",
                "step": "1" if kind == "integer" else "any",
                "min": _text(schema.get("minimum")) or None,
                "max": _text(schema.get("maximum")) or None,
            }
        else:  # what was typed is not a number: a number input would hide it
            kind_attrs = {"type": "text", "inputmode": "decimal"}
    elif schema.get("format") == "date":
        if value is None or _is_iso_date(value):
            kind_attrs = {"type": "date"}
        else:  # a date input would hide text that is not a date
            kind_attrs = {"type": "text", "placeholder": "YYYY-MM-DD"}
    elif schema.get("format") == "email":
        kind_attrs = {"type": "email"}
    if kind == "string" and isinstance(schema.get("maxLength"), int):
        kind_attrs["maxlength"] = schema["maxLength"]
    attrs = {**kind_attrs, **attrs, "value": text}
    return format_html("<input{}>", flatatt({k: v for k, v in attrs.items() if v is not None}))


def _select(choices: list[tuple[str, str]], current: str, attrs: dict[str, Any]) -> SafeString:
    if current and current not in {value for value, _label in choices}:
        choices = [*choices, (current, current)]  # a value no longer offered stays visible
    options = format_html_join(
        "",
        "<option{}>{}</option>",
        (
            (flatatt({"value": value, "selected": value == current}), label)
            for value, label in choices
        ),
    )
    return format_html("<select{}>{}</select>", flatatt(attrs), options)


def _readonly_value(schema: Mapping[str, Any], value: Any) -> SafeString:
    if value is None or value == "":
        return format_html('<span class="empty">{}</span>', _("未填写"))
    css = "sf-value sf-long" if _is_long(schema) else "sf-value"
    return format_html('<span class="{}">{}</span>', css, _display(schema, value))


def _field(
    name: str, schema: Mapping[str, Any], value: Any, path: str, ctx: _Render, *, required: bool
) -> SafeString:
    """One property of an object: its label, input, hint and errors."""
    if _is_read_only(schema) and not ctx.readonly:
        ctx = replace(ctx, readonly=True)  # shown, not typed (shares `shown` with the page)
    kind = _kind(schema)
    label = format_html(
        "{}{}", _label_text(schema, name), _required_mark(required and not ctx.readonly)
    )
    css = ["field", "sf-field"]
    if ctx.has_errors(path):
        css.append("has-error")
    grouped = kind in {"object", "array"}
    if grouped or _is_long(schema):
        css.append("sf-wide")
    if grouped:
        body = _widget(schema, value, path, ctx, {})
        return format_html(
            '<fieldset class="{}" data-field="{}"><legend>{}</legend>{}{}{}</fieldset>',
            " ".join(css),
            path,
            label,
            _hint(schema),
            ctx.error_list(path),
            body,
        )
    if ctx.readonly:
        return format_html(
            '<div class="{}" data-field="{}"><span class="sf-label">{}</span>{}{}{}</div>',
            " ".join(css),
            path,
            label,
            _widget(schema, value, path, ctx, {}),
            _hint(schema),
            ctx.error_list(path),
        )
    return format_html(
        '<div class="{}" data-field="{}"><label for="{}">{}</label>{}{}{}</div>',
        " ".join(css),
        path,
        ctx.id(path),
        label,
        _widget(schema, value, path, ctx, {"id": ctx.id(path)}),
        _hint(schema),
        ctx.error_list(path),
    )


def _object_fields(schema: Mapping[str, Any], value: Any, path: str, ctx: _Render) -> SafeString:
    data = value if isinstance(value, dict) else {}
    required = _required(schema, data)
    fields = [
        _field(name, prop, data.get(name), _join(path, name), ctx, required=name in required)
        for name, prop in _properties(schema).items()
    ]
    return format_html('<div class="sf-fields">{}</div>', _concat(fields))


def _concat(parts: Iterable[SafeString]) -> SafeString:
    return format_html_join("", "{}", ((part,) for part in parts))


def _checkboxes(schema: Mapping[str, Any], value: Any, path: str, ctx: _Render) -> SafeString:
    items = _items(schema)
    chosen = [v for v in value if v is not None] if isinstance(value, list) else []
    if ctx.readonly:
        if not chosen:
            return _readonly_value(items, None)
        return format_html(
            '<span class="sf-value">{}</span>', "、".join(_display(items, v) for v in chosen)
        )
    texts = [_text(v) for v in chosen]
    options = [(_text(o), _display(items, o)) for o in _options(items) or []]
    offered = {text for text, _label in options}
    options += [(t, t) for t in dict.fromkeys(texts) if t not in offered]  # kept, not lost
    boxes = format_html_join(
        "",
        "<label><input{}> {}</label>",
        (
            (
                flatatt(
                    {
                        "type": "checkbox",
                        "name": ctx.name(path),
                        "value": text,
                        "checked": text in texts,
                        **_error_attrs(ctx, path),
                    }
                ),
                label,
            )
            for text, label in options
        ),
    )
    return format_html('<div class="sf-choices">{}</div>', boxes)


def _table(schema: Mapping[str, Any], value: Any, path: str, ctx: _Render) -> SafeString:
    """An array as a table: one row per item, `extra_rows` blank rows, a 删除 box per row."""
    items = _items(schema)
    rows = list(value) if isinstance(value, list) else []
    is_object = _kind(items) == "object"
    columns = list(_properties(items).items()) if is_object else [("", items)]
    column_required = _required(items, {}) if is_object else set()
    array_title = _label_text(schema, path.rsplit(".", 1)[-1])

    head = [format_html('<th scope="col" class="sf-index">{}</th>', "#")]
    for name, prop in columns:
        title = _label_text(prop, name) if name else _label_text(items, array_title)
        head.append(
            format_html(
                '<th scope="col">{}{}{}</th>',
                title,
                _required_mark(name in column_required and not ctx.readonly),
                _hint(prop) if name else SafeString(""),
            )
        )
    if not ctx.readonly:
        head.append(format_html('<th scope="col" class="sf-delete">{}</th>', _("删除")))

    count = len(rows) + (0 if ctx.readonly else max(ctx.extra_rows, 0))
    body = []
    for index in range(count):
        is_new = index >= len(rows)
        item = None if is_new else rows[index]
        row_path = _join(path, index)
        number = _("新增") if is_new else str(index + 1)
        cells = [
            format_html(
                '<td class="sf-index">{}{}</td>',
                number,
                ctx.error_list(row_path) if not is_new else SafeString(""),
            )
        ]
        row_data = item if isinstance(item, dict) else {}
        for name, prop in columns:
            cell_path = _join(row_path, name) if name else row_path
            cell_value = (row_data.get(name) if name else item) if not is_new else None
            label = _("%(table)s 第%(row)s行 %(column)s") % {
                "table": array_title,
                "row": index + 1,
                "column": _label_text(prop, name) if name else "",
            }
            attrs = {"id": ctx.id(cell_path), "aria-label": label.strip(), "rows": 2}
            errors = ctx.error_list(cell_path) if name else SafeString("")
            cells.append(
                format_html(
                    "<td{}>{}{}</td>",
                    flatatt(
                        {
                            "class": "has-error" if name and ctx.has_errors(cell_path) else None,
                            "data-field": cell_path,
                        }
                    ),
                    _widget(prop, cell_value, cell_path, ctx, attrs),
                    errors,
                )
            )
        if not ctx.readonly:
            cells.append(
                format_html(
                    '<td class="sf-delete"><label><input{}> {}</label></td>',
                    flatatt(
                        {
                            "type": "checkbox",
                            "name": ctx.name(_join(row_path, DELETE)),
                            "value": "1",
                        }
                    ),
                    _("删除"),
                )
            )
        css = "sf-row sf-new" if is_new else "sf-row"
        if not is_new and ctx.has_errors(row_path):
            css += " has-error"
        body.append(format_html('<tr class="{}" data-row="{}">{}</tr>', css, index, _concat(cells)))
    if not body:
        colspan = len(head)
        body.append(
            format_html(
                '<tr class="sf-empty"><td colspan="{}" class="empty">{}</td></tr>',
                colspan,
                _("未填写"),
            )
        )
    return format_html(
        '<div class="sf-table-wrap"><table class="table sf-table">'
        "<thead><tr>{}</tr></thead><tbody>{}</tbody></table></div>",
        _concat(head),
        _concat(body),
    )


def render_section(
    schema: dict,
    data: dict,
    errors: dict[str, list[str]],
    *,
    prefix: str = "f",
    readonly: bool = False,
    extra_rows: int = 1,
) -> SafeString:
    """The HTML fields of one section: labels, inputs (or values when `readonly`) and errors.

    Input names are ``{prefix}.{dotted path}``. Errors keyed ``""``/``"__all__"``, and errors
    whose field is not on the page, are listed at the top so none is ever hidden. The caller
    supplies the ``<form>`` (with ``novalidate``) and the CSRF token. Every text is escaped.
    """
    ctx = _Render(
        prefix=prefix,
        readonly=readonly,
        extra_rows=extra_rows,
        errors={
            str(key): [str(m) for m in messages]
            for key, messages in (errors or {}).items()
            if messages
        },
    )
    body = _object_fields(schema, data if isinstance(data, dict) else {}, "", ctx)
    top = [
        (key, message)
        for key, messages in ctx.errors.items()
        if key in WHOLE_SECTION_KEYS or key not in ctx.shown
        for message in messages
    ]
    top_html = SafeString("")
    if top:
        top_html = format_html(
            '<div class="errors sf-errors" role="alert">{}</div>',
            format_html_join("", '<p><span class="field-error" data-field="{}">{}</span></p>', top),
        )
    description = schema_text(schema, "description")
    intro = SafeString("")
    if description:
        intro = format_html('<p class="hint sf-description">{}</p>', description)
    css = "sf-section sf-readonly" if readonly else "sf-section"
    return format_html('<div class="{}">{}{}{}</div>', css, intro, top_html, body)


# --- parsing ---------------------------------------------------------------------------------


class _Posted:
    """Uniform access to a QueryDict or a plain dict of str / list[str]."""

    def __init__(self, post: Mapping[str, Any]):
        self.post = post

    def getlist(self, name: str) -> list[str]:
        if hasattr(self.post, "getlist"):
            values = self.post.getlist(name)
        else:
            values = self.post.get(name, [])
            values = values if isinstance(values, list | tuple) else [values]
        return [v if isinstance(v, str) else _text(v) for v in values if v is not None]

    def get(self, name: str) -> str | None:
        values = self.getlist(name)
        return values[-1] if values else None

    def names(self) -> Iterable[str]:
        return (key for key in self.post if isinstance(key, str))


_MISSING = object()


def _clean_string(raw: str, *, long: bool) -> str:
    raw = raw.replace("\x00", "")  # PostgreSQL's jsonb cannot store NUL
    if long:
        raw = raw.replace("\r\n", "\n").replace("\r", "\n")
        return raw if raw.strip() else ""
    return raw.strip()


def _coerce(schema: Mapping[str, Any], raw: str) -> Any:
    """A posted text as the schema's type; the text itself when it does not fit."""
    options = _options(schema)
    if options is not None:
        for option in options:
            if _text(option) == raw:
                return option
    kind = _kind(schema)
    if kind == "boolean":
        return {"true": True, "false": False}.get(raw, raw)
    if kind in {"integer", "number"}:
        number = _number(unicodedata.normalize("NFKC", raw).strip(), integer=kind == "integer")
        return raw if number is None else number
    return raw


def _number(text: str, *, integer: bool) -> int | float | None:
    try:
        if _INTEGER.fullmatch(text):
            return int(text)
        if not _DECIMAL.fullmatch(text):
            return None
        value = float(text)
    except ValueError:  # e.g. more digits than Python converts
        return None
    if not math.isfinite(value):
        return None
    if integer:
        if value.is_integer() and abs(value) < _MAX_SAFE_INTEGER:
            return int(value)  # "3.0" is the integer 3
        return None
    return value


def _parse(schema: Mapping[str, Any], path: str, posted: _Posted, prefix: str) -> Any:
    """The value at `path`, or `_MISSING` when nothing was entered."""
    name = f"{prefix}.{path}" if prefix else path
    kind = _kind(schema)
    if kind == "object":
        result = {}
        for prop_name, prop in _properties(schema).items():
            if _is_read_only(prop):
                continue  # the server fills it; whatever was posted is not the applicant's
            value = _parse(prop, _join(path, prop_name), posted, prefix)
            if value is not _MISSING:
                result[prop_name] = value
        return result if result else _MISSING
    if kind == "array":
        if _is_choices(schema):
            items = _items(schema)
            values = [_clean_string(v, long=False) for v in posted.getlist(name)]
            chosen = [_coerce(items, v) for v in dict.fromkeys(v for v in values if v)]
            return chosen if chosen else _MISSING
        return _parse_rows(schema, name, path, posted, prefix)
    raw = posted.get(name)
    if raw is None:
        return _MISSING
    raw = _clean_string(raw, long=_is_long(schema))
    return _coerce(schema, raw) if raw else _MISSING


def _parse_rows(
    schema: Mapping[str, Any], name: str, path: str, posted: _Posted, prefix: str
) -> Any:
    """The rows of a table by index, in order; deleted and blank rows dropped."""
    start = name + "."
    indexes = set()
    for key in posted.names():
        if key.startswith(start):
            index = key[len(start) :].split(".", 1)[0]
            if _INDEX.fullmatch(index):
                indexes.add(int(index))
    items = _items(schema)
    rows = []
    for index in sorted(indexes):
        row_path = _join(path, index)
        deleted = posted.get(f"{name}.{index}.{DELETE}")
        if deleted not in {None, "", "0", "false"}:
            continue
        value = _parse(items, row_path, posted, prefix)
        if value is not _MISSING:
            rows.append(value)
    return rows if rows else _MISSING


def parse_section(schema: dict, post: Mapping[str, Any], *, prefix: str = "f") -> dict:
    """The section's data from a posted form: the inverse of `render_section`.

    Only names the schema declares are read; values are coerced by type (integer/number when
    they parse, booleans from "true"/"false"), and kept as the typed string when they do not;
    empty inputs are omitted; table rows are rebuilt in order without deleted or blank rows.
    """
    value = _parse(schema, "", _Posted(post), prefix)
    return value if isinstance(value, dict) else {}


__all__ = ["parse_section", "render_section"]
