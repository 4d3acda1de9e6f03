"""What openapi-spec-validator still finds once the repairs are done, each placed on its node.

The validator names most violations by their path in the document, but not all of them: a 3.1
schema is checked on its own against its dialect, so the path starts at that schema
(``/properties/category/examples``), and a ``default`` checked against its schema has no path at
all; a duplicate ``operationId``, an unresolved path parameter and an unknown ``$schema`` dialect
carry their place only in their message. A warning that says ``#`` sends its reader through the
whole spec: each violation is placed here on the node it is about, found by what the validator
does say (the path's tail, the value it judged, the operation it named).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Mapping
from typing import Any

from ._pointer import escape
from ._values import NO_VALUE, same_json
from ._yaml import Notice

__all__ = ["violations"]

_OPERATION = re.compile(r"for '(?P<method>[a-z]+)'(?: operation)? in '(?P<path>[^']*)'")
"""How the validator names an operation in its messages (duplicate operationIds, path parameters)."""
_DIALECT = re.compile(r"Unknown JSON Schema dialect: '(?P<dialect>.*)'")
_VALUE_KEYWORDS = ("default", "example", "const")
"""Where a schema holds a value of its own type: what the validator checks without a path."""

Steps = tuple[str, ...]


def violations(document: Mapping[str, Any], *, quick: bool = True) -> tuple[Notice, ...]:
    """What openapi-spec-validator still finds, each left as it is (``quick``: the same, sooner)."""
    version = str(document.get("openapi", ""))
    places = _Places(document)
    found = []
    try:
        for error in _validator_class(version.startswith("3.1"), quick=quick)(document).iter_errors():
            message = " ".join(str(getattr(error, "message", error)).split())
            found.append(Notice(places.of(error, message), _shortened(message), "left as is"))
    except Exception as error:  # the validator crashes on some documents: that is its defect, not the spec's
        said = _shortened(" ".join(f"{type(error).__name__}: {error}".split()))
        found.append(Notice("#", f"the validator stopped ({said})", "checked no further"))
    return tuple(found)


@functools.cache
def _validator_class(v31: bool, *, quick: bool = True) -> Any:
    """openapi-spec-validator's validator of the version, its OpenAPI schema crawled once, and
    (``quick``) each of its checks asked of jsonschema-rs first (see :mod:`._verdicts`).

    Its own checks the document against the OpenAPI schema with a registry where that schema is
    not crawled: each ``$dynamicRef`` of the 3.1 schema (``#meta``, once per schema of the
    document) crawls the whole OpenAPI schema again to find its anchor, three fifths of the
    validation of a large spec. The same schema in a registry crawled beforehand finds each
    anchor at once; the errors are the same, in the same order.
    """
    from jsonschema.validators import validator_for
    from jsonschema_specifications import REGISTRY
    from openapi_spec_validator import OpenAPIV30SpecValidator, OpenAPIV31SpecValidator
    from referencing.jsonschema import specification_with

    from ._verdicts import quick_schema_keyword, verdict_first

    base = OpenAPIV31SpecValidator if v31 else OpenAPIV30SpecValidator
    schema = base.schema_validator.schema
    resource = specification_with(schema["$schema"]).create_resource(schema)
    checker = validator_for(schema)(schema, registry=(resource @ REGISTRY).crawl())
    if not quick:
        return type(base.__name__, (base,), {"schema_validator": checker})
    keyword_validators = {**base.keyword_validators, "schema": quick_schema_keyword(base.keyword_validators["schema"])}
    return type(
        base.__name__, (base,), {"schema_validator": verdict_first(checker), "keyword_validators": keyword_validators}
    )


def _shortened(message: str) -> str:
    # The validator quotes whole subtrees: the pointer says where, the start says what.
    return message if len(message) <= 200 else f"{message[:200]}..."


class _Places:
    """Finds the node of the document a violation is about."""

    def __init__(self, document: Mapping[str, Any]) -> None:
        self._document = document
        self._nodes: list[tuple[Steps, Any]] | None = None
        self._by_last: dict[str, list[tuple[Steps, Any]]] | None = None
        """The nodes by their last step: a path relative to a schema ends with one of them."""
        self._taken: set[tuple[str, Steps]] = set()
        """Places already given to a message: the same message about several nodes (one dialect
        named in five schemas) goes to each of them in document order, not five times to the first."""

    def of(self, error: object, message: str) -> str:
        path = tuple(str(step) for step in getattr(error, "absolute_path", None) or ())
        # An error of the JSON Schema check names the keyword that failed and the value it judged;
        # the validator's own checks (operationIds, parameters, dialects) name neither.
        judged = getattr(error, "instance", NO_VALUE) if getattr(error, "schema_path", None) else NO_VALUE
        if (named := _OPERATION.search(message)) is not None:
            operation: Steps = ("paths", named["path"], named["method"])
            steps = (*operation, "operationId") if "Operation ID" in message else operation
            candidates: list[Steps] = [steps] if self._holds(steps) else []
        elif (named := _DIALECT.search(message)) is not None:
            candidates = [
                steps
                for steps, value in self._every_node()
                if steps[-1:] in (("$schema",), ("jsonSchemaDialect",)) and value == named["dialect"]
            ]
        elif self._holds(path, judged):
            return _pointer(path)
        else:
            ending = self._ending(path)
            candidates = [steps for steps, value in ending if self._fits(steps, value, path, judged)]
            if not candidates and isinstance(judged, str):  # a key judged (``patternProperties``' keys are regexes)
                candidates = [
                    steps
                    for steps, value in ending
                    if isinstance(value, Mapping) and judged in value and self._ends_as(steps, path)
                ]
        return _pointer(self._first_free(message, candidates) or path)

    def _first_free(self, message: str, candidates: list[Steps]) -> Steps | None:
        for steps in candidates:
            if (message, steps) not in self._taken:
                self._taken.add((message, steps))
                return steps
        return candidates[0] if candidates else None

    @staticmethod
    def _fits(steps: Steps, value: Any, path: Steps, judged: Any) -> bool:
        """Whether the node at ``steps`` may be the one a schema-relative ``path`` names."""
        return judged is not NO_VALUE and same_json(value, judged) and _Places._ends_as(steps, path)

    @staticmethod
    def _ends_as(steps: Steps, path: Steps) -> bool:
        """Whether ``steps`` may end as the schema-relative ``path`` (no path: a value keyword)."""
        if len(steps) <= len(path):
            return False
        if path:
            return steps[-len(path) :] == path
        return steps[-1] in _VALUE_KEYWORDS

    def _holds(self, steps: Steps, judged: Any = NO_VALUE) -> bool:
        node: Any = self._document
        for step in steps:
            if isinstance(node, Mapping) and step in node:
                node = node[step]
            elif isinstance(node, list) and step.isdigit() and int(step) < len(node):
                node = node[int(step)]
            else:
                return False
        return bool(steps) and (judged is NO_VALUE or same_json(node, judged))

    def _every_node(self) -> list[tuple[Steps, Any]]:
        if self._nodes is None:
            self._nodes = list(_walk(self._document, ()))
        return self._nodes

    def _ending(self, path: Steps) -> list[tuple[Steps, Any]]:
        """The nodes whose last step may end ``path`` (a value keyword, for no path), in document order."""
        if self._by_last is None:
            self._by_last = {}
            for node in self._every_node():
                if node[0]:
                    self._by_last.setdefault(node[0][-1], []).append(node)
        if path:
            return self._by_last.get(path[-1], [])
        return [node for node in self._every_node() if node[0][-1:] and node[0][-1] in _VALUE_KEYWORDS]


def _walk(node: Any, steps: Steps) -> Iterator[tuple[Steps, Any]]:
    yield steps, node
    if isinstance(node, Mapping):
        for key, value in node.items():
            yield from _walk(value, (*steps, str(key)))
    elif isinstance(node, list):
        for index, item in enumerate(node):
            yield from _walk(item, (*steps, str(index)))


def _pointer(steps: Steps) -> str:
    return "#" + "".join(f"/{escape(step)}" for step in steps)
