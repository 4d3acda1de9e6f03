from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import _schema
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.report_rows import ReportRows


T = TypeVar("T", bound="Report")


@_attrs_define
class Report:
    """
    Attributes:
        day (datetime.date):
        total (float | Unset):
        rows (ReportRows | Unset):
    """

    day: datetime.date
    total: float | Unset = UNSET
    rows: ReportRows | Unset = UNSET
    # Unknown properties stay out of the repr: a server may send secrets the spec does not name.
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    # What the media codecs know of this schema: names, types and OpenAPI xml objects.
    __openapi__: ClassVar[_schema.ModelSchema] = _schema.ModelSchema(
        name="Report",
        xml=_schema.Xml("Report", given=False),
        properties=(
            _schema.Property(
                "day",
                _schema.Scalar("string", format="date"),
                required=True,
                xml=_schema.Xml("day"),
                attribute="day",
                as_is=False,
            ),
            _schema.Property(
                "total",
                _schema.Scalar("number"),
                required=False,
                xml=_schema.Xml("total"),
                attribute="total",
                as_is=True,
            ),
            _schema.Property(
                "rows",
                _schema.ModelRef("models.report_rows", "ReportRows"),
                required=False,
                xml=_schema.Xml("rows"),
                attribute="rows",
                as_is=False,
            ),
        ),
        additional_properties=_schema.AnyValue(),
    )

    def to_dict(self) -> dict[str, Any]:
        day = self.day.isoformat()

        total = self.total

        rows: dict[str, Any] | Unset = UNSET
        if not isinstance(self.rows, Unset):
            rows = self.rows.to_dict()

        fields__: dict[str, Any] = {}
        fields__.update(self.additional_properties)
        fields__.update(
            {
                "day": day,
            }
        )
        if total is not UNSET:
            fields__["total"] = total
        if rows is not UNSET:
            fields__["rows"] = rows

        return fields__

    # The template's own locals end in "__": no property's Python name, nor the generator's
    # "_<name>" temporaries, can be one of them.
    @classmethod
    def from_dict(cls__: type[T], src_dict: Mapping[str, Any]) -> T:  # noqa: N805
        from ..models.report_rows import ReportRows  # noqa: PLC0415

        data__ = dict(src_dict)
        day = datetime.date.fromisoformat(data__.pop("day"))

        total = data__.pop("total", UNSET)

        _rows = data__.pop("rows", UNSET)
        rows: ReportRows | Unset
        if isinstance(_rows, Unset):
            rows = UNSET
        else:
            rows = ReportRows.from_dict(_rows)

        instance__ = cls__(
            day=day,
            total=total,
            rows=rows,
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
