from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import _schema
from ..types import UNSET, Unset

T = TypeVar("T", bound="Contact")


@_attrs_define
class Contact:
    """
    Attributes:
        email (str | Unset):
        phone (str | Unset):
    """

    email: str | Unset = UNSET
    phone: str | Unset = UNSET
    # Unknown properties stay out of the repr: a server may send secrets the spec does not name.
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    # What the media codecs know of this schema: names, types and OpenAPI xml objects.
    __openapi__: ClassVar[_schema.ModelSchema] = _schema.ModelSchema(
        name="Contact",
        xml=_schema.Xml("contact"),
        properties=(
            _schema.Property(
                "email",
                _schema.Scalar("string"),
                required=False,
                xml=_schema.Xml("email", attribute=True),
                attribute="email",
                as_is=True,
            ),
            _schema.Property(
                "phone",
                _schema.Scalar("string"),
                required=False,
                xml=_schema.Xml("phone"),
                attribute="phone",
                as_is=True,
            ),
        ),
        additional_properties=_schema.AnyValue(),
    )

    def to_dict(self) -> dict[str, Any]:
        email = self.email

        phone = self.phone

        fields__: dict[str, Any] = {}
        fields__.update(self.additional_properties)
        fields__.update({})
        if email is not UNSET:
            fields__["email"] = email
        if phone is not UNSET:
            fields__["phone"] = phone

        return fields__

    # The template's own locals end in "__": no property's Python name, nor the generator's
    # "_<name>" temporaries, can be one of them.
    @classmethod
    def from_dict(cls__: type[T], src_dict: Mapping[str, Any]) -> T:  # noqa: N805
        data__ = dict(src_dict)
        email = data__.pop("email", UNSET)

        phone = data__.pop("phone", UNSET)

        instance__ = cls__(
            email=email,
            phone=phone,
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
