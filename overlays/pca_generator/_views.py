"""Views: what one operation or model module needs, decided in Python so that its template only prints.

:class:`EndpointView` reads the generator's ``Endpoint`` (through :mod:`._stock`) and the parts of
the spec it drops (:class:`~pca_generator._spec.Wire`), and decides the body's types, the return
type, the media types, and which schema documents, dumpers and loaders the module defines, each
once however many media types share it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from typing import Any

from attrs import frozen
from openapi_python_client.parser.properties import ModelProperty
from openapi_python_client.strings import in_double_quote_literal

from ._errors import GenerationError
from ._kinds import schema_kind
from ._schemas import Describer, secret_attributes
from ._spec import STRUCTURED, Wire, family, shaped

KEYWORDS = ("content_type", "accept", "strict", "max_response_size")
"""The keyword parameters this package adds to every operation that has a body or response content."""
LOCATIONS = ("path", "query", "header", "cookie")


@frozen
class Converter:
    """A ``_dump_N`` (Python value to JSON-shaped data) or ``_load_N`` (back) function of the module."""

    type_string: str
    prop: Any
    builds_model: bool = False
    # The model class whose compiled builder builds each item, for a list of models.
    item_model: str | None = None


@frozen
class RequestContent:
    """One request media type: ``document`` and ``dumper`` number its ``_DOCUMENT_N`` and ``_dump_N``
    (structured; a multipart body has a document only: its model writes the parts)."""

    media_type: Any
    document: int | None = None
    dumper: int | None = None


@frozen
class ResponseContent:
    """One response media type: typed (``document`` and ``loader``), untyped structured, a file, or raw."""

    media_type: str
    document: int | None = None
    loader: int | None = None
    untyped: bool = False
    as_file: bool = False


@frozen
class DocumentedResponse:
    status: Any
    contents: tuple[ResponseContent, ...]


@frozen
class Parameter:
    name: Any
    location: str
    style: str
    explode: bool
    media_type: str | None = None
    """Of a parameter given by ``content``: the runtime writes its value in that media type."""
    schema: str | None = None
    """Its description (``_schema``), which the runtime checks a value against before sending it."""


class _Numbered:
    """Distinct values in first-seen order, each known by its 1-based number."""

    def __init__(self) -> None:
        self.items: list[Any] = []
        self._keys: list[object] = []

    def number(self, key: object, value: Any) -> int:
        """The number of ``key``; ``value`` is what the module defines for it, if it is new."""
        if key not in self._keys:
            self._keys.append(key)
            self.items.append(value)
        return self._keys.index(key) + 1


@frozen
class ModelView:
    """What the model template prints beyond stock's: the model's description for the media codecs."""

    schema: str
    # The Python names of the properties kept out of the repr (``format: password``).
    secret_attributes: frozenset[str]
    # The Python names of the ``readOnly`` properties: ``to_multipart`` (a request) never sends them.
    read_only_attributes: frozenset[str] = frozenset()

    @classmethod
    def of(cls, model: ModelProperty, describe: Describer) -> ModelView:
        return cls(
            schema=describe.model(model),
            secret_attributes=secret_attributes(model),
            read_only_attributes=describe.read_only_attributes(model),
        )


@frozen
class EndpointView:
    """What the endpoint template prints for one operation."""

    # The path as the spec writes it (the generator's has Python names in it).
    path: str
    deprecated: bool
    parameters: tuple[Parameter, ...]
    body_types: tuple[str, ...]
    body_required: bool
    request_media_types: tuple[Any, ...]
    response_media_types: tuple[str, ...]
    return_type: str
    documents: tuple[str, ...]
    dumpers: tuple[Converter, ...]
    loaders: tuple[Converter, ...]
    request_contents: tuple[RequestContent, ...]
    responses: tuple[DocumentedResponse, ...]
    logged_headers: tuple[str, ...]
    # The Python names of the optional identifier parameters: a retry policy fills in these only.
    request_ids: tuple[str, ...]
    response_class: str
    client_type: str
    path_arguments: tuple[tuple[str, str], ...]
    keyword_arguments: tuple[tuple[str, str], ...]

    def arguments(self, *, include_client: bool = True) -> str:
        """The functions' parameters: stock openapi-python-client's, in its order, then this package's keywords."""
        lines = [code for _, code in self.path_arguments]
        if include_client or self.body_types or self.response_media_types or self.keyword_arguments:
            lines.append("*")
        if include_client:
            lines.append(f"client: {self.client_type}")
        if self.body_types:
            lines.append(f"body: {self.body_type}{'' if self.body_required else ' = UNSET'}")
        lines += [code for _, code in self.keyword_arguments]
        if self.request_media_types:
            lines.append(f'content_type: RequestMediaType = "{in_double_quote_literal(self.request_media_types[0])}"')
        if self.response_media_types:
            lines.append(f'accept: ResponseMediaType = "{in_double_quote_literal(self.response_media_types[0])}"')
        if self.response_media_types and include_client:  # the reading's, not the request's
            lines.append("strict: bool | None = None")
        if include_client:
            lines.append("max_response_size: int | None = None")
        return "".join(f"{line},\n" for line in lines)

    def keywords(self, *, include_client: bool = True) -> str:
        """The same parameters passed on by name."""
        names = [name for name, _ in self.path_arguments]
        names += ["client"] if include_client else []
        names += ["body"] if self.body_types else []
        names += [name for name, _ in self.keyword_arguments]
        names += ["content_type"] if self.request_media_types else []
        names += ["accept"] if self.response_media_types else []
        names += ["strict"] if self.response_media_types and include_client else []
        names += ["max_response_size"] if include_client else []
        return "".join(f"{name}={name},\n" for name in names)

    @property
    def strict_argument(self) -> str:
        """What ``sync_detailed`` passes on to ``_build_response``: the call's ``strict``, when it has one."""
        return ", strict=strict" if self.response_media_types else ""

    @property
    def body_type(self) -> str:
        """The body's annotation, as the signature and the docstring both say it (``| Unset`` when optional)."""
        return " | ".join(self.body_types) + ("" if self.body_required else " | Unset")

    @property
    def parsed_type(self) -> str:
        """What ``sync`` returns: the return type, or None for an undocumented status."""
        none = self.return_type == "None" or self.return_type.endswith("| None")
        return self.return_type if none else f"{self.return_type} | None"

    @classmethod
    def of(
        cls,
        endpoint: Any,
        wire: Wire,
        document: Callable[[Any, Any, Any], str],
        fresh_uuid_headers: Sequence[str],
        schema: Callable[[Any, Any], str] | None = None,
        own: Callable[[Any, str], Any] | None = None,
    ) -> EndpointView:
        """The view of ``endpoint``; ``document`` describes a body (:meth:`._schemas.Describer.document`),
        ``schema`` a parameter's schema (:meth:`._schemas.Describer.schema`), ``own`` gives the property
        of a response media type whose schema is not its status's first (:mod:`._own_schemas`)."""
        for parameter in _parameters(endpoint):
            if parameter.python_name in KEYWORDS:
                raise GenerationError(
                    f"operation {endpoint.name}: its parameter {parameter.name.get_untrusted_value()} would be the "
                    f"Python keyword {parameter.python_name}, which this package's clients use for the media type; "
                    "rename it in the spec"
                )
        documents, dumpers, loaders = _Numbered(), _Numbered(), _Numbered()
        request_contents = []
        for body in endpoint.bodies:
            kind = family(body.content_type)
            if kind not in (*STRUCTURED, "multipart") and not shaped(body.content_type, body.prop):
                request_contents.append(RequestContent(body.content_type))
                continue
            media = wire.request_media(body.content_type)
            encoding = media.encoding if media is not None and kind == "form" else None
            rendered = str(document(body.prop, wire.request_schema(body.content_type), encoding))
            type_string = _type(body.prop, no_optional=True)
            request_contents.append(
                RequestContent(
                    body.content_type,
                    documents.number(rendered, rendered),
                    # A multipart model writes its own parts, which the document checks: no dumper.
                    None if kind == "multipart" else dumpers.number(type_string, Converter(type_string, body.prop)),
                )
            )
        responses, response_types, response_media_types = [], [], []
        for response in endpoint.responses:
            contents = wire.response_contents(response, None if own is None else partial(own, response))
            if not contents and "None" not in response_types:
                response_types.append("None")
            views = []
            for content in contents:
                if content.media_type not in response_media_types:
                    response_media_types.append(content.media_type)
                if content.python_type not in response_types:
                    response_types.append(content.python_type)
                views.append(_response_content(content, document, documents, loaders))
            responses.append(DocumentedResponse(response.status_code.pattern, tuple(views)))
        body_types = []
        for body in endpoint.bodies:
            if _body_type(body) not in body_types:
                body_types.append(_body_type(body))
        return cls(
            path=wire.path,
            deprecated=wire.deprecated,
            parameters=tuple(
                Parameter(
                    parameter.name,
                    location,
                    *wire.style(location, parameter.name),
                    wire.content_type(location, parameter.name),
                    None if schema is None else schema(parameter, wire.parameter_schema(location, parameter.name)),
                )
                for location in LOCATIONS
                for parameter in getattr(endpoint, f"{location}_parameters")
            ),
            body_types=tuple(body_types),
            body_required=bool(endpoint.bodies) and all(body.prop.required for body in endpoint.bodies),
            request_media_types=tuple(body.content_type for body in endpoint.bodies),
            response_media_types=tuple(response_media_types),
            return_type=_return_type(response_types),
            documents=tuple(documents.items),
            dumpers=tuple(dumpers.items),
            loaders=tuple(loaders.items),
            request_contents=tuple(request_contents),
            responses=tuple(responses),
            logged_headers=tuple(
                parameter.name.get_untrusted_value().lower()
                for parameter in endpoint.header_parameters
                if parameter.name in fresh_uuid_headers
            ),
            request_ids=tuple(
                parameter.python_name
                for parameter in endpoint.header_parameters
                if parameter.name in fresh_uuid_headers and not parameter.required
            ),
            # A model may be named Response: then the package's Response is imported under another name.
            response_class="_Response"
            if any(relative.endswith(" import Response") for relative in endpoint.relative_imports)
            else "Response",
            client_type="AuthenticatedClient" if endpoint.requires_security else "AuthenticatedClient | Client",
            path_arguments=_path_arguments(endpoint.path_parameters),
            keyword_arguments=tuple(
                (parameter.python_name, parameter.to_string().as_unembedded_code())
                for parameter in [*endpoint.query_parameters, *endpoint.header_parameters, *endpoint.cookie_parameters]
            ),
        )


