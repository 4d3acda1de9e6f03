from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import _schema
from ..types import UNSET, Unset

T = TypeVar("T", bound="Problem")


@_attrs_define
class Problem:
    """
    Attributes:
        type_ (str | Unset):
        title (str | Unset):
        status (int | Unset):
        detail (str | Unset):
    """

    type_: str | Unset = UNSET
    title: str | Unset = UNSET
    status: int | Unset = UNSET
    detail: str | Unset = UNSET
    # Unknown properties stay out of the repr: a server may send secrets the spec does not name.
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    # What the media codecs know of this schema: names, types and OpenAPI xml objects.
    __openapi__: ClassVar[_schema.ModelSchema] = _schema.ModelSchema(
        name="Problem",
        xml=_schema.Xml("problem", namespace="urn:ietf:rfc:7807"),
        properties=(
            _schema.Property(
                "type",
                _schema.Scalar("string"),
                required=False,
                xml=_schema.Xml("type"),
                attribute="type_",
                as_is=True,
            ),
            _schema.Property(
                "title",
                _schema.Scalar("string"),
                required=False,
                xml=_schema.Xml("title"),
                attribute="title",
                as_is=True,
            ),
            _schema.Property(
                "status",
                _schema.Scalar("integer"),
                required=False,
                xml=_schema.Xml("status"),
                attribute="status",
                as_is=True,
            ),
            _schema.Property(
                "detail",
                _schema.Scalar("string"),
                required=False,
                xml=_schema.Xml("detail"),
                attribute="detail",
                as_is=True,
            ),
        ),
        additional_properties=_schema.AnyValue(),
    )

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        title = self.title

        status = self.status

        detail = self.detail

        fields__: dict[str, Any] = {}
        fields__.update(self.additional_properties)
        fields__.update({})
        if type_ is not UNSET:
            fields__["type"] = type_
        if title is not UNSET:
            fields__["title"] = title
        if status is not UNSET:
            fields__["status"] = status
        if detail is not UNSET:
            fields__["detail"] = detail

        return fields__

    # The template's own locals end in "__": no property's Python name, nor the generator's
    # "_<name>" temporaries, can be one of them.
    @classmethod
    def from_dict(cls__: type[T], src_dict: Mapping[str, Any]) -> T:  # noqa: N805
        data__ = dict(src_dict)
        type_ = data__.pop("type", UNSET)

        title = data__.pop("title", UNSET)

        status = data__.pop("status", UNSET)

        detail = data__.pop("detail", UNSET)

        instance__ = cls__(
            type_=type_,
            title=title,
            status=status,
            detail=detail,
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
