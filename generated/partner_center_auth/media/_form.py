"""``application/x-www-form-urlencoded``: one field per property, by OpenAPI's ``encoding`` object.

Forms carry only text, so each value is read back through its schema (``expires_in=3600`` is an
integer where the schema says so; a binary property is base64 text, see ``Binary``). How a property is
written is its ``encoding`` in the spec (:class:`~.._schema.FieldEncoding`), else OpenAPI's
default for its schema, and it is read back the same way:

* an array: one field per item (``style: form``, ``explode: true``); with ``explode: false``, one
  field of the items joined by ``,`` (``spaceDelimited``: a space, ``pipeDelimited``: ``|``), the
  delimiter as it is and each item percent-encoded (RFC 6570), so an item may hold a ``,`` or a
  ``|``; an item holding a space is refused in a ``spaceDelimited`` field (its delimiter is one);
* an object (a model, or a union with one), and each object of an array: one field of JSON text,
  the default ``contentType`` of an object; ``style: deepObject``: one field per property,
  ``name[property]=value``; a ``style`` of ``form`` given in the spec: one field per property,
  ``property=value``, among the form's own (``explode: false``: one field, ``name=k1,v1,k2,v2``;
  ``spaceDelimited``, ``pipeDelimited``: joined by their delimiter);
* a ``contentType`` of JSON (``application/json``, ``+json``): the whole value as one JSON text,
  unless a ``style`` is given (OpenAPI: a style given wins over the content type).

A body that is a union of objects is written by the option its value is, and read as the first
option (the one its discriminator names) whose fields read into a value it accepts.

A body that is not an object, or an untyped value that is an object (whose text could not be read
back as one), is refused when written, as is a delimited field of one empty item (read back, it is
no item). A delimited field read without its delimiter as it is, but with it percent-encoded (as a
sender that encodes every field whole writes it), is split after decoding.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, NamedTuple
from urllib.parse import quote_plus, unquote_plus

from .._errors import DeserializationError, SerializationError
from .._schema import (
    AnyValue,
    ArrayOf,
    Document,
    FieldEncoding,
    ModelSchema,
    OneOf,
    Schema,
    SchemaViolation,
    model_of,
)
from ._fields import field_schema, field_text, field_value, json_text, json_value, object_schema
from ._text import decode_text

__all__ = ["FormCodec"]

MEDIA_TYPE = "application/x-www-form-urlencoded"
_DELIMITERS = {"form": ",", "spaceDelimited": " ", "pipeDelimited": "|"}
_ON_THE_WIRE = {" ": ("%20", "+")}
"""How a delimiter appears in the encoded field (a space is encoded; ``,`` and ``|`` are not)."""
_DEEP = re.compile(r"(?P<name>[^\[\]]+)\[(?P<key>[^\[\]]*)\]")
"""A field of a ``deepObject`` property: ``name[key]``."""


class _Joined(NamedTuple):
    """The items of an unexploded array: encoded one by one, then joined by the delimiter."""

    parts: tuple[str, ...]
    delimiter: str


Field = tuple[str, str | _Joined]


class FormCodec:
    def encode(self, data: object, document: Document, *, charset: str | None) -> bytes:
        try:
            if not isinstance(data, dict):
                raise SchemaViolation("$", "a form carries an object")
            document.schema.check(data, "$")  # the whole value: an array's size and uniqueness too
            schema = object_schema(document, data, "a form")
            fields: list[Field] = []
            for name, item in data.items():
                property_schema = field_schema(schema, name) or AnyValue()
                way = _Way.of(document.encoding_of(name))
                if (model := way.spreads(property_schema)) is not None and isinstance(item, dict):
                    _check_spread(item, model, schema, f"$.{name}")
                fields.extend(way.written(name, property_schema, item))
            return _urlencoded(fields, charset or "utf-8").encode("ascii")
        except SchemaViolation as violation:
            raise SerializationError(
                f"cannot write {document.name} as a form: {violation}", media_type=MEDIA_TYPE
            ) from None
        except UnicodeError as error:
            raise SerializationError(
                f"cannot write {document.name} as a form: {error}", media_type=MEDIA_TYPE
            ) from None

    def decode(self, content: bytes, document: Document, *, charset: str | None) -> object:
        # Raised after the except block, from a frame that holds no decoded value (see _json).
        try:
            return document.schema.check(_read(content, document, charset), "$")
        except SchemaViolation as violation:
            problem = f"form does not match {document.name}: {violation}"
        except UnicodeError as error:
            problem = f"not a valid form: {type(error).__name__}"
        except ValueError:  # a field without "=" (its text may hold a secret)
            problem = "not a valid form: malformed field"
        except RecursionError:  # a JSON field nested deeper than Python reads
            problem = "not a valid form: a field's JSON text is nested too deeply"
        raise DeserializationError(problem, media_type=MEDIA_TYPE, content=content)


class _Way:
    """How one property travels in a form: its encoding, with OpenAPI's defaults filled in."""

    __slots__ = ("as_json", "delimiter", "explode", "given", "style")

    def __init__(self, style: str, explode: bool, as_json: bool, *, given: bool = False) -> None:
        self.style, self.explode, self.as_json, self.given = style, explode, as_json, given
        self.delimiter = _DELIMITERS.get(style, ",")

    @classmethod
    def of(cls, encoding: FieldEncoding | None) -> _Way:
        if encoding is None:
            return _DEFAULT
        style = encoding.style or "form"
        explode = encoding.explode if encoding.explode is not None else style == "form"
        media = (encoding.content_type or "").partition(";")[0].strip().lower()
        as_json = encoding.style is None and media.endswith(("/json", "+json"))
        return cls(style, explode, as_json, given=encoding.style is not None)

    def spreads(self, schema: Schema) -> ModelSchema | None:
        """The object schema whose properties travel as the form's own fields (``style: form``
        given, exploded), else None."""
        return model_of(schema) if self.given and self.style == "form" and self.explode else None

    def written(self, name: str, schema: Schema, value: object) -> Iterator[Field]:
        path = f"$.{name}"
        if self.as_json:
            yield name, json_text(schema, value, path)
        elif self.style == "deepObject" and isinstance(value, dict):
            model = model_of(schema)
            schema.check(value, path)
            for key, item in value.items():
                yield f"{name}[{key}]", field_text(field_schema(model, key) or AnyValue(), item, f"{path}.{key}")
        elif self.given and isinstance(value, dict) and (model := model_of(schema)) is not None:
            schema.check(value, path)
            pairs = [
                (key, field_text(field_schema(model, key) or AnyValue(), item, f"{path}.{key}"))
                for key, item in value.items()
            ]
            if self.explode and self.style == "form":
                yield from pairs
            else:
                yield name, self._joined(tuple(part for pair in pairs for part in pair), path)
        elif isinstance(value, list) and isinstance(schema, ArrayOf | AnyValue):
            items = schema.items if isinstance(schema, ArrayOf) else schema
            parts = [field_text(items, part, f"{path}[{i}]") for i, part in enumerate(value)]
            if self.explode:
                yield from ((name, part) for part in parts)
                return
            yield name, self._joined(tuple(parts), path)
        else:
            yield name, field_text(schema, value, path)

    def _joined(self, texts: tuple[str, ...], path: str) -> _Joined:
        if texts == ("",) or (self.delimiter == " " and any(" " in text for text in texts)):
            raise SchemaViolation(path, "an item that could not be read back from one delimited field")
        return _Joined(texts, self.delimiter)

    def read(self, schema: Schema, fields: list[str], where: str, charset: str, *, repeatable: bool) -> object:
        """The value of the fields of one property (as they came, percent-encoded), by its schema."""
        if self.given and len(fields) == 1 and (model := model_of(schema)) is not None:
            texts = self._split(fields[0], charset)
            if len(texts) % 2:
                raise SchemaViolation(where, "expected names and values in pairs")
            pairs = zip(texts[::2], texts[1::2], strict=True)
            return {key: field_value(field_schema(model, key) or AnyValue(), text, f"{where}.*") for key, text in pairs}
        if isinstance(schema, ArrayOf) and not self.explode and len(fields) == 1 and not self.as_json:
            texts = self._split(fields[0], charset)
            return [field_value(schema.items, part, f"{where}[{i}]") for i, part in enumerate(texts)]
        texts = [_unquoted(field, charset) for field in fields]
        if self.as_json:
            if len(texts) > 1:
                raise SchemaViolation(where, "appears more than once")
            return json_value(texts[0], where)
        if isinstance(schema, ArrayOf):
            return [field_value(schema.items, part, f"{where}[{i}]") for i, part in enumerate(texts)]
        if len(texts) == 1:
            return field_value(schema, texts[0], where)
        if repeatable:  # a repeated unknown field is a list, as in the writer
            return [field_value(schema, part, f"{where}[{i}]") for i, part in enumerate(texts)]
        raise SchemaViolation(where, "appears more than once")

    def _split(self, field: str, charset: str) -> list[str]:
        if not field:
            return []
        for delimiter in _ON_THE_WIRE.get(self.delimiter, (self.delimiter,)):
            if delimiter in field:  # as RFC 6570 writes it: split, then decode each item
                return [_unquoted(part, charset) for part in field.split(delimiter)]
        return _unquoted(field, charset).split(self.delimiter)


