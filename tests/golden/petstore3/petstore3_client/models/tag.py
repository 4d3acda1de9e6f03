from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import _schema
from ..types import UNSET, Unset

T = TypeVar("T", bound="Tag")


@_attrs_define
class Tag:
    """
    Attributes:
        id (int | Unset):
        name (str | Unset):
    """

    id: int | Unset = UNSET
    name: str | Unset = UNSET
    # Unknown properties stay out of the repr: a server may send secrets the spec does not name.
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    # What the media codecs know of this schema: names, types and OpenAPI xml objects.
    __openapi__: ClassVar[_schema.ModelSchema] = _schema.ModelSchema(
        name="Tag",
        xml=_schema.Xml("tag"),
        properties=(
            _schema.Property(
                "id",
                _schema.Scalar("integer"),
                required=False,
                xml=_schema.Xml("id"),
            ),
            _schema.Property(
                "name",
                _schema.Scalar("string"),
                required=False,
                xml=_schema.Xml("name"),
            ),
        ),
        additional_properties=_schema.AnyValue(),
    )

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if name is not UNSET:
            field_dict["name"] = name

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        name = d.pop("name", UNSET)

        tag = cls(
            id=id,
            name=name,
        )

        tag.additional_properties = d
        return tag

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
