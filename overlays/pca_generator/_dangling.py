"""References to the models openapi-python-client drops: out of the unions, and never in the package.

When its parser cannot process a component's model (it says why, and lists what it removes with
it), the unions that name that model as an option keep the reference: their modules, and every
lazy import and description of them, name a module that is never written, and the package fails
to import where it meets one (``No module named '...models.broken'``). So each ``oneOf`` /
``anyOf`` option that is a ``$ref`` to a removed component is left out of its union, in the
parser's copy of the document only, with a warning, and the spec is parsed again: the union takes
its other options, until no union names a removed model (a model removed by the new reading is left
out in turn). A component's union left with one reference (``Item: {oneOf: [Broken, Folder]}``) is
read by the parser as a second name of that model, whose inner classes it then makes twice, dropping
the model itself: every reference to that component names the model instead. At the end, every
module a generated module imports or a description names (``_schema.ModelRef("models.broken", ...)``)
is checked to exist: one that does not is a defect of
the generator, said as an error, never a package that fails to import.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any, TypeVar

from openapi_python_client.parser import GeneratorData

from ._errors import GenerationError
from ._pointer import resolve, unescape
from ._union_walk import with_options
from ._yaml import Notice

__all__ = ["check_names", "without_removed"]

Read = TypeVar("Read", bound=GeneratorData)
"""The parser's reading of a document (the one ``parse`` gives)."""

_REMOVAL = "removal of:"


def removed_components(openapi: GeneratorData) -> frozenset[str]:
    """The references (``#/components/schemas/Broken``) of the components the parser removed."""
    removed: set[str] = set()
    for error in openapi.errors:
        _, found, listed = (error.detail or "").partition(_REMOVAL)
        if found:  # (one removed root a line, as the parser lists them: a key may hold a space)
            removed.update(
                f"#{line.strip()}" for line in listed.splitlines() if line.strip().startswith("/components/")
            )
    return frozenset(removed)


def without_removed(
    openapi: Read,
    document: dict[str, Any],
    parse: Callable[[dict[str, Any]], Read],
    origins: Mapping[str, str],
) -> tuple[Read, dict[str, Any], tuple[Notice, ...]]:
    """The reading ``openapi`` of ``document`` once no union names a model the parser removed: the
    options naming one left out and the document read again by ``parse``, as long as that removes
    another (each round leaves out at least one option: it ends)."""
    notices: tuple[Notice, ...] = ()
    while removed := removed_components(openapi):
        document, left_out = without_removed_options(document, removed, origins)
        if not left_out:
            break
        notices += left_out
        openapi = parse(document)
    return openapi, document, notices


def without_removed_options(
    document: dict[str, Any], removed: frozenset[str], origins: Mapping[str, str]
) -> tuple[dict[str, Any], tuple[Notice, ...]]:
    """``document`` without the union options that reference a removed component (copies along
    the way: ``document`` is not changed), and a warning for each; ``origins``: the place in the
    spec of a component the parser's copy added (see :mod:`._union_models`). A component's union
    left with one reference is replaced by that reference wherever the component is named."""
    notices: list[Notice] = []
    renamed: dict[str, str] = {}

    def kept(options: list[Any], pointer: str) -> list[Any]:
        left = [option for option in options if not _names_removed(option, removed)]
        if not left or len(left) == len(options):  # (a union left with no option: the check says so)
            return options
        notices.extend(
            _left_out(pointer, option["$ref"], origins) for option in options if _names_removed(option, removed)
        )
        component = pointer.rpartition("/")[0]
        if len(left) == 1 and _bare_reference(left[0]) and _SCHEMAS.fullmatch(component):
            renamed[component] = left[0]["$ref"]
        return left

    document = with_options(document, kept)
    return _named_as(document, {key: value for key, value in renamed.items() if _alias(document, key)}), tuple(notices)


_SCHEMAS = re.compile(r"#/components/schemas/[^/]+")


def _bare_reference(option: object) -> bool:
    return isinstance(option, Mapping) and set(option) == {"$ref"} and isinstance(option["$ref"], str)


_ALIAS_WORDS = {"type", "title", "description", "oneOf", "anyOf", "example", "examples", "externalDocs"}
"""What a component's union left with one option may say beside it and still be that option: a
``nullable`` or a constraint of its own would be lost by naming the option instead."""


