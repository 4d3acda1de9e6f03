"""The libraries a user would otherwise reach for, each used as its documentation shows.

Each peer gets the same data as our codecs and, where it has models, its own model classes of
the same three schemas. ``serializer``/``deserializer`` return None where a peer cannot do it.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ElementTree
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import xmltodict
from kiota_abstractions.serialization import AdditionalDataHolder, Parsable, ParseNode, SerializationWriter
from kiota_serialization_form.form_parse_node_factory import FormParseNodeFactory
from kiota_serialization_form.form_serialization_writer import FormSerializationWriter
from kiota_serialization_json.json_parse_node_factory import JsonParseNodeFactory
from kiota_serialization_json.json_serialization_writer import JsonSerializationWriter
from msrest.serialization import Deserializer, Model, Serializer
from pydantic_xml import BaseXmlModel, element, wrapped

# msrest: the Azure SDK's runtime, with is_xml=True for XML --------------------------------------
# As in the Azure SDKs, JSON models have no _xml_map (msrest writes XML for any model that has one),
# and XML models have no additional properties (msrest cannot write them as XML).

_MSREST_ATTRIBUTES: dict[str, dict[str, dict[str, Any]]] = {
    "TokenRequest": {"grant_type": {"key": "grant_type", "type": "str"}},
    "TokenResponse": {
        "additional_properties": {"key": "", "type": "{object}"},
        "access_token": {"key": "access_token", "type": "str"},
        "token_type": {"key": "token_type", "type": "str"},
        "expires_in": {"key": "expires_in", "type": "int"},
        "expires_on": {"key": "expires_on", "type": "str"},
    },
    "ApiFault": {
        "additional_properties": {"key": "", "type": "{object}"},
        "code": {"key": "code", "type": "int"},
        "description": {"key": "description", "type": "str"},
        "data": {"key": "data", "type": "[str]", "xml": {"wrapped": True, "itemsName": "item"}},
        "source": {"key": "source", "type": "str"},
        "is_retryable": {"key": "isRetryable", "type": "bool"},
    },
}


def _msrest_model(name: str, xml: bool) -> type[Model]:
    attributes = {
        key: value if xml else {k: v for k, v in value.items() if k != "xml"}  # any "xml" key makes msrest write XML
        for key, value in _MSREST_ATTRIBUTES[name].items()
        if not (xml and key == "additional_properties")
    }

    def __init__(self: Model, **kwargs: Any) -> None:
        Model.__init__(self, **kwargs)
        for attribute in attributes:
            setattr(self, attribute, kwargs.get(attribute))

    namespace: dict[str, Any] = {"_attribute_map": attributes, "__init__": __init__}
    if xml:
        namespace["_xml_map"] = {"name": name}
    return type(f"Msrest{name}{'Xml' if xml else 'Json'}", (Model,), namespace)


_MSREST = {(name, xml): _msrest_model(name, xml) for name in _MSREST_ATTRIBUTES for xml in (False, True)}


def msrest(name: str, family: str, data: dict[str, Any], content: bytes, write: bool) -> Callable[[], object] | None:
    if family == "form":
        return None
    model = _MSREST[name, family == "xml"]
    classes = {model.__name__: model}
    serializer, deserializer = Serializer(classes), Deserializer(classes)
    if write:
        instance = (
            deserializer(model.__name__, json.dumps(data), content_type="application/json")
            if family == "json"
            else deserializer(model.__name__, content, content_type="application/xml")
        )
        if family == "json":
            return lambda: json.dumps(serializer.body(instance, model.__name__)).encode()
        return lambda: ElementTree.tostring(serializer.body(instance, model.__name__, is_xml=True))
    content_type = "application/json" if family == "json" else "application/xml"
    return lambda: deserializer(model.__name__, content, content_type=content_type)


# xmltodict: XML as dicts ------------------------------------------------------------------------


def xml_to_dict(
    name: str, family: str, data: dict[str, Any], content: bytes, write: bool
) -> Callable[[], object] | None:
    if family != "xml":
        return None
    if write:
        shaped = {key: {"item": value} if isinstance(value, list) else value for key, value in data.items()}
        return lambda: xmltodict.unparse({name: shaped}).encode()
    return lambda: xmltodict.parse(content)


# pydantic-xml: typed XML models -----------------------------------------------------------------


class PydanticTokenRequest(BaseXmlModel, tag="TokenRequest"):  # type: ignore[call-arg]
    grant_type: str = element()


class PydanticTokenResponse(BaseXmlModel, tag="TokenResponse"):  # type: ignore[call-arg]
    access_token: str = element()
    token_type: str | None = element(default=None)
    expires_in: int | str | None = element(default=None)
    expires_on: int | str | None = element(default=None)


class PydanticApiFault(BaseXmlModel, tag="ApiFault"):  # type: ignore[call-arg]
    code: int | str | None = element(default=None)
    description: str | None = element(default=None)
    data: list[str] = wrapped("data", element(tag="item", default_factory=list))
    source: str | None = element(default=None)
    is_retryable: bool | None = element(tag="isRetryable", default=None)


_PYDANTIC: dict[str, type[BaseXmlModel]] = {
    "TokenRequest": PydanticTokenRequest,
    "TokenResponse": PydanticTokenResponse,
    "ApiFault": PydanticApiFault,
}


def pydantic_xml(
    name: str, family: str, data: dict[str, Any], content: bytes, write: bool
) -> Callable[[], object] | None:
    if family != "xml":
        return None
    model = _PYDANTIC[name]
    if write:
        instance = model.from_xml(content)
        return lambda: instance.to_xml()
    return lambda: model.from_xml(content)


# Kiota: Microsoft's generated-client runtime, JSON and form writers and parse nodes --------------


@dataclass
class KiotaTokenRequest(AdditionalDataHolder, Parsable):  # type: ignore[misc, unused-ignore]
    additional_data: dict[str, Any] = field(default_factory=dict)
    grant_type: str | None = None

    @staticmethod
    def create_from_discriminator_value(parse_node: ParseNode) -> KiotaTokenRequest:
        return KiotaTokenRequest()

    def get_field_deserializers(self) -> dict[str, Callable[[ParseNode], None]]:
        return {"grant_type": lambda n: setattr(self, "grant_type", n.get_str_value())}

    def serialize(self, writer: SerializationWriter) -> None:
        writer.write_str_value("grant_type", self.grant_type)
        writer.write_additional_data_value(self.additional_data)


@dataclass
class KiotaTokenResponse(AdditionalDataHolder, Parsable):  # type: ignore[misc, unused-ignore]
    additional_data: dict[str, Any] = field(default_factory=dict)
    access_token: str | None = None
    token_type: str | None = None
    expires_in: int | None = None
    expires_on: str | None = None

    @staticmethod
    def create_from_discriminator_value(parse_node: ParseNode) -> KiotaTokenResponse:
        return KiotaTokenResponse()

    def get_field_deserializers(self) -> dict[str, Callable[[ParseNode], None]]:
        return {
            "access_token": lambda n: setattr(self, "access_token", n.get_str_value()),
            "token_type": lambda n: setattr(self, "token_type", n.get_str_value()),
            "expires_in": lambda n: setattr(self, "expires_in", n.get_int_value()),
            "expires_on": lambda n: setattr(self, "expires_on", n.get_str_value()),
        }

    def serialize(self, writer: SerializationWriter) -> None:
        writer.write_str_value("access_token", self.access_token)
        writer.write_str_value("token_type", self.token_type)
        writer.write_int_value("expires_in", self.expires_in)
        writer.write_str_value("expires_on", self.expires_on)
        writer.write_additional_data_value(self.additional_data)


@dataclass
class KiotaApiFault(AdditionalDataHolder, Parsable):  # type: ignore[misc, unused-ignore]
    additional_data: dict[str, Any] = field(default_factory=dict)
    code: int | None = None
    description: str | None = None
    data: list[str] | None = None
    source: str | None = None
    is_retryable: bool | None = None

    @staticmethod
    def create_from_discriminator_value(parse_node: ParseNode) -> KiotaApiFault:
        return KiotaApiFault()

    def get_field_deserializers(self) -> dict[str, Callable[[ParseNode], None]]:
        return {
            "code": lambda n: setattr(self, "code", n.get_int_value()),
            "description": lambda n: setattr(self, "description", n.get_str_value()),
            "data": lambda n: setattr(self, "data", n.get_collection_of_primitive_values(str)),
            "source": lambda n: setattr(self, "source", n.get_str_value()),
            "isRetryable": lambda n: setattr(self, "is_retryable", n.get_bool_value()),
        }

    def serialize(self, writer: SerializationWriter) -> None:
        writer.write_int_value("code", self.code)
        writer.write_str_value("description", self.description)
        writer.write_collection_of_primitive_values("data", self.data)
        writer.write_str_value("source", self.source)
        writer.write_bool_value("isRetryable", self.is_retryable)
        writer.write_additional_data_value(self.additional_data)


_KIOTA: dict[str, type[Any]] = {
    "TokenRequest": KiotaTokenRequest,
    "TokenResponse": KiotaTokenResponse,
    "ApiFault": KiotaApiFault,
}
_KIOTA_MEDIA = {
    "json": ("application/json", JsonSerializationWriter, JsonParseNodeFactory),
    "form": ("application/x-www-form-urlencoded", FormSerializationWriter, FormParseNodeFactory),
}


def kiota(name: str, family: str, data: dict[str, Any], content: bytes, write: bool) -> Callable[[], object] | None:
    if family not in _KIOTA_MEDIA or (family == "form" and name == "ApiFault"):
        return None  # Kiota's form writer has no collections
    media_type, writer_class, factory_class = _KIOTA_MEDIA[family]
    model = _KIOTA[name]
    if write:
        instance = factory_class().get_root_parse_node(media_type, content).get_object_value(model)

        def write_object() -> bytes:
            writer = writer_class()
            writer.write_object_value(None, instance)
            content: bytes = writer.get_serialized_content()
            return content

        return write_object
    factory = factory_class()
    return lambda: factory.get_root_parse_node(media_type, content).get_object_value(model)


PEERS: dict[str, Callable[[str, str, dict[str, Any], bytes, bool], Callable[[], object] | None]] = {
    "msrest (Azure SDK runtime)": msrest,
    "xmltodict": xml_to_dict,
    "pydantic-xml": pydantic_xml,
    "Kiota": kiota,
}
