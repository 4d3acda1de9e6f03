from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import _schema
from ..models.order_status import OrderStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="Order")


@_attrs_define
class Order:
    """
    Attributes:
        id (int | Unset):  Example: 10.
        pet_id (int | Unset):  Example: 198772.
        quantity (int | Unset):  Example: 7.
        ship_date (datetime.datetime | Unset):
        status (OrderStatus | str | Unset): Order Status Example: approved.
        complete (bool | Unset):
    """

    id: int | Unset = UNSET
    pet_id: int | Unset = UNSET
    quantity: int | Unset = UNSET
    ship_date: datetime.datetime | Unset = UNSET
    status: OrderStatus | str | Unset = UNSET
    complete: bool | Unset = UNSET
    # Unknown properties stay out of the repr: a server may send secrets the spec does not name.
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    # What the media codecs know of this schema: names, types and OpenAPI xml objects.
    __openapi__: ClassVar[_schema.ModelSchema] = _schema.ModelSchema(
        name="Order",
        xml=_schema.Xml("order"),
        properties=(
            _schema.Property(
                "id",
                _schema.Scalar("integer"),
                required=False,
                xml=_schema.Xml("id"),
                attribute="id",
                as_is=True,
            ),
            _schema.Property(
                "petId",
                _schema.Scalar("integer"),
                required=False,
                xml=_schema.Xml("petId"),
                attribute="pet_id",
                as_is=True,
            ),
            _schema.Property(
                "quantity",
                _schema.Scalar("integer"),
                required=False,
                xml=_schema.Xml("quantity"),
                attribute="quantity",
                as_is=True,
            ),
            _schema.Property(
                "shipDate",
                _schema.Scalar("string", format="date-time"),
                required=False,
                xml=_schema.Xml("shipDate"),
                attribute="ship_date",
                as_is=False,
            ),
            _schema.Property(
                "status",
                _schema.Scalar(
                    "string",
                    enum=(
                        "approved",
                        "delivered",
                        "placed",
                    ),
                ),
                required=False,
                xml=_schema.Xml("status"),
                attribute="status",
                as_is=False,
                enum=_schema.EnumRef("models.order_status", "OrderStatus"),
            ),
            _schema.Property(
                "complete",
                _schema.Scalar("boolean"),
                required=False,
                xml=_schema.Xml("complete"),
                attribute="complete",
                as_is=True,
            ),
        ),
        additional_properties=_schema.AnyValue(),
    )

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        pet_id = self.pet_id

        quantity = self.quantity

        ship_date: str | Unset = UNSET
        if not isinstance(self.ship_date, Unset):
            ship_date = self.ship_date.isoformat()

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value if isinstance(self.status, OrderStatus) else self.status

        complete = self.complete

        fields__: dict[str, Any] = {}
        fields__.update(self.additional_properties)
        fields__.update({})
        if id is not UNSET:
            fields__["id"] = id
        if pet_id is not UNSET:
            fields__["petId"] = pet_id
        if quantity is not UNSET:
            fields__["quantity"] = quantity
        if ship_date is not UNSET:
            fields__["shipDate"] = ship_date
        if status is not UNSET:
            fields__["status"] = status
        if complete is not UNSET:
            fields__["complete"] = complete

        return fields__

    # The template's own locals end in "__": no property's Python name, nor the generator's
    # "_<name>" temporaries, can be one of them.
    @classmethod
    def from_dict(cls__: type[T], src_dict: Mapping[str, Any]) -> T:  # noqa: N805
        data__ = dict(src_dict)
        id = data__.pop("id", UNSET)

        pet_id = data__.pop("petId", UNSET)

        quantity = data__.pop("quantity", UNSET)

        _ship_date = data__.pop("shipDate", UNSET)
        ship_date: datetime.datetime | Unset
        if isinstance(_ship_date, Unset):
            ship_date = UNSET
        else:
            ship_date = datetime.datetime.fromisoformat(_ship_date)

        _status = data__.pop("status", UNSET)
        status: OrderStatus | str | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = _schema.enum_member(OrderStatus, _status)

        complete = data__.pop("complete", UNSET)

        instance__ = cls__(
            id=id,
            pet_id=pet_id,
            quantity=quantity,
            ship_date=ship_date,
            status=status,
            complete=complete,
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