_DEFAULT = _Way("form", True, False)


def _urlencoded(fields: list[Field], charset: str) -> str:
    return "&".join(f"{_quoted(name, charset)}={_quoted(value, charset)}" for name, value in fields)


def _quoted(value: str | _Joined, charset: str) -> str:
    if isinstance(value, _Joined):
        delimiter = _ON_THE_WIRE.get(value.delimiter, (value.delimiter,))[0]
        return delimiter.join(quote_plus(part, safe="", encoding=charset, errors="strict") for part in value.parts)
    return quote_plus(value, safe="", encoding=charset, errors="strict")


def _unquoted(field: str, charset: str) -> str:
    return unquote_plus(field, encoding=charset, errors="strict")


def _fields(text: str, charset: str) -> Iterator[tuple[str, str]]:
    """Each field's decoded name and its value as it came; a field without ``=`` is malformed."""
    for chunk in text.split("&") if text else ():
        name, equals, value = chunk.partition("=")
        if not equals:
            raise ValueError("a field without =")
        yield _unquoted(name, charset), value


def _read(content: bytes, document: Document, charset: str | None) -> dict[str, Any]:
    text = decode_text(content, "ascii")  # percent-encoding keeps a form ASCII
    charset = charset or "utf-8"
    pairs = list(_fields(text, charset))
    if not isinstance(document.schema, OneOf):
        return _read_as(object_schema(document, None, "a form"), pairs, document, charset)
    # A union of objects: each option the fields may be, in order (the one a discriminator names
    # alone), read by its own schema; the first whose reading it accepts.
    named = document.schema.named({name: _unquoted(item, charset) for name, item in pairs})
    violation = SchemaViolation("$", "matches none of the union's options")
    for option in named:
        model = model_of(option)
        if model is None:
            continue
        try:
            data = _read_as(model, pairs, document, charset)
            option.check(data, "$")
            return data
        except SchemaViolation as refused:
            violation = refused
    raise violation


