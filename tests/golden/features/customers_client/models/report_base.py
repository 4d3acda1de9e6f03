from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import _schema

T = TypeVar("T", bound="ReportBase")


@_attrs_define
class ReportBase:
    """
    Attributes:
        day (datetime.date):
    """

    day: datetime.date
    # Unknown properties stay out of the repr: a server may send secrets the spec does not name.
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    # What the media codecs know of this schema: names, types and OpenAPI xml objects.
    __openapi__: ClassVar[_schema.ModelSchema] = _schema.ModelSchema(
        name="ReportBase",
        xml=_schema.Xml("ReportBase", given=False),
        properties=(
            _schema.Property(
                "day",
                _schema.Scalar("string", format="date"),
                required=True,
                xml=_schema.Xml("day"),
                attribute="day",
                as_is=False,
            ),
        ),
        additional_properties=_schema.AnyValue(),
    )

    def to_dict(self) -> dict[str, Any]:
        day = self.day.isoformat()

        fields__: dict[str, Any] = {}
        fields__.update(self.additional_properties)
        fields__.update(
            {
                "day": day,
            }
        )

        return fields__

    # The template's own locals end in "__": no property's Python name, nor the generator's
    # "_<name>" temporaries, can be one of them.
    @classmethod
    def from_dict(cls__: type[T], src_dict: Mapping[str, Any]) -> T:  # noqa: N805
        data__ = dict(src_dict)
        day = datetime.date.fromisoformat(data__.pop("day"))

        instance__ = cls__(
            day=day,
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
