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
            ),
            _schema.Property(
                "type",
                _schema.Scalar("string"),
                required=False,
                xml=_schema.Xml("type"),
            ),
            _schema.Property(
                "message",
                _schema.Scalar("string"),
                required=False,
                xml=_schema.Xml("message"),
            ),
        ),
        additional_properties=_schema.AnyValue(),
    )

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        type_ = self.type_

        message = self.message

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if code is not UNSET:
            field_dict["code"] = code
        if type_ is not UNSET:
            field_dict["type"] = type_
        if message is not UNSET:
            field_dict["message"] = message

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code", UNSET)

        type_ = d.pop("type", UNSET)

        message = d.pop("message", UNSET)

        api_response = cls(
            code=code,
            type_=type_,
            message=message,
        )

        api_response.additional_properties = d
        return api_response

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
