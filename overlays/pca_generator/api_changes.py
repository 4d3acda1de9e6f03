"""What changed in a generated package's public API, read from its code, and the version bump it implies.

    pca-generator generate ... --report      # regenerate, then print what changed for callers

The API is read from the generated source itself (no import): each operation's functions and
parameters (name, kind, type, default) and its request and response media types, each model's
fields, each enum's values, and the error classes. Every difference is one line, marked breaking
or not for callers:

* breaking (major): something removed; a new required parameter or model field; a type, kind,
  default or default media type changed; an enum narrowed;
* compatible (minor): something added, optional;
* no API change but different bytes (patch).
"""

from __future__ import annotations

import ast
from collections.abc import Iterator, Mapping
from pathlib import Path

from attrs import frozen

FUNCTIONS = ("sync", "sync_detailed", "asyncio", "asyncio_detailed")


@frozen
class Parameter:
    kind: str  # "positional" or "keyword"
    annotation: str
    default: str | None  # None: required


@frozen
class Operation:
    parameters: Mapping[str, Parameter]
    request_media_types: tuple[str, ...]
    response_media_types: tuple[str, ...]


@frozen
class Api:
    """The public surface of one generated package."""

    operations: Mapping[str, Operation]
    models: Mapping[str, Mapping[str, Parameter]]  # model -> field -> (type, default)
    enums: Mapping[str, tuple[str, ...]]
    errors: tuple[str, ...]


@frozen
class Change:
    what: str
    breaking: bool

    def __str__(self) -> str:
        return f"{'breaking' if self.breaking else 'compatible'}: {self.what}"


def describe(package_dir: Path) -> Api:
    """The API of the package in ``package_dir`` (the folder holding its ``__init__.py``)."""
    operations = {}
    for path in sorted((package_dir / "api").rglob("*.py")):
        operation = _operation(ast.parse(path.read_text()))
        if operation is not None:
            operations[".".join(path.relative_to(package_dir / "api").with_suffix("").parts)] = operation
    models: dict[str, Mapping[str, Parameter]] = {}
    enums: dict[str, tuple[str, ...]] = {}
    for path in sorted((package_dir / "models").glob("*.py")):
        for node in ast.parse(path.read_text()).body:
            if isinstance(node, ast.ClassDef) and any(_is_enum_base(base) for base in node.bases):
                enums[node.name] = tuple(
                    ast.unparse(item.value) for item in node.body if isinstance(item, ast.Assign) and item.targets
                )
            elif isinstance(node, ast.ClassDef):
                models[node.name] = _fields(node)
            elif isinstance(node, ast.Assign) and _literal_values(node.value) is not None:
                name = ast.unparse(node.targets[0])
                enums[name] = _literal_values(node.value) or ()
    return Api(operations, models, enums, _errors(package_dir / "errors.py"))


def _operation(module: ast.Module) -> Operation | None:
    aliases: dict[str, tuple[str, ...]] = {}
    parameters: dict[str, Parameter] = {}
    found = False
    for node in module.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            values = _literal_values(node.value)
            if values is not None:
                aliases[ast.unparse(node.targets[0])] = values
        if isinstance(node, ast.FunctionDef) and node.name == "sync_detailed":
            found = True
            arguments = node.args
            defaults = [None] * (len(arguments.args) - len(arguments.defaults)) + list(arguments.defaults)
            for argument, default in zip(arguments.args, defaults, strict=True):
                parameters[argument.arg] = Parameter("positional", _code(argument.annotation) or "", _code(default))
            for argument, default in zip(arguments.kwonlyargs, arguments.kw_defaults, strict=True):
                parameters[argument.arg] = Parameter("keyword", _code(argument.annotation) or "", _code(default))
    if not found:
        return None
    return Operation(parameters, aliases.get("RequestMediaType", ()), aliases.get("ResponseMediaType", ()))


def _fields(node: ast.ClassDef) -> dict[str, Parameter]:
    fields = {}
    for item in node.body:
        if isinstance(item, ast.AnnAssign) and isinstance(item.target, ast.Name):
            name = item.target.id
            if name.startswith("_") or name == "additional_properties" or "ClassVar" in ast.unparse(item.annotation):
                continue
            default = None if item.value is None else _default(item.value)
            fields[name] = Parameter("field", ast.unparse(item.annotation), default)
    return fields


def _default(value: ast.expr) -> str:
    # `_attrs_field(default=UNSET, repr=False)` is the default UNSET, whatever else it says.
    if isinstance(value, ast.Call):
        for keyword in value.keywords:
            if keyword.arg in ("default", "factory"):
                return ast.unparse(keyword.value)
    return ast.unparse(value)


def _literal_values(node: ast.expr) -> tuple[str, ...] | None:
    """The values of ``Literal["a", "b"]``, or None for anything else."""
    if isinstance(node, ast.Subscript) and ast.unparse(node.value) == "Literal":
        elements = node.slice.elts if isinstance(node.slice, ast.Tuple) else [node.slice]
        return tuple(ast.unparse(element) for element in elements)
    return None