def _alias(document: Mapping[str, Any], component: str) -> bool:
    found, schema = resolve(document, component)
    return (
        found
        and isinstance(schema, Mapping)
        and not set(schema) - _ALIAS_WORDS
        and schema.get("type") in (None, "object")
        and not (isinstance(schema.get("oneOf"), list) and isinstance(schema.get("anyOf"), list))
    )


def _named_as(document: dict[str, Any], renamed: Mapping[str, str]) -> dict[str, Any]:
    """``document`` with every ``$ref`` to a key of ``renamed`` pointing at its value (a chain
    followed to its end), and those components gone (copies along the way)."""
    if not renamed:
        return document

    def final(reference: str, seen: tuple[str, ...] = ()) -> str:
        following = renamed.get(reference)
        return final(following, (*seen, reference)) if following and following not in seen else reference

    def walk(node: Any) -> Any:
        if isinstance(node, list):
            items = [walk(item) for item in node]
            return node if all(new is old for new, old in zip(items, node, strict=True)) else items
        if not isinstance(node, Mapping):
            return node
        if isinstance(node.get("$ref"), str) and node["$ref"] in renamed:
            return {**node, "$ref": final(node["$ref"])}
        values = {key: walk(value) for key, value in node.items()}
        return values if any(values[key] is not value for key, value in node.items()) else node

    walked: dict[str, Any] = walk(document)
    schemas = walked["components"]["schemas"]
    gone = {unescape(reference.rpartition("/")[2]) for reference in renamed}
    components = {**walked["components"], "schemas": {key: value for key, value in schemas.items() if key not in gone}}
    return {**walked, "components": components}


def _names_removed(option: object, removed: frozenset[str]) -> bool:
    return isinstance(option, Mapping) and option.get("$ref") in removed


def _left_out(union: str, reference: str, origins: Mapping[str, str]) -> Notice:
    prefix = "#/components/schemas/"
    if union.startswith(prefix):  # (a component the parser's copy added: said where the spec has it)
        key, slash, rest = union[len(prefix) :].partition("/")
        union = f"{origins[key]}{slash}{rest}" if key in origins else union
    return Notice(
        union,
        f"its option {reference} is a model openapi-python-client drops (said below)",
        "generated without that option",
    )


_IMPORT = re.compile(r"^\s*from (\.+)([\w.]*) import", re.MULTILINE)
_DESCRIBED = re.compile(r'_schema\.(?:Model|Enum)Ref\("([\w.]+)"')


def check_names(package_dir: Path) -> None:
    """Refuse a package a module of which imports, or describes by name, a module it does not have."""
    missing: dict[str, str] = {}
    modules = sorted(package_dir.rglob("*.py"))
    # Every module the package has, by dotted name (a package by its __init__.py's folder): one
    # look-up per name, not two file-system checks (a large spec's package names some 25,000).
    exists = {".".join(_dotted(module.relative_to(package_dir))) for module in modules}
    for module in modules:
        text = module.read_text(encoding="utf-8")
        for name in _named(module.relative_to(package_dir), text):
            if name not in missing and name not in exists:
                missing[name] = module.relative_to(package_dir).as_posix()
    if missing:
        said = ", ".join(f"{name} (named in {where})" for name, where in missing.items())
        raise GenerationError(
            f"the package would name modules it does not have: {said}: a defect of the generator, not of "
            "the spec; report it with the spec"
        )


def _named(module: Path, text: str) -> Iterator[str]:
    """The package-relative dotted names of the modules ``module`` (of text ``text``) imports
    relatively or names in a description."""
    package = list(module.parent.parts)
    for dots, name in _IMPORT.findall(text):
        base = package[: len(package) - (len(dots) - 1)] if len(dots) > 1 else package
        yield ".".join([*base, *(name.split(".") if name else [])])
    yield from _DESCRIBED.findall(text)


def _dotted(module: Path) -> tuple[str, ...]:
    """The parts of the dotted name of the package-relative ``module`` (``()``: the package's own ``__init__``)."""
    parts = module.with_suffix("").parts
    return parts[:-1] if parts[-1] == "__init__" else parts
