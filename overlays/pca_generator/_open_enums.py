"""Enum properties as a response holds them: a member, or a value the spec does not list.

Liberal in what the package reads: a server that answers an enum value the spec does not list
is parsed, and the value kept as it is (see the runtime's ``_schema.enum_member``). Its type says
so, ``PetStatus | str`` (``| int`` for integer enums; ``Literal[...] | str`` for literal enums),
so that ``mypy --strict`` makes the caller handle it. Models and responses are read, so their
enum properties are open; parameters are only sent, and keep the closed type.
"""

from __future__ import annotations

from typing import Any

import attrs
from openapi_python_client.parser import GeneratorData
from openapi_python_client.parser.properties import EnumProperty, LiteralEnumProperty
from openapi_python_client.parser.properties.list_property import ListProperty
from openapi_python_client.parser.properties.union import UnionProperty
from openapi_python_client.strings import PythonCode

__all__ = ["open_enums"]


class _OpenEnum(EnumProperty):
    __slots__ = ()

    def get_base_type_string(self) -> PythonCode:
        return PythonCode(f"{self.class_info.name} | {self.value_type.__name__}")


class _OpenLiteralEnum(LiteralEnumProperty):
    __slots__ = ()

    def get_base_type_string(self) -> PythonCode:
        return PythonCode(f"{self.class_info.name} | {self.value_type.__name__}")


_OPEN: dict[type[Any], type[Any]] = {EnumProperty: _OpenEnum, LiteralEnumProperty: _OpenLiteralEnum}


def _opened(prop: Any) -> Any:
    """``prop`` with every enum in it open: itself, changed in place where it holds others."""
    open_class = _OPEN.get(type(prop))
    if open_class is not None:
        return open_class(**{field.alias: getattr(prop, field.name) for field in attrs.fields(type(prop))})
    if isinstance(prop, ListProperty):
        prop.inner_property = _opened(prop.inner_property)
    elif isinstance(prop, UnionProperty):
        prop.inner_properties = [_opened(inner) for inner in prop.inner_properties]
    return prop


def open_enums(openapi: GeneratorData) -> None:
    """Open the enum properties of every model and every response of ``openapi``."""
    for model in openapi.models:
        for properties in (model.required_properties, model.optional_properties):
            if properties is not None:
                properties[:] = [_opened(prop) for prop in properties]
        if model.additional_properties is not None:
            model.additional_properties = _opened(model.additional_properties)
    for collection in openapi.endpoint_collections_by_tag.values():
        for endpoint in collection.endpoints:
            for response in endpoint.responses:
                response.prop = _opened(response.prop)
