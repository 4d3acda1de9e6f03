"""openapi-python-client's reading of a document, with the schemas it read them with: :class:`Parsed`.

The generator's own ``GeneratorData.from_dict`` builds every schema's property, then each
operation's, and keeps only the models and enums. A schema the package types beyond what the
parser does (a second media type's own schema: :mod:`._own_schemas`) is parsed against the same
properties: kept here, they need not be built again from the whole document (on a large spec, a
third of a parse).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from openapi_python_client import schema as oai
from openapi_python_client.config import Config
from openapi_python_client.parser import GeneratorData
from openapi_python_client.parser.errors import GeneratorError
from openapi_python_client.parser.openapi import EndpointCollection
from openapi_python_client.parser.properties import (
    EnumProperty,
    LiteralEnumProperty,
    ModelProperty,
    Parameters,
    Schemas,
    build_parameters,
    build_schemas,
)
from pydantic import ValidationError

__all__ = ["Parsed"]


@dataclass
class Parsed(GeneratorData):
    """``GeneratorData`` with the parser's :class:`Schemas` once every operation is read."""

    schemas: Schemas = field(default_factory=Schemas)

    @classmethod
    def read(cls, data: dict[str, Any], *, config: Config) -> Parsed | GeneratorError:
        """What ``GeneratorData.from_dict`` reads, step by step through the same public functions."""
        try:
            openapi = oai.OpenAPI.model_validate(data)
        except ValidationError as error:
            return GeneratorError(header="Failed to parse OpenAPI document", detail=str(error))
        components = openapi.components
        schemas = Schemas()
        parameters = Parameters()
        if components and components.schemas:
            schemas = build_schemas(components=components.schemas, schemas=schemas, config=config)
        if components and components.parameters:
            parameters = build_parameters(components=components.parameters, parameters=parameters, config=config)
        collections, schemas, parameters = EndpointCollection.from_data(
            data=openapi.paths,
            schemas=schemas,
            parameters=parameters,
            request_bodies=(components and components.requestBodies) or {},
            responses=(components and components.responses) or {},
            config=config,
        )
        classes = schemas.classes_by_name.values()
        return cls(
            title=openapi.info.title,
            description=openapi.info.description,
            version=openapi.info.version,
            endpoint_collections_by_tag=collections,
            models=[prop for prop in classes if isinstance(prop, ModelProperty)],
            errors=schemas.errors + parameters.errors,
            enums=[prop for prop in classes if isinstance(prop, EnumProperty | LiteralEnumProperty)],
            schemas=schemas,
        )