def _return_type(response_types: Sequence[str]) -> str:
    """The union of the responses' types, each member once and ``None`` last: a response whose
    own type is a union with ``None`` (``anyOf: [$ref: Body, type: 'null']``) beside another
    (``str``) is ``Body | str | None``, never ``None | Body | str | None``."""
    # Sorted as Jinja's sort filter did (ignoring case): the bytes stay those of earlier releases.
    ordered = (member for type_string in sorted(response_types, key=str.lower) for member in _members(type_string))
    members = dict.fromkeys(ordered)
    typed = [member for member in members if member != "None"]
    return " | ".join([*typed, *(["None"] if "None" in members or not typed else [])])


def _members(type_string: str) -> list[str]:
    """The members of a union annotation, split where no bracket is open (``list[A | B] | C``)."""
    members, depth, start = [], 0, 0
    for index, character in enumerate(type_string):
        depth += {"[": 1, "]": -1}.get(character, 0)
        if depth == 0 and type_string.startswith(" | ", index):
            members.append(type_string[start:index])
            start = index + 3
    return [*members, type_string[start:]]


def _path_arguments(parameters: Sequence[Any]) -> tuple[tuple[str, str], ...]:
    """Positional: one keeps its default only if every later one has one too (Python's rule)."""
    return tuple(
        (
            parameter.python_name,
            f"{parameter.python_name}: {_type(parameter, no_optional=True)}"
            if parameter.default is None or any(later.default is None for later in parameters[index + 1 :])
            else parameter.to_string().as_unembedded_code(),
        )
        for index, parameter in enumerate(parameters)
    )