def _read_as(
    schema: ModelSchema | None, pairs: list[tuple[str, str]], document: Document, charset: str
) -> dict[str, Any]:
    spread = _spread(schema, document)
    grouped: dict[str, list[str]] = {}
    deep: dict[str, dict[str, str]] = {}
    for name, item in pairs:
        found = _DEEP.fullmatch(name)
        encoding = document.encoding_of(found["name"]) if found is not None else None
        if found is not None and encoding is not None and encoding.style == "deepObject":
            deep.setdefault(found["name"], {})[found["key"]] = _unquoted(item, charset)
        elif name in spread:
            deep.setdefault(spread[name], {})[name] = _unquoted(item, charset)
        else:
            grouped.setdefault(name, []).append(item)
    data: dict[str, Any] = {}
    for name, items in grouped.items():
        known = schema is None or name in schema.by_name
        # A name the schema declares may be quoted; another is the sender's text, and is not.
        where = f"$.{name}" if schema is not None and name in schema.by_name else "$.*"
        property_schema = field_schema(schema, name)
        if property_schema is None:
            raise SchemaViolation("$", "a field the schema does not declare")
        way = _Way.of(document.encoding_of(name))
        data[name] = way.read(property_schema, items, where, charset, repeatable=not known or schema is None)
    for name, fields in deep.items():
        model = model_of(field_schema(schema, name) or AnyValue())
        data[name] = {
            key: field_value(field_schema(model, key) or AnyValue(), item, f"$.{name}.*")
            for key, item in fields.items()
        }
    return data


def _check_spread(value: dict[str, Any], model: ModelSchema, form: ModelSchema | None, path: str) -> None:
    """Refuses an object whose properties, spread among the form's fields, could not be read back
    as its own: one its schema does not declare, or one the form declares too."""
    for key in value:
        if key not in model.by_name or (form is not None and key in form.by_name):
            raise SchemaViolation(f"{path}.{key}", "a property that could not be read back from the form's fields")


def _spread(schema: ModelSchema | None, document: Document) -> dict[str, str]:
    """Each field name that belongs to an object property spread among the form's own fields
    (``style: form`` given, exploded), with that property's name; a name the form itself declares
    stays the form's."""
    if schema is None:
        return {}
    spread: dict[str, str] = {}
    for encoding in document.encoding:
        prop = schema.by_name.get(encoding.name)
        model = _Way.of(encoding).spreads(prop.schema) if prop is not None else None
        for inner in model.by_name if model is not None else ():
            if inner not in schema.by_name:
                spread.setdefault(inner, encoding.name)
    return spread
