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
            expires_in (float | str | Unset): Lifetime in seconds, as a number or a numeric string.
            expires_on (float | str | Unset): Expiry in epoch seconds, as a number or a numeric string.
    """

    access_token: str = _attrs_field(repr=False)
    token_type: str | Unset = UNSET
    expires_in: float | str | Unset = UNSET
    expires_on: float | str | Unset = UNSET
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
                attribute="access_token",
                as_is=True,
            ),
            _schema.Property(
                "token_type",
                _schema.Scalar("string"),
                required=False,
                xml=_schema.Xml("token_type"),
                attribute="token_type",
                as_is=True,
            ),
            _schema.Property(
                "expires_in",
                _schema.OneOf(
                    (
                        _schema.Scalar("number"),
                        _schema.Scalar("string", pattern="^[0-9]+([.][0-9]+)?$"),
                    )
                ),
                required=False,
                xml=_schema.Xml("expires_in"),
                attribute="expires_in",
                as_is=True,
            ),
            _schema.Property(
                "expires_on",
                _schema.OneOf(
                    (
                        _schema.Scalar("number"),
                        _schema.Scalar("string", pattern="^[0-9]+([.][0-9]+)?$"),
                    )
                ),
                required=False,
                xml=_schema.Xml("expires_on"),
                attribute="expires_on",
                as_is=True,
            ),
        ),
        additional_properties=_schema.AnyValue(),
    )

    def to_dict(self) -> dict[str, Any]:
        access_token = self.access_token

        token_type = self.token_type

        expires_in: float | str | Unset
        if isinstance(self.expires_in, Unset):
            expires_in = UNSET
        else:
            expires_in = self.expires_in

        expires_on: float | str | Unset
        if isinstance(self.expires_on, Unset):
            expires_on = UNSET
        else:
            expires_on = self.expires_on

        fields__: dict[str, Any] = {}
        fields__.update(self.additional_properties)
        fields__.update(
            {
                "access_token": access_token,
            }
        )
        if token_type is not UNSET:
            fields__["token_type"] = token_type
        if expires_in is not UNSET:
            fields__["expires_in"] = expires_in
        if expires_on is not UNSET:
            fields__["expires_on"] = expires_on

        return fields__

    # The template's own locals end in "__": no property's Python name, nor the generator's
    # "_<name>" temporaries, can be one of them.
    @classmethod
    def from_dict(cls__: type[T], src_dict: Mapping[str, Any]) -> T:  # noqa: N805
        data__ = dict(src_dict)
        access_token = data__.pop("access_token")

        token_type = data__.pop("token_type", UNSET)

        def _parse_expires_in(data: object) -> float | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(float | str | Unset, data)

        expires_in = _parse_expires_in(data__.pop("expires_in", UNSET))

        def _parse_expires_on(data: object) -> float | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(float | str | Unset, data)

        expires_on = _parse_expires_on(data__.pop("expires_on", UNSET))

        instance__ = cls__(
            access_token=access_token,
            token_type=token_type,
            expires_in=expires_in,
            expires_on=expires_on,
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
