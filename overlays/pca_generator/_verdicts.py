"""A verdict from jsonschema-rs before the Python validator is asked why: :func:`verdict_first`.

openapi-spec-validator checks a document twice with jsonschema, in Python: the whole document
against the OpenAPI schema, then each of its schemas against its dialect's metaschema. On a large
spec that is ten seconds and more, and nearly all of it says nothing: most schemas are valid.
jsonschema-rs gives the same verdict a hundred times faster, in words of its own. So each check asks
it first whether there is anything to say, and the Python validator is asked only where there is:
what a notice says, and in what order, is the Python validator's, unchanged.

The same verdict needs the same rules: each metaschema is compiled with the resources the Python
check resolves its references in, and with the Python check's own format checker for every format
its metaschemas name (a ``pattern`` Python's ``re`` cannot compile is refused by both, though
jsonschema-rs's own regex would take it). A value jsonschema-rs cannot take, or any failure of it,
is a "maybe": the Python validator decides.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator, Mapping
from typing import Any

import jsonschema_rs
from jsonschema import FormatChecker
from jsonschema.validators import validator_for
from openapi_schema_validator import validators as oas_validators
from openapi_spec_validator.validation import keywords

__all__ = ["quick_schema_keyword", "verdict_first"]


class _Rust:
    """A schema compiled by jsonschema-rs under the Python check's rules."""

    def __init__(self, schema: Mapping[str, Any], format_checker: FormatChecker | None) -> None:
        resources = _resources()
        formats = {
            name: functools.partial(_conforms, format_checker, name)
            for name in (_format_names(resources) if format_checker is not None else ())
        }
        self._validator = jsonschema_rs.validator_for(
            dict(schema),
            registry=jsonschema_rs.Registry(resources),
            validate_formats=format_checker is not None,
            formats=formats,
        )

    def valid(self, instance: object) -> bool:
        """Whether ``instance`` is valid for certain: False means "ask the Python validator"."""
        # (A document here is never nested deeper than Python's recursion limit: the reader refuses
        # deeper ones. jsonschema-rs walks thousands of levels.)
        try:
            return self._validator.is_valid(instance) is True
        except Exception:  # a value no JSON has, or a defect of jsonschema-rs: Python decides
            return False


def _conforms(checker: FormatChecker, name: str, value: str) -> bool:
    return bool(checker.conforms(value, name))


@functools.cache
def _resources() -> list[tuple[str, Any]]:
    """What the Python check resolves a metaschema's references in (every draft and OpenAPI dialect)."""
    registry = oas_validators.OPENAPI_SPECIFICATIONS  # type: ignore[attr-defined]  # check_openapi_schema's
    return [(uri, registry.contents(uri)) for uri in sorted(registry)]


def _format_names(resources: list[tuple[str, Any]]) -> frozenset[str]:
    return frozenset(name for _, contents in resources for name in _formats(contents))


def _formats(node: object) -> Iterator[str]:
    if isinstance(node, Mapping):
        for key, value in node.items():
            if key == "format" and isinstance(value, str):
                yield value
            yield from _formats(value)
    elif isinstance(node, list):
        for item in node:
            yield from _formats(item)


class _VerdictFirst:
    """A jsonschema validator's ``iter_errors``, walked only where jsonschema-rs finds something."""

    def __init__(self, python: Any, rust: _Rust) -> None:
        self._python = python
        self._rust = rust
        self.schema = python.schema

    def iter_errors(self, instance: object) -> Iterator[Any]:
        if self._rust.valid(instance):
            return iter(())
        return self._python.iter_errors(instance)  # type: ignore[no-any-return]


def verdict_first(python: Any) -> _VerdictFirst:
    """``python`` (a jsonschema validator without a format checker), asked only where
    jsonschema-rs finds the instance invalid."""
    return _VerdictFirst(python, _Rust(python.schema, None))


@functools.cache
def _rust_metaschema(cls: Any, format_checker: FormatChecker) -> _Rust:
    """The Python check of a schema by a validator class: its metaschema under its formats."""
    return _Rust(cls.META_SCHEMA, format_checker)


def _checked_first(rust: _Rust, check: Callable[[Any], None], schema: Any) -> None:
    if not rust.valid(schema):
        check(schema)


class _Ids(list[int]):
    """The validator's list of ids, whose ``in`` is a set's."""

    def __init__(self) -> None:
        super().__init__()
        self._members: set[int] = set()

    def append(self, item: int) -> None:
        self._members.add(item)
        super().append(item)

    def __contains__(self, item: object) -> bool:
        return item in self._members


def quick_schema_keyword(base: type[keywords.KeywordValidator]) -> type[keywords.KeywordValidator]:
    """openapi-spec-validator's schema keyword ``base``, each schema's metaschema check asked of
    jsonschema-rs first (a checker it cannot mirror is left as it is)."""

    class Quick(base):  # type: ignore[valid-type,misc]
        def __init__(self, registry: Any) -> None:
            super().__init__(registry)
            # The schemas already walked and checked, asked once per schema: a set answers at once
            # where the validator's lists are read through (a spec's thousands of schemas, squared).
            self.visited_schema_ids = _Ids()
            self.meta_checked_schema_ids = _Ids()

        def _get_schema_checker(self, schema: Any, schema_value: Any) -> Callable[[Any], None]:
            check: Callable[[Any], None] = super()._get_schema_checker(schema, schema_value)
            if isinstance(self, keywords.OpenAPIV31SchemaValidator):
                cls = validator_for({"$schema": self._get_schema_dialect_id(schema, schema_value)}, default=None)
                format_checker = self.schema_validator_format_checker
            else:
                cls = getattr(self, "schema_validator_cls", None)
                format_checker = getattr(cls, "FORMAT_CHECKER", None)
            if cls is None or format_checker is None:
                return check
            return functools.partial(_checked_first, _rust_metaschema(cls, format_checker), check)

    Quick.__name__ = Quick.__qualname__ = f"Quick{base.__name__}"
    return Quick
