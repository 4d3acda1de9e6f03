from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import _schema

T = TypeVar("T", bound="GetInventoryResponse200")


@_attrs_define
class GetInventoryResponse200:
    # Unknown properties stay out of the repr: a server may send secrets the spec does not name.
    additional_properties: dict[str, int] = _attrs_field(init=False, factory=dict, repr=False)

    # What the media codecs know of this schema: names, types and OpenAPI xml objects.
    __openapi__: ClassVar[_schema.ModelSchema] = _schema.ModelSchema(
        name="response_200",
        xml=_schema.Xml("response_200"),
        properties=(),
        additional_properties=_schema.Scalar("integer"),
    )

    def to_dict(self) -> dict[str, Any]:

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        get_inventory_response_200 = cls()

        get_inventory_response_200.additional_properties = d
        return get_inventory_response_200

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> int:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: int) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
