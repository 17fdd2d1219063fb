"""The order of a form's fields, kept through PostgreSQL's jsonb.

A leaf module (it imports no model), so that `SectionForm.sections` and the section-form rules
of core.catalog.forms both read it without importing each other.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from core.models import SectionForm

# PostgreSQL's jsonb keeps objects with their keys sorted by length, not as written, so the
# order of a schema's `properties` (the order fields are shown in) is recorded in "x-order" when
# a form is stored, and put back when it is read. Unknown keywords are ignored by validators.
ORDER_KEY = "x-order"
_SUBSCHEMA = (
    "items",
    "if",
    "then",
    "else",
    "not",
    "contains",
    "additionalProperties",
    "propertyNames",
    "unevaluatedItems",
    "unevaluatedProperties",
)
_SUBSCHEMA_LISTS = ("allOf", "anyOf", "oneOf", "prefixItems")
_SUBSCHEMA_MAPS = ("properties", "patternProperties", "dependentSchemas", "$defs", "definitions")
_SECTION_KEYS = ("key", "title", "filled_by", "schema")
_SCHEMA_KEYS = ("$schema", "type", "title", "description", "properties", "required")


def _map_schema(schema: Any, node: Any) -> Any:
    """Apply `node` to every (sub)schema of `schema`, innermost first; returns a new schema."""
    if not isinstance(schema, dict):
        return schema
    out = dict(schema)
    for name in _SUBSCHEMA:
        if isinstance(out.get(name), dict):
            out[name] = _map_schema(out[name], node)
    for name in _SUBSCHEMA_LISTS:
        if isinstance(out.get(name), list):
            out[name] = [_map_schema(sub, node) for sub in out[name]]
    for name in _SUBSCHEMA_MAPS:
        if isinstance(out.get(name), dict):
            out[name] = {key: _map_schema(sub, node) for key, sub in out[name].items()}
    return node(out)


def _record(schema: dict[str, Any]) -> dict[str, Any]:
    if isinstance(schema.get("properties"), dict):
        schema[ORDER_KEY] = list(schema["properties"])
    return schema


def _restore(schema: dict[str, Any]) -> dict[str, Any]:
    order = schema.pop(ORDER_KEY, None)
    properties = schema.get("properties")
    if isinstance(properties, dict) and isinstance(order, list):
        names = [name for name in order if name in properties]
        names += [name for name in properties if name not in names]
        schema["properties"] = {name: properties[name] for name in names}
    return _in_order(schema, _SCHEMA_KEYS)


def _in_order(mapping: dict[str, Any], first: tuple[str, ...]) -> dict[str, Any]:
    names = [name for name in first if name in mapping]
    names += sorted(name for name in mapping if name not in first)
    return {name: mapping[name] for name in names}


def definition_for_storage(definition: dict[str, Any]) -> dict[str, Any]:
    """A form definition as stored: every schema records the order of its properties (an
    order already recorded, as in a definition read back from the database, is kept)."""
    stored = dict(definition)
    if isinstance(stored.get("sections"), list):
        stored["sections"] = [
            {
                **section,
                "schema": _map_schema(_map_schema(section.get("schema"), _restore), _record),
            }
            if isinstance(section, dict)
            else section
            for section in stored["sections"]
        ]
    return stored


def definition_as_written(definition: dict[str, Any]) -> dict[str, Any]:
    """A stored definition back as written: properties in their order, no order records."""
    written = _in_order(dict(definition), ("$comment", "rule_fields", "sections"))
    if isinstance(written.get("sections"), list):
        written["sections"] = [
            _in_order(
                {**section, "schema": _map_schema(section.get("schema"), _restore)}, _SECTION_KEYS
            )
            if isinstance(section, dict)
            else section
            for section in written["sections"]
        ]
    return written


def form_sections(form: SectionForm) -> list[dict[str, Any]]:
    """The sections of `form` as written: ``{key, title, filled_by, schema}``, fields in order.

    `SectionForm.sections` returns this too; the stored definition keeps `x-order` lists.
    Computed once per form object; treat the result as read-only.
    """
    definition = getattr(form, "definition", None)
    if not isinstance(definition, dict):  # anything with `.sections` will do (e.g. in tests)
        definition = {"sections": list(getattr(form, "sections", None) or [])}
        return definition_as_written(definition)["sections"]
    cached = form.__dict__.get("_sections_as_written")
    if cached is not None and cached[0] is definition:
        return cached[1]
    sections = definition_as_written(definition).get("sections", [])
    form.__dict__["_sections_as_written"] = (definition, sections)
    return sections
