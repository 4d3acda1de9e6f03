from __future__ import annotations

import datetime
from collections.abc import Mapping
from io import BytesIO
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import _schema, types
from ..types import UNSET, File, Unset

T = TypeVar("T", bound="Upload")


@_attrs_define
class Upload:
    """
    Attributes:
        content (File):
        description (str | Unset):
        public (bool | Unset):
        taken (datetime.date | Unset):
        keywords (list[str] | Unset):
    """

    content: File
    description: str | Unset = UNSET
    public: bool | Unset = UNSET
    taken: datetime.date | Unset = UNSET
    keywords: list[str] | Unset = UNSET
    # Unknown properties stay out of the repr: a server may send secrets the spec does not name.
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    # What the media codecs know of this schema: names, types and OpenAPI xml objects.
    __openapi__: ClassVar[_schema.ModelSchema] = _schema.ModelSchema(
        name="Upload",
        xml=_schema.Xml("Upload", given=False),
        properties=(
            _schema.Property(
                "content",
                _schema.Binary(),
                required=True,
                xml=_schema.Xml("content"),
                attribute="content",
                as_is=False,
            ),
            _schema.Property(
                "description",
                _schema.Scalar("string"),
                required=False,
                xml=_schema.Xml("description"),
                attribute="description",
                as_is=True,
            ),
            _schema.Property(
                "public",
                _schema.Scalar("boolean"),
                required=False,
                xml=_schema.Xml("public"),
                attribute="public",
                as_is=True,
            ),
            _schema.Property(
                "taken",
                _schema.Scalar("string", format="date"),
                required=False,
                xml=_schema.Xml("taken"),
                attribute="taken",
                as_is=False,
            ),
            _schema.Property(
                "keywords",
                _schema.ArrayOf(_schema.Scalar("string")),
                required=False,
                xml=_schema.Xml("keywords"),
                attribute="keywords",
                as_is=True,
            ),
        ),
        additional_properties=_schema.AnyValue(),
    )

    def to_dict(self) -> dict[str, Any]:
        content = _schema.to_base64(self.content)

        description = self.description

        public = self.public

        taken: str | Unset = UNSET
        if not isinstance(self.taken, Unset):
            taken = self.taken.isoformat()

        keywords: list[str] | Unset = UNSET
        if not isinstance(self.keywords, Unset):
            keywords = self.keywords

        fields__: dict[str, Any] = {}
        fields__.update(self.additional_properties)
        fields__.update(
            {
                "content": content,
            }
        )
        if description is not UNSET:
            fields__["description"] = description
        if public is not UNSET:
            fields__["public"] = public
        if taken is not UNSET:
            fields__["taken"] = taken
        if keywords is not UNSET:
            fields__["keywords"] = keywords

        return fields__

    def to_multipart(self) -> types.RequestFiles:
        files: types.RequestFiles = []

        files.append(("content", self.content.to_tuple()))

        if not isinstance(self.description, Unset):
            files.append(("description", (None, str(self.description).encode(), "text/plain")))

        if not isinstance(self.public, Unset):
            files.append(("public", (None, b"true" if self.public else b"false", "text/plain")))

        if not isinstance(self.taken, Unset):
            files.append(("taken", (None, self.taken.isoformat().encode(), "text/plain")))

        if not isinstance(self.keywords, Unset):
            for keywords_item_element in self.keywords:
                files.append(("keywords", (None, str(keywords_item_element).encode(), "text/plain")))

        for prop_name, prop in self.additional_properties.items():
            files.append((prop_name, (None, str(prop).encode(), "text/plain")))

        return files

    # The template's own locals end in "__": no property's Python name, nor the generator's
    # "_<name>" temporaries, can be one of them.
    @classmethod
    def from_dict(cls__: type[T], src_dict: Mapping[str, Any]) -> T:  # noqa: N805
        data__ = dict(src_dict)
        content = File(payload=BytesIO(_schema.from_base64(data__.pop("content"))))

        description = data__.pop("description", UNSET)

        public = data__.pop("public", UNSET)

        _taken = data__.pop("taken", UNSET)
        taken: datetime.date | Unset
        if isinstance(_taken, Unset):
            taken = UNSET
        else:
            taken = datetime.date.fromisoformat(_taken)

        keywords: list[str] = data__.pop("keywords", UNSET)

        instance__ = cls__(
            content=content,
            description=description,
            public=public,
            taken=taken,
            keywords=keywords,
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
