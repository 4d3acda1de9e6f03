from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import _schema
from ..types import UNSET, Unset

T = TypeVar("T", bound="TokenResponse")


@_attrs_define
class TokenResponse:
    """A Partner Center access token. Not documented by Microsoft: these are the properties real callers read. Unknown
    properties are kept.

        Attributes:
            access_token (str): The Partner Center access token. Opaque; do not decode it. A secret, kept out of reprs.
            token_type (str | Unset): The token type, usually bearer.
            expires_in (int | str | Unset): Lifetime in seconds, as a number or a numeric string.
            expires_on (int | str | Unset): Expiry in epoch seconds, as a number or a numeric string.
    """

    access_token: str = _attrs_field(repr=False)
    token_type: str | Unset = UNSET
    expires_in: int | str | Unset = UNSET
    expires_on: int | str | Unset = UNSET
    # Unknown properties stay out of the repr: a server may send secrets the spec does not name.
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    # What the media codecs know of this schema: names, types and OpenAPI xml objects.
    __openapi__: ClassVar[_schema.ModelSchema] = _schema.ModelSchema(
        name="TokenResponse",
        xml=_schema.Xml("TokenResponse"),
        properties=(
            _schema.Property(
                "access_token",
                _schema.Scalar("string"),
                required=True,
                xml=_schema.Xml("access_token"),
            ),
            _schema.Property(
                "token_type",
                _schema.Scalar("string"),
                required=False,
                xml=_schema.Xml("token_type"),
            ),
            _schema.Property(
                "expires_in",
                _schema.OneOf(
                    (
                        _schema.Scalar("integer"),
                        _schema.Scalar("string", pattern="^[0-9]+$"),
                    )
                ),
                required=False,
                xml=_schema.Xml("expires_in"),
            ),
            _schema.Property(
                "expires_on",
                _schema.OneOf(
                    (
                        _schema.Scalar("integer"),
                        _schema.Scalar("string", pattern="^[0-9]+$"),
                    )
                ),
                required=False,
                xml=_schema.Xml("expires_on"),
            ),
        ),
        additional_properties=_schema.AnyValue(),
    )

    def to_dict(self) -> dict[str, Any]:
        access_token = self.access_token

        token_type = self.token_type

        expires_in: int | str | Unset
        if isinstance(self.expires_in, Unset):
            expires_in = UNSET
        else:
            expires_in = self.expires_in

        expires_on: int | str | Unset
        if isinstance(self.expires_on, Unset):
            expires_on = UNSET
        else:
            expires_on = self.expires_on

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "access_token": access_token,
            }
        )
        if token_type is not UNSET:
            field_dict["token_type"] = token_type
        if expires_in is not UNSET:
            field_dict["expires_in"] = expires_in
        if expires_on is not UNSET:
            field_dict["expires_on"] = expires_on

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        access_token = d.pop("access_token")

        token_type = d.pop("token_type", UNSET)

        def _parse_expires_in(data: object) -> int | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(int | str | Unset, data)

        expires_in = _parse_expires_in(d.pop("expires_in", UNSET))

        def _parse_expires_on(data: object) -> int | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(int | str | Unset, data)

        expires_on = _parse_expires_on(d.pop("expires_on", UNSET))

        token_response = cls(
            access_token=access_token,
            token_type=token_type,
            expires_in=expires_in,
            expires_on=expires_on,
        )

        token_response.additional_properties = d
        return token_response

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
