from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import _schema
from ..types import UNSET, Unset

T = TypeVar("T", bound="User")


@_attrs_define
class User:
    """
    Attributes:
        id (int | Unset):  Example: 10.
        username (str | Unset):  Example: theUser.
        first_name (str | Unset):  Example: John.
        last_name (str | Unset):  Example: James.
        email (str | Unset):  Example: john@email.com.
        password (str | Unset):  Example: 12345.
        phone (str | Unset):  Example: 12345.
        user_status (int | Unset): User Status Example: 1.
    """

    id: int | Unset = UNSET
    username: str | Unset = UNSET
    first_name: str | Unset = UNSET
    last_name: str | Unset = UNSET
    email: str | Unset = UNSET
    password: str | Unset = UNSET
    phone: str | Unset = UNSET
    user_status: int | Unset = UNSET
    # Unknown properties stay out of the repr: a server may send secrets the spec does not name.
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    # What the media codecs know of this schema: names, types and OpenAPI xml objects.
    __openapi__: ClassVar[_schema.ModelSchema] = _schema.ModelSchema(
        name="User",
        xml=_schema.Xml("user"),
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
                "username",
                _schema.Scalar("string"),
                required=False,
                xml=_schema.Xml("username"),
                attribute="username",
                as_is=True,
            ),
            _schema.Property(
                "firstName",
                _schema.Scalar("string"),
                required=False,
                xml=_schema.Xml("firstName"),
                attribute="first_name",
                as_is=True,
            ),
            _schema.Property(
                "lastName",
                _schema.Scalar("string"),
                required=False,
                xml=_schema.Xml("lastName"),
                attribute="last_name",
                as_is=True,
            ),
            _schema.Property(
                "email",
                _schema.Scalar("string"),
                required=False,
                xml=_schema.Xml("email"),
                attribute="email",
                as_is=True,
            ),
            _schema.Property(
                "password",
                _schema.Scalar("string"),
                required=False,
                xml=_schema.Xml("password"),
                attribute="password",
                as_is=True,
            ),
            _schema.Property(
                "phone",
                _schema.Scalar("string"),
                required=False,
                xml=_schema.Xml("phone"),
                attribute="phone",
                as_is=True,
            ),
            _schema.Property(
                "userStatus",
                _schema.Scalar("integer"),
                required=False,
                xml=_schema.Xml("userStatus"),
                attribute="user_status",
                as_is=True,
            ),
        ),
        additional_properties=_schema.AnyValue(),
    )

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        username = self.username

        first_name = self.first_name

        last_name = self.last_name

        email = self.email

        password = self.password

        phone = self.phone

        user_status = self.user_status

        fields__: dict[str, Any] = {}
        fields__.update(self.additional_properties)
        fields__.update({})
        if id is not UNSET:
            fields__["id"] = id
        if username is not UNSET:
            fields__["username"] = username
        if first_name is not UNSET:
            fields__["firstName"] = first_name
        if last_name is not UNSET:
            fields__["lastName"] = last_name
        if email is not UNSET:
            fields__["email"] = email
        if password is not UNSET:
            fields__["password"] = password
        if phone is not UNSET:
            fields__["phone"] = phone
        if user_status is not UNSET:
            fields__["userStatus"] = user_status

        return fields__

    # The template's own locals end in "__": no property's Python name, nor the generator's
    # "_<name>" temporaries, can be one of them.
    @classmethod
    def from_dict(cls__: type[T], src_dict: Mapping[str, Any]) -> T:  # noqa: N805
        data__ = dict(src_dict)
        id = data__.pop("id", UNSET)

        username = data__.pop("username", UNSET)

        first_name = data__.pop("firstName", UNSET)

        last_name = data__.pop("lastName", UNSET)

        email = data__.pop("email", UNSET)

        password = data__.pop("password", UNSET)

        phone = data__.pop("phone", UNSET)

        user_status = data__.pop("userStatus", UNSET)

        instance__ = cls__(
            id=id,
            username=username,
            first_name=first_name,
            last_name=last_name,
            email=email,
            password=password,
            phone=phone,
            user_status=user_status,
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
