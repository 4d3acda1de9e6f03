from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import _schema
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.entry import Entry


T = TypeVar("T", bound="Feed")


@_attrs_define
class Feed:
    """
    Attributes:
        title (str | Unset):
        entries (list[Entry] | Unset):
    """

    title: str | Unset = UNSET
    entries: list[Entry] | Unset = UNSET
    # Unknown properties stay out of the repr: a server may send secrets the spec does not name.
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    # What the media codecs know of this schema: names, types and OpenAPI xml objects.
    __openapi__: ClassVar[_schema.ModelSchema] = _schema.ModelSchema(
        name="Feed",
        xml=_schema.Xml("feed", namespace="http://www.w3.org/2005/Atom"),
        properties=(
            _schema.Property(
                "title",
                _schema.Scalar("string"),
                required=False,
                xml=_schema.Xml("title"),
                attribute="title",
                as_is=True,
            ),
            _schema.Property(
                "entries",
                _schema.ArrayOf(_schema.ModelRef("models.entry", "Entry")),
                required=False,
                xml=_schema.Xml("entries"),
                attribute="entries",
                as_is=False,
            ),
        ),
        additional_properties=_schema.AnyValue(),
    )

    def to_dict(self) -> dict[str, Any]:
        title = self.title

        entries: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.entries, Unset):
            entries = []
            for entries_item_data in self.entries:
                entries_item = entries_item_data.to_dict()
                entries.append(entries_item)

        fields__: dict[str, Any] = {}
        fields__.update(self.additional_properties)
        fields__.update({})
        if title is not UNSET:
            fields__["title"] = title
        if entries is not UNSET:
            fields__["entries"] = entries

        return fields__

    # The template's own locals end in "__": no property's Python name, nor the generator's
    # "_<name>" temporaries, can be one of them.
    @classmethod
    def from_dict(cls__: type[T], src_dict: Mapping[str, Any]) -> T:  # noqa: N805
        from ..models.entry import Entry  # noqa: PLC0415

        data__ = dict(src_dict)
        title = data__.pop("title", UNSET)

        _entries = data__.pop("entries", UNSET)
        entries: list[Entry] | Unset = UNSET
        if _entries is not UNSET:
            entries = []
            for entries_item_data in _entries:
                entries_item = Entry.from_dict(entries_item_data)

                entries.append(entries_item)

        instance__ = cls__(
            title=title,
            entries=entries,
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
