from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import _schema
from ..types import UNSET, Unset

T = TypeVar("T", bound="Address")


@_attrs_define
class Address:
    """
    Attributes:
        city (str):
        postcode (None | str | Unset):
    """

    city: str
    postcode: None | str | Unset = UNSET
    # Unknown properties stay out of the repr: a server may send secrets the spec does not name.
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    # What the media codecs know of this schema: names, types and OpenAPI xml objects.
    __openapi__: ClassVar[_schema.ModelSchema] = _schema.ModelSchema(
        name="Address",
        xml=_schema.Xml("Address", given=False),
        properties=(
            _schema.Property(
                "city",
                _schema.Scalar("string"),
                required=True,
                xml=_schema.Xml("city"),
                attribute="city",
                as_is=True,
            ),
            _schema.Property(
                "postcode",
                _schema.OneOf(
                    (
                        _schema.Scalar("string"),
                        _schema.Null(),
                    )
                ),
                required=False,
                xml=_schema.Xml("postcode"),
                attribute="postcode",
                as_is=True,
            ),
        ),
        additional_properties=_schema.AnyValue(),
    )

    def to_dict(self) -> dict[str, Any]:
        city = self.city

        postcode: None | str | Unset
        if isinstance(self.postcode, Unset):
            postcode = UNSET
        else:
            postcode = self.postcode

        fields__: dict[str, Any] = {}
        fields__.update(self.additional_properties)
        fields__.update(
            {
                "city": city,
            }
        )
        if postcode is not UNSET:
            fields__["postcode"] = postcode

        return fields__

    # The template's own locals end in "__": no property's Python name, nor the generator's
    # "_<name>" temporaries, can be one of them.
    @classmethod
    def from_dict(cls__: type[T], src_dict: Mapping[str, Any]) -> T:  # noqa: N805
        data__ = dict(src_dict)
        city = data__.pop("city")

        def _parse_postcode(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        postcode = _parse_postcode(data__.pop("postcode", UNSET))

        instance__ = cls__(
            city=city,
            postcode=postcode,
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