def _response_content(
    content: Any, document: Callable[[Any, Any, Any], str], documents: _Numbered, loaders: _Numbered
) -> ResponseContent:
    if (content.structured and content.typed) or content.ranged:
        rendered = str(
            document(content.prop, content.schema, content.encoding if family(content.media_type) == "form" else None)
        )
        type_string = _type(content.prop)
        return ResponseContent(
            content.media_type,
            document=documents.number(rendered, rendered),
            loader=loaders.number(type_string, _loader(type_string, content.prop)),
        )
    if content.structured:
        return ResponseContent(content.media_type, untyped=True)
    return ResponseContent(content.media_type, as_file=content.as_file)


def _loader(type_string: str, prop: Any) -> Converter:
    """A response's ``_load_N``: a model, or a list of models, is made by the compiled builders."""
    kind = schema_kind(prop)
    if kind == "list" and schema_kind(prop.inner_property) == "model":
        return Converter(type_string, prop, item_model=prop.inner_property.class_info.name)
    return Converter(type_string, prop, kind == "model")


def _body_type(body: Any) -> str:
    """What the runtime writes for a body: by its schema in a structured or multipart media type;
    as it is (a ``File``, bytes or text) in any other, whatever the schema says (a ``application/jwt``
    body documented as an object is still written as the bytes given)."""
    if family(body.content_type) in (*STRUCTURED, "multipart") or schema_kind(body.prop) in _AS_IS_BODIES:
        return _type(body.prop, no_optional=True)
    if shaped(body.content_type, body.prop):  # a range: the value, or what travels as it is
        return f"{_type(body.prop, no_optional=True)} | File | bytes | str"
    return "File | bytes | str"


_AS_IS_BODIES = ("string", "file", "any")


def _parameters(endpoint: Any) -> list[Any]:
    return [
        *endpoint.path_parameters,
        *endpoint.query_parameters,
        *endpoint.header_parameters,
        *endpoint.cookie_parameters,
    ]


def _type(prop: Any, *, no_optional: bool = False) -> str:
    return str(prop.get_type_string(no_optional=no_optional).as_unembedded_code())