def _is_enum_base(base: ast.expr) -> bool:
    return ast.unparse(base) in ("str, Enum", "Enum", "IntEnum", "StrEnum", "str")


def _errors(path: Path) -> tuple[str, ...]:
    """The names of a module's ``__all__``: its literal lists, and ``module.__all__`` of a sibling it adds."""
    names: list[str] = []
    for node in ast.parse(path.read_text()).body:
        if isinstance(node, ast.Assign | ast.AugAssign):
            target = node.targets[0] if isinstance(node, ast.Assign) else node.target
            if ast.unparse(target) != "__all__":
                continue
            value = node.value
            if isinstance(value, ast.Attribute) and value.attr == "__all__" and isinstance(value.value, ast.Name):
                names += _errors(path.with_name(f"{value.value.id}.py"))
            else:
                names += ast.literal_eval(value)
    return tuple(sorted(names))


def _code(node: ast.expr | None) -> str | None:
    return ast.unparse(node) if node is not None else None


# Comparing -----------------------------------------------------------------------------------


def compare(old: Api, new: Api) -> list[Change]:
    """Every difference between two APIs, as callers of ``old`` see it."""
    changes = list(_compare_operations(old.operations, new.operations))
    changes += _compare_models(old.models, new.models)
    for name in sorted(old.enums.keys() - new.enums.keys()):
        changes.append(Change(f"enum {name} removed", breaking=True))
    for name in sorted(new.enums.keys() - old.enums.keys()):
        changes.append(Change(f"enum {name} added", breaking=False))
    for name in sorted(old.enums.keys() & new.enums.keys()):
        for value in old.enums[name]:
            if value not in new.enums[name]:
                changes.append(Change(f"enum {name}: value {value} removed", breaking=True))
        for value in new.enums[name]:
            if value not in old.enums[name]:
                changes.append(Change(f"enum {name}: value {value} added", breaking=False))
    changes += [Change(f"error {name} removed", True) for name in old.errors if name not in new.errors]
    changes += [Change(f"error {name} added", False) for name in new.errors if name not in old.errors]
    return changes


def _compare_operations(old: Mapping[str, Operation], new: Mapping[str, Operation]) -> Iterator[Change]:
    for name in sorted(old.keys() - new.keys()):
        yield Change(f"operation {name} removed", breaking=True)
    for name in sorted(new.keys() - old.keys()):
        yield Change(f"operation {name} added", breaking=False)
    for name in sorted(old.keys() & new.keys()):
        before, after = old[name], new[name]
        yield from _compare_parameters(f"operation {name}", "parameter", before.parameters, after.parameters)
        for label, was, now in (
            ("request media type", before.request_media_types, after.request_media_types),
            ("response media type", before.response_media_types, after.response_media_types),
        ):
            for media_type in was:
                if media_type not in now:
                    yield Change(f"operation {name}: {label} {media_type} removed", breaking=True)
            for media_type in now:
                if media_type not in was:
                    yield Change(f"operation {name}: {label} {media_type} added", breaking=False)


def _compare_models(
    old: Mapping[str, Mapping[str, Parameter]], new: Mapping[str, Mapping[str, Parameter]]
) -> list[Change]:
    changes = [Change(f"model {name} removed", True) for name in sorted(old.keys() - new.keys())]
    changes += [Change(f"model {name} added", False) for name in sorted(new.keys() - old.keys())]
    for name in sorted(old.keys() & new.keys()):
        changes += _compare_parameters(f"model {name}", "field", old[name], new[name])
    return changes


def _compare_parameters(
    owner: str, noun: str, old: Mapping[str, Parameter], new: Mapping[str, Parameter]
) -> Iterator[Change]:
    for name in old.keys() - new.keys():
        yield Change(f"{owner}: {noun} {name} removed", breaking=True)
    for name in new.keys() - old.keys():
        required = new[name].default is None
        yield Change(f"{owner}: {'required' if required else 'optional'} {noun} {name} added", breaking=required)
    for name in old.keys() & new.keys():
        before, after = old[name], new[name]
        if before.kind != after.kind:
            yield Change(f"{owner}: {noun} {name} is now {after.kind}", breaking=True)
        if before.annotation != after.annotation:
            yield Change(f"{owner}: {noun} {name} type {before.annotation} -> {after.annotation}", breaking=True)
        if before.default != after.default:
            yield Change(f"{owner}: {noun} {name} default {before.default} -> {after.default}", breaking=True)


def bump(changes: list[Change], *, bytes_changed: bool) -> str:
    """The version bump the changes imply: major, minor, patch, or none."""
    if any(change.breaking for change in changes):
        return "major"
    if changes:
        return "minor"
    return "patch" if bytes_changed else "none"


def report(changes: list[Change], *, bytes_changed: bool) -> str:
    """The report ``pca-generator generate --report`` prints."""
    lines = [f"API changes for callers: {bump(changes, bytes_changed=bytes_changed)} version bump"]
    lines += [f"  {change}" for change in sorted(changes, key=lambda change: (not change.breaking, change.what))]
    if not changes:
        lines.append("  none" + (" (the code changed: a fix)" if bytes_changed else ""))
    return "\n".join(lines)
