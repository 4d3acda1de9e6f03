from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import _schema
from ..types import UNSET, Unset

T = TypeVar("T", bound="Filter")


@_attrs_define
class Filter:
    """
    Attributes:
        country (str | Unset):
        size (int | Unset):
    """

    country: str | Unset = UNSET
    size: int | Unset = UNSET
    # Unknown properties stay out of the repr: a server may send secrets the spec does not name.
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    # What the media codecs know of this schema: names, types and OpenAPI xml objects.
    __openapi__: ClassVar[_schema.ModelSchema] = _schema.ModelSchema(
        name="Filter",
        xml=_schema.Xml("Filter", given=False),
        properties=(
            _schema.Property(
                "country",
                _schema.Scalar("string"),
                required=False,
                xml=_schema.Xml("country"),
                attribute="country",
                as_is=True,
            ),
            _schema.Property(
                "size",
                _schema.Scalar("integer"),
                required=False,
                xml=_schema.Xml("size"),
                attribute="size",
                as_is=True,
            ),
        ),
        additional_properties=_schema.AnyValue(),
    )

    def to_dict(self) -> dict[str, Any]:
        country = self.country

        size = self.size

        fields__: dict[str, Any] = {}
        fields__.update(self.additional_properties)
        fields__.update({})
        if country is not UNSET:
            fields__["country"] = country
        if size is not UNSET:
            fields__["size"] = size

        return fields__

    # The template's own locals end in "__": no property's Python name, nor the generator's
    # "_<name>" temporaries, can be one of them.
    @classmethod
    def from_dict(cls__: type[T], src_dict: Mapping[str, Any]) -> T:  # noqa: N805
        data__ = dict(src_dict)
        country = data__.pop("country", UNSET)

        size = data__.pop("size", UNSET)

        instance__ = cls__(
            country=country,
            size=size,
        )

        instance__.additional_properties = data__
        return instance__

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
