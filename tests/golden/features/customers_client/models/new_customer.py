from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import _schema
from ..models.status import Status
from ..models.tier import Tier
from ..types import UNSET, Unset

T = TypeVar("T", bound="NewCustomer")


@_attrs_define
class NewCustomer:
    """
    Attributes:
        name (str):
        email (str | Unset):
        status (Status | str | Unset):
        tier (Tier | int | Unset):
        birthday (datetime.date | Unset):
        active (bool | Unset):  Default: True.
        score (float | Unset):
        labels (list[str] | Unset):
        password (str | Unset):
    """

    name: str
    email: str | Unset = UNSET
    status: Status | str | Unset = UNSET
    tier: Tier | int | Unset = UNSET
    birthday: datetime.date | Unset = UNSET
    active: bool | Unset = True
    score: float | Unset = UNSET
    labels: list[str] | Unset = UNSET
    password: str | Unset = _attrs_field(default=UNSET, repr=False)
    # Unknown properties stay out of the repr: a server may send secrets the spec does not name.
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    # What the media codecs know of this schema: names, types and OpenAPI xml objects.
    __openapi__: ClassVar[_schema.ModelSchema] = _schema.ModelSchema(
        name="NewCustomer",
        xml=_schema.Xml("customer"),
        properties=(
            _schema.Property(
                "name",
                _schema.Scalar("string"),
                required=True,
                xml=_schema.Xml("name"),
                attribute="name",
                as_is=True,
            ),
            _schema.Property(
                "email",
                _schema.Scalar("string", pattern="^[^@]+@[^@]+$"),
                required=False,
                xml=_schema.Xml("email"),
                attribute="email",
                as_is=True,
            ),
            _schema.Property(
                "status",
                _schema.Scalar(
                    "string",
                    enum=(
                        "active",
                        "suspended",
                    ),
                ),
                required=False,
                xml=_schema.Xml("status"),
                attribute="status",
                as_is=True,
            ),
            _schema.Property(
                "tier",
                _schema.Scalar(
                    "integer",
                    enum=(
                        1,
                        2,
                        3,
                    ),
                ),
                required=False,
                xml=_schema.Xml("tier"),
                attribute="tier",
                as_is=True,
            ),
            _schema.Property(
                "birthday",
                _schema.Scalar("string", format="date"),
                required=False,
                xml=_schema.Xml("birthday"),
                attribute="birthday",
                as_is=False,
            ),
            _schema.Property(
                "active",
                _schema.Scalar("boolean"),
                required=False,
                xml=_schema.Xml("active"),
                attribute="active",
                as_is=True,
            ),
            _schema.Property(
                "score",
                _schema.Scalar("number"),
                required=False,
                xml=_schema.Xml("score"),
                attribute="score",
                as_is=True,
            ),
            _schema.Property(
                "labels",
                _schema.ArrayOf(_schema.Scalar("string"), item_xml=_schema.Xml("label")),
                required=False,
                xml=_schema.Xml("labels", wrapped=True),
                attribute="labels",
                as_is=True,
            ),
            _schema.Property(
                "password",
                _schema.Scalar("string"),
                required=False,
                xml=_schema.Xml("password"),
                attribute="password",
                as_is=True,
                write_only=True,
            ),
        ),
        additional_properties=_schema.AnyValue(),
    )

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        email = self.email

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status

        tier: int | Unset = UNSET
        if not isinstance(self.tier, Unset):
            tier = self.tier

        birthday: str | Unset = UNSET
        if not isinstance(self.birthday, Unset):
            birthday = self.birthday.isoformat()

        active = self.active

        score = self.score

        labels: list[str] | Unset = UNSET
        if not isinstance(self.labels, Unset):
            labels = self.labels

        password = self.password

        fields__: dict[str, Any] = {}
        fields__.update(self.additional_properties)
        fields__.update(
            {
                "name": name,
            }
        )
        if email is not UNSET:
            fields__["email"] = email
        if status is not UNSET:
            fields__["status"] = status
        if tier is not UNSET:
            fields__["tier"] = tier
        if birthday is not UNSET:
            fields__["birthday"] = birthday
        if active is not UNSET:
            fields__["active"] = active
        if score is not UNSET:
            fields__["score"] = score
        if labels is not UNSET:
            fields__["labels"] = labels
        if password is not UNSET:
            fields__["password"] = password

        return fields__

    # The template's own locals end in "__": no property's Python name, nor the generator's
    # "_<name>" temporaries, can be one of them.
    @classmethod
    def from_dict(cls__: type[T], src_dict: Mapping[str, Any]) -> T:  # noqa: N805
        data__ = dict(src_dict)
        name = data__.pop("name")

        email = data__.pop("email", UNSET)

        _status = data__.pop("status", UNSET)
        status: Status | str | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = _schema.literal_member(
                _status,
                (
                    "active",
                    "suspended",
                ),
                "Status",
            )

        _tier = data__.pop("tier", UNSET)
        tier: Tier | int | Unset
        if isinstance(_tier, Unset):
            tier = UNSET
        else:
            tier = _schema.literal_member(
                _tier,
                (
                    1,
                    2,
                    3,
                ),
                "Tier",
            )

        _birthday = data__.pop("birthday", UNSET)
        birthday: datetime.date | Unset
        if isinstance(_birthday, Unset):
            birthday = UNSET
        else:
            birthday = datetime.date.fromisoformat(_birthday)

        active = data__.pop("active", UNSET)

        score = data__.pop("score", UNSET)

        labels: list[str] = data__.pop("labels", UNSET)

        password = data__.pop("password", UNSET)

        instance__ = cls__(
            name=name,
            email=email,
            status=status,
            tier=tier,
            birthday=birthday,
            active=active,
            score=score,
            labels=labels,
            password=password,
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
