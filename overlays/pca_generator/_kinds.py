"""Which kind of property the generator made: the one place that knows its property templates."""

from __future__ import annotations

from typing import Any

from ._errors import GenerationError

# Which kind of property the generator made, told from what it documents for templates: the
# property template it renders with and, for the plain ones sharing the default template, the
# Python type. A generator upgrade that adds a kind fails generation here, loudly.
_KIND_BY_TEMPLATE = {
    "boolean_property.py.jinja": "boolean",
    "const_property.py.jinja": "const",
    "date_property.py.jinja": "date",
    "datetime_property.py.jinja": "datetime",
    "enum_property.py.jinja": "enum",
    "file_property.py.jinja": "file",
    "float_property.py.jinja": "number",
    "int_property.py.jinja": "integer",
    "list_property.py.jinja": "list",
    "literal_enum_property.py.jinja": "literal_enum",
    "model_property.py.jinja": "model",
    "union_property.py.jinja": "union",
    "uuid_property.py.jinja": "uuid",
}
_KIND_BY_TYPE = {"str": "string", "Any": "any", "None": "none"}


def schema_kind(prop: Any) -> str:
    """The ``schema_kind`` filter: the kind of a generator property, or a loud failure."""
    kind = _KIND_BY_TEMPLATE.get(prop.template)
    if kind is None and prop.template == "any_property.py.jinja":
        kind = _KIND_BY_TYPE.get(prop.get_base_type_string().as_unembedded_code())
    if kind is None:
        raise GenerationError(
            f"property {prop.name!s} is of a kind the templates do not know "
            f"(template {prop.template}, type {prop.get_base_type_string().as_unembedded_code()})"
        )
    return kind
