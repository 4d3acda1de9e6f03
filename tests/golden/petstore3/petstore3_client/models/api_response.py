from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import _schema
from ..types import UNSET, Unset

T = TypeVar("T", bound="ApiResponse")


@_attrs_define
class ApiResponse:
    """
    Attributes:
        code (int | Unset):
        type_ (str | Unset):
        message (str | Unset):
    """

    code: int | Unset = UNSET
    type_: str | Unset = UNSET
    message: str | Unset = UNSET
    # Unknown properties stay out of the repr: a server may send secrets the spec does not name.
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    # What the media codecs know of this schema: names, types and OpenAPI xml objects.
    __openapi__: ClassVar[_schema.ModelSchema] = _schema.ModelSchema(
        name="ApiResponse",
        xml=_schema.Xml("##default"),
        properties=(
            _schema.Property(
                "code",
                _schema.Scalar("integer"),
                required=False,
                xml=_schema.Xml("code"),
                attribute="code",
                as_is=True,
            ),
            _schema.Property(
                "type",
                _schema.Scalar("string"),
                required=False,
                xml=_schema.Xml("type"),
                attribute="type_",
                as_is=True,
            ),
            _schema.Property(
                "message",
                _schema.Scalar("string"),
                required=False,
                xml=_schema.Xml("message"),
                attribute="message",
                as_is=True,
            ),
        ),
        additional_properties=_schema.AnyValue(),
    )

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        type_ = self.type_

        message = self.message

        fields__: dict[str, Any] = {}
        fields__.update(self.additional_properties)
        fields__.update({})
        if code is not UNSET:
            fields__["code"] = code
        if type_ is not UNSET:
            fields__["type"] = type_
        if message is not UNSET:
            fields__["message"] = message

        return fields__

    # The template's own locals end in "__": no property's Python name, nor the generator's
    # "_<name>" temporaries, can be one of them.
    @classmethod
    def from_dict(cls__: type[T], src_dict: Mapping[str, Any]) -> T:  # noqa: N805
        data__ = dict(src_dict)
        code = data__.pop("code", UNSET)

        type_ = data__.pop("type", UNSET)

        message = data__.pop("message", UNSET)

        instance__ = cls__(
            code=code,
            type_=type_,
            message=message,
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
