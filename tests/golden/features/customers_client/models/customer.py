from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar, Literal, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import _schema
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.address import Address
    from ..models.contact import Contact


T = TypeVar("T", bound="Customer")


@_attrs_define
class Customer:
    """
    Attributes:
        kind (Literal['customer']):
        name (str):
        version (Literal[2] | Unset):
        verified (Literal[True] | Unset):
        created (datetime.datetime | Unset):
        nickname (None | str | Unset):
        address (Address | Unset):
        contacts (list[Contact] | Unset):
        reference (int | str | Unset):
        labels (list[str] | Unset):
        id (UUID | Unset):
    """

    kind: Literal["customer"]
    name: str
    version: Literal[2] | Unset = UNSET
    verified: Literal[True] | Unset = UNSET
    created: datetime.datetime | Unset = UNSET
    nickname: None | str | Unset = UNSET
    address: Address | Unset = UNSET
    contacts: list[Contact] | Unset = UNSET
    reference: int | str | Unset = UNSET
    labels: list[str] | Unset = UNSET
    id: UUID | Unset = UNSET
    # Unknown properties stay out of the repr: a server may send secrets the spec does not name.
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    # What the media codecs know of this schema: names, types and OpenAPI xml objects.
    __openapi__: ClassVar[_schema.ModelSchema] = _schema.ModelSchema(
        name="Customer",
        xml=_schema.Xml("customer", namespace="urn:example:customers"),
        properties=(
            _schema.Property(
                "id",
                _schema.Scalar("string", format="uuid"),
                required=True,
                xml=_schema.Xml("id"),
                attribute="id",
                as_is=False,
                read_only=True,
            ),
            _schema.Property(
                "kind",
                _schema.Scalar("string", enum=("customer",), const=True),
                required=True,
                xml=_schema.Xml("kind"),
                attribute="kind",
                as_is=True,
            ),
            _schema.Property(
                "version",
                _schema.Scalar("integer", enum=(2,), const=True),
                required=False,
                xml=_schema.Xml("version"),
                attribute="version",
                as_is=True,
            ),
            _schema.Property(
                "verified",
                _schema.Scalar("boolean", enum=(True,), const=True),
                required=False,
                xml=_schema.Xml("verified"),
                attribute="verified",
                as_is=True,
            ),
            _schema.Property(
                "name",
                _schema.Scalar("string"),
                required=True,
                xml=_schema.Xml("name"),
                attribute="name",
                as_is=True,
            ),
            _schema.Property(
                "created",
                _schema.Scalar("string", format="date-time"),
                required=False,
                xml=_schema.Xml("created"),
                attribute="created",
                as_is=False,
            ),
            _schema.Property(
                "nickname",
                _schema.OneOf(
                    (
                        _schema.Scalar("string"),
                        _schema.Null(),
                    )
                ),
                required=False,
                xml=_schema.Xml("nickname"),
                attribute="nickname",
                as_is=True,
            ),
            _schema.Property(
                "address",
                _schema.ModelRef("models.address", "Address"),
                required=False,
                xml=_schema.Xml("address"),
                attribute="address",
                as_is=False,
            ),
            _schema.Property(
                "contacts",
                _schema.ArrayOf(_schema.ModelRef("models.contact", "Contact")),
                required=False,
                xml=_schema.Xml("contacts"),
                attribute="contacts",
                as_is=False,
            ),
            _schema.Property(
                "reference",
                _schema.OneOf(
                    (
                        _schema.Scalar("integer"),
                        _schema.Scalar("string"),
                    )
                ),
                required=False,
                xml=_schema.Xml("reference"),
                attribute="reference",
                as_is=True,
            ),
            _schema.Property(
                "labels",
                _schema.ArrayOf(_schema.Scalar("string")),
                required=False,
                xml=_schema.Xml("labels"),
                attribute="labels",
                as_is=True,
            ),
        ),
        additional_properties=_schema.AnyValue(),
    )

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind

        name = self.name

        version = self.version

        verified = self.verified

        created: str | Unset = UNSET
        if not isinstance(self.created, Unset):
            created = self.created.isoformat()

        nickname: None | str | Unset
        if isinstance(self.nickname, Unset):
            nickname = UNSET
        else:
            nickname = self.nickname

        address: dict[str, Any] | Unset = UNSET
        if not isinstance(self.address, Unset):
            address = self.address.to_dict()

        contacts: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.contacts, Unset):
            contacts = []
            for contacts_item_data in self.contacts:
                contacts_item = contacts_item_data.to_dict()
                contacts.append(contacts_item)

        reference: int | str | Unset
        if isinstance(self.reference, Unset):
            reference = UNSET
        else:
            reference = self.reference

        labels: list[str] | Unset = UNSET
        if not isinstance(self.labels, Unset):
            labels = self.labels

        id: str | Unset = UNSET
        if not isinstance(self.id, Unset):
            id = str(self.id)

        fields__: dict[str, Any] = {}
        fields__.update(self.additional_properties)
        fields__.update(
            {
                "kind": kind,
                "name": name,
            }
        )
        if version is not UNSET:
            fields__["version"] = version
        if verified is not UNSET:
            fields__["verified"] = verified
        if created is not UNSET:
            fields__["created"] = created
        if nickname is not UNSET:
            fields__["nickname"] = nickname
        if address is not UNSET:
            fields__["address"] = address
        if contacts is not UNSET:
            fields__["contacts"] = contacts
        if reference is not UNSET:
            fields__["reference"] = reference
        if labels is not UNSET:
            fields__["labels"] = labels
        if id is not UNSET:
            fields__["id"] = id

        return fields__

    # The template's own locals end in "__": no property's Python name, nor the generator's
    # "_<name>" temporaries, can be one of them.
    @classmethod
    def from_dict(cls__: type[T], src_dict: Mapping[str, Any]) -> T:  # noqa: N805
        from ..models.address import Address  # noqa: PLC0415
        from ..models.contact import Contact  # noqa: PLC0415

        data__ = dict(src_dict)
        kind = cast(Literal["customer"], data__.pop("kind"))
        if kind != "customer":
            raise ValueError(f"kind must match const 'customer', got '{kind}'")

        name = data__.pop("name")

        version = cast(Literal[2] | Unset, data__.pop("version", UNSET))
        if version != 2 and not isinstance(version, Unset):
            raise ValueError(f"version must match const 2, got '{version}'")

        verified = cast(Literal[True] | Unset, data__.pop("verified", UNSET))
        if verified != True and not isinstance(verified, Unset):
            raise ValueError(f"verified must match const True, got '{verified}'")

        _created = data__.pop("created", UNSET)
        created: datetime.datetime | Unset
        if isinstance(_created, Unset):
            created = UNSET
        else:
            created = datetime.datetime.fromisoformat(_created)

        def _parse_nickname(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        nickname = _parse_nickname(data__.pop("nickname", UNSET))

        _address = data__.pop("address", UNSET)
        address: Address | Unset
        if isinstance(_address, Unset):
            address = UNSET
        else:
            address = Address.from_dict(_address)

        _contacts = data__.pop("contacts", UNSET)
        contacts: list[Contact] | Unset = UNSET
        if _contacts is not UNSET:
            contacts = []
            for contacts_item_data in _contacts:
                contacts_item = Contact.from_dict(contacts_item_data)

                contacts.append(contacts_item)

        def _parse_reference(data: object) -> int | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(int | str | Unset, data)

        reference = _parse_reference(data__.pop("reference", UNSET))

        labels: list[str] = data__.pop("labels", UNSET)

        _id = data__.pop("id", UNSET)
        id: UUID | Unset
        if isinstance(_id, Unset):
            id = UNSET
        else:
            id = UUID(_id)

        instance__ = cls__(
            kind=kind,
            name=name,
            version=version,
            verified=verified,
            created=created,
            nickname=nickname,
            address=address,
            contacts=contacts,
            reference=reference,
            labels=labels,
            id=id,
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
