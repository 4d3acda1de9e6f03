"""Each structured media type of a response typed by its own schema.

openapi-python-client types a response by its first media type's schema only. A spec may document
another schema for the same status in another media type (``application/json`` a ``Pet``,
``application/xml`` a ``PetXml`` or an object of its own): such an answer would read into an
untyped dict. Here each of those schemas is parsed the generator's way, as it parses the first
(a ``$ref`` is its model; an inline object becomes a model of its own, added to the package), so
that the answer reads into its own model and the function returns the union of both.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from attrs import frozen
from openapi_python_client.config import Config
from openapi_python_client.parser import GeneratorData
from openapi_python_client.parser.errors import PropertyError
from openapi_python_client.parser.openapi import Endpoint
from openapi_python_client.parser.properties import (
    EnumProperty,
    LiteralEnumProperty,
    ModelProperty,
    property_from_data,
)
from openapi_python_client.schema.untrusted_string import UntrustedString

from ._parsed import Parsed
from ._spec import STRUCTURED, family

__all__ = ["OwnSchemas"]

_MODELS = "..."
"""Where an endpoint module imports models from (the generator's ``models_relative_prefix``)."""


@frozen
class OwnSchemas:
    """The property of each structured response media type whose schema is not its status's first."""

    props: Mapping[tuple[str, str, str, str], Any]
    """By method, path, status pattern and media type."""

    def of(self, endpoint: Endpoint, response: Any, media_type: str) -> Any:
        """The property ``media_type`` of ``response`` parses into, or None (its first's, or untyped)."""
        return self.props.get(_key(endpoint, response, media_type))

    @classmethod
    def parse(cls, openapi: Parsed, config: Config) -> OwnSchemas:
        """Parse each such schema of ``openapi`` into a property, against the properties the parser
        made (every component's, every operation's: a class name is never made twice), adding the
        models it makes to ``openapi`` and their imports to the endpoint.

        A schema the generator cannot parse here (a ``$ref`` to a union, a class name taken) stays
        untyped, as before.
        """
        pending = list(_pending(openapi))
        if not pending:
            return cls({})  # most specs: nothing parsed
        known = {prop.class_info.name for prop in [*openapi.models, *openapi.enums]}
        schemas = openapi.schemas
        props = {}
        for endpoint, response, media_type, schema in pending:
            suffix = media_type.partition(";")[0].strip().rpartition("/")[2]
            prop, schemas = property_from_data(
                name=UntrustedString(f"response_{response.status_code.pattern}_{suffix}"),
                required=True,
                data=schema,
                schemas=schemas,
                parent_name=endpoint.name,
                config=config,
            )
            if isinstance(prop, PropertyError):
                continue
            props[_key(endpoint, response, media_type)] = prop
            endpoint.relative_imports |= prop.get_lazy_imports(prefix=_MODELS)
            endpoint.relative_imports |= prop.get_imports(prefix=_MODELS)
        for name, made in schemas.classes_by_name.items():
            if name in known:
                continue
            if isinstance(made, ModelProperty):
                openapi.models.append(made)
            elif isinstance(made, EnumProperty | LiteralEnumProperty):
                openapi.enums.append(made)
        return cls(props)


def _key(endpoint: Endpoint, response: Any, media_type: str) -> tuple[str, str, str, str]:
    return (endpoint.method, endpoint.path.get_untrusted_value(), response.status_code.pattern, media_type)


def _pending(openapi: GeneratorData) -> Iterator[tuple[Endpoint, Any, str, Any]]:
    """Each structured media type of a response whose schema is not the first media type's."""
    for collection in openapi.endpoint_collections_by_tag.values():
        for endpoint in collection.endpoints:
            for response in endpoint.responses:
                contents = list((getattr(response.data, "content", None) or {}).items())
                first = contents[0][1].media_type_schema if contents else None
                for key, media in contents[1:]:
                    schema = media.media_type_schema
                    if schema is not None and schema != first and family(key.get_untrusted_value()) in STRUCTURED:
                        yield endpoint, response, key.get_untrusted_value(), schema
