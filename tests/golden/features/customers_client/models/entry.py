from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import _schema
from ..types import UNSET, Unset

T = TypeVar("T", bound="Entry")


@_attrs_define
class Entry:
    """
    Attributes:
        title (str | Unset):
        updated (datetime.datetime | Unset):
    """

    title: str | Unset = UNSET
    updated: datetime.datetime | Unset = UNSET
    # Unknown properties stay out of the repr: a server may send secrets the spec does not name.
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    # What the media codecs know of this schema: names, types and OpenAPI xml objects.
    __openapi__: ClassVar[_schema.ModelSchema] = _schema.ModelSchema(
        name="Entry",
        xml=_schema.Xml("entry", namespace="http://www.w3.org/2005/Atom"),
        properties=(
            _schema.Property(
                "title",
                _schema.Scalar("string"),
                required=False,
                xml=_schema.Xml("title", namespace="http://www.w3.org/2005/Atom"),
                attribute="title",
                as_is=True,
            ),
            _schema.Property(
                "updated",
                _schema.Scalar("string", format="date-time"),
                required=False,
                xml=_schema.Xml("updated", namespace="http://www.w3.org/2005/Atom"),
                attribute="updated",
                as_is=False,
            ),
        ),
        additional_properties=_schema.AnyValue(),
    )

    def to_dict(self) -> dict[str, Any]:
        title = self.title

        updated: str | Unset = UNSET
        if not isinstance(self.updated, Unset):
            updated = self.updated.isoformat()

        fields__: dict[str, Any] = {}
        fields__.update(self.additional_properties)
        fields__.update({})
        if title is not UNSET:
            fields__["title"] = title
        if updated is not UNSET:
            fields__["updated"] = updated

        return fields__

    # The template's own locals end in "__": no property's Python name, nor the generator's
    # "_<name>" temporaries, can be one of them.
    @classmethod
    def from_dict(cls__: type[T], src_dict: Mapping[str, Any]) -> T:  # noqa: N805
        data__ = dict(src_dict)
        title = data__.pop("title", UNSET)

        _updated = data__.pop("updated", UNSET)
        updated: datetime.datetime | Unset
        if isinstance(_updated, Unset):
            updated = UNSET
        else:
            updated = datetime.datetime.fromisoformat(_updated)

        instance__ = cls__(
            title=title,
            updated=updated,
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
