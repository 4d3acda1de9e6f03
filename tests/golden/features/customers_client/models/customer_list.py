from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import _schema
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.customer import Customer


T = TypeVar("T", bound="CustomerList")


@_attrs_define
class CustomerList:
    """
    Attributes:
        items (list[Customer] | Unset):
        next_ (str | Unset):
    """

    items: list[Customer] | Unset = UNSET
    next_: str | Unset = UNSET
    # Unknown properties stay out of the repr: a server may send secrets the spec does not name.
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    # What the media codecs know of this schema: names, types and OpenAPI xml objects.
    __openapi__: ClassVar[_schema.ModelSchema] = _schema.ModelSchema(
        name="CustomerList",
        xml=_schema.Xml("customers"),
        properties=(
            _schema.Property(
                "items",
                _schema.ArrayOf(_schema.ModelRef("models.customer", "Customer")),
                required=False,
                xml=_schema.Xml("items"),
                attribute="items",
                as_is=False,
            ),
            _schema.Property(
                "next",
                _schema.Scalar("string"),
                required=False,
                xml=_schema.Xml("next"),
                attribute="next_",
                as_is=True,
            ),
        ),
        additional_properties=_schema.AnyValue(),
    )

    def to_dict(self) -> dict[str, Any]:
        items: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.items, Unset):
            items = []
            for items_item_data in self.items:
                items_item = items_item_data.to_dict()
                items.append(items_item)

        next_ = self.next_

        fields__: dict[str, Any] = {}
        fields__.update(self.additional_properties)
        fields__.update({})
        if items is not UNSET:
            fields__["items"] = items
        if next_ is not UNSET:
            fields__["next"] = next_

        return fields__

    # The template's own locals end in "__": no property's Python name, nor the generator's
    # "_<name>" temporaries, can be one of them.
    @classmethod
    def from_dict(cls__: type[T], src_dict: Mapping[str, Any]) -> T:  # noqa: N805
        from ..models.customer import Customer  # noqa: PLC0415

        data__ = dict(src_dict)
        _items = data__.pop("items", UNSET)
        items: list[Customer] | Unset = UNSET
        if _items is not UNSET:
            items = []
            for items_item_data in _items:
                items_item = Customer.from_dict(items_item_data)

                items.append(items_item)

        next_ = data__.pop("next", UNSET)

        instance__ = cls__(
            items=items,
            next_=next_,
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
