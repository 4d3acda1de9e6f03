from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import _schema
from ..types import UNSET, Unset

T = TypeVar("T", bound="ApiFault")


@_attrs_define
class ApiFault:
    """The error body of Partner Center. Unknown properties are kept.

    Attributes:
        code (int | str | Unset): The error code. Documented as a string; real services send a number.
        description (str | Unset): What went wrong, for people.
        data (list[Any] | Unset): Details of some errors, of any shape.
        source (str | Unset): The service that raised the error, such as PartnerFD.
        is_retryable (bool | Unset): Whether the same request may succeed if sent again.
    """

    code: int | str | Unset = UNSET
    description: str | Unset = UNSET
    data: list[Any] | Unset = UNSET
    source: str | Unset = UNSET
    is_retryable: bool | Unset = UNSET
    # Unknown properties stay out of the repr: a server may send secrets the spec does not name.
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    # What the media codecs know of this schema: names, types and OpenAPI xml objects.
    __openapi__: ClassVar[_schema.ModelSchema] = _schema.ModelSchema(
        name="ApiFault",
        xml=_schema.Xml("ApiFault"),
        properties=(
            _schema.Property(
                "code",
                _schema.OneOf(
                    (
                        _schema.Scalar("integer"),
                        _schema.Scalar("string"),
                    )
                ),
                required=False,
                xml=_schema.Xml("code"),
                attribute="code",
                as_is=True,
            ),
            _schema.Property(
                "description",
                _schema.Scalar("string", max_length=1024),
                required=False,
                xml=_schema.Xml("description"),
                attribute="description",
                as_is=True,
            ),
            _schema.Property(
                "data",
                _schema.ArrayOf(_schema.AnyValue(), item_xml=_schema.Xml("item")),
                required=False,
                xml=_schema.Xml("data", wrapped=True),
                attribute="data",
                as_is=True,
            ),
            _schema.Property(
                "source",
                _schema.Scalar("string"),
                required=False,
                xml=_schema.Xml("source"),
                attribute="source",
                as_is=True,
            ),
            _schema.Property(
                "isRetryable",
                _schema.Scalar("boolean"),
                required=False,
                xml=_schema.Xml("isRetryable"),
                attribute="is_retryable",
                as_is=True,
            ),
        ),
        additional_properties=_schema.AnyValue(),
    )

    def to_dict(self) -> dict[str, Any]:
        code: int | str | Unset
        if isinstance(self.code, Unset):
            code = UNSET
        else:
            code = self.code

        description = self.description

        data: list[Any] | Unset = UNSET
        if not isinstance(self.data, Unset):
            data = self.data

        source = self.source

        is_retryable = self.is_retryable

        fields__: dict[str, Any] = {}
        fields__.update(self.additional_properties)
        fields__.update({})
        if code is not UNSET:
            fields__["code"] = code
        if description is not UNSET:
            fields__["description"] = description
        if data is not UNSET:
            fields__["data"] = data
        if source is not UNSET:
            fields__["source"] = source
        if is_retryable is not UNSET:
            fields__["isRetryable"] = is_retryable

        return fields__

    # The template's own locals end in "__": no property's Python name, nor the generator's
    # "_<name>" temporaries, can be one of them.
    @classmethod
    def from_dict(cls__: type[T], src_dict: Mapping[str, Any]) -> T:  # noqa: N805
        data__ = dict(src_dict)

        def _parse_code(data: object) -> int | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(int | str | Unset, data)

        code = _parse_code(data__.pop("code", UNSET))

        description = data__.pop("description", UNSET)

        data: list[Any] = data__.pop("data", UNSET)

        source = data__.pop("source", UNSET)

        is_retryable = data__.pop("isRetryable", UNSET)

        instance__ = cls__(
            code=code,
            description=description,
            data=data,
            source=source,
            is_retryable=is_retryable,
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
