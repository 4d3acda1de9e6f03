from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import _schema
from ..models.pet_status import PetStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.category import Category
    from ..models.tag import Tag


T = TypeVar("T", bound="Pet")


@_attrs_define
class Pet:
    """
    Attributes:
        name (str):  Example: doggie.
        photo_urls (list[str]):
        id (int | Unset):  Example: 10.
        category (Category | Unset):
        tags (list[Tag] | Unset):
        status (PetStatus | str | Unset): pet status in the store
    """

    name: str
    photo_urls: list[str]
    id: int | Unset = UNSET
    category: Category | Unset = UNSET
    tags: list[Tag] | Unset = UNSET
    status: PetStatus | str | Unset = UNSET
    # Unknown properties stay out of the repr: a server may send secrets the spec does not name.
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=False)

    # What the media codecs know of this schema: names, types and OpenAPI xml objects.
    __openapi__: ClassVar[_schema.ModelSchema] = _schema.ModelSchema(
        name="Pet",
        xml=_schema.Xml("pet"),
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
                "name",
                _schema.Scalar("string"),
                required=True,
                xml=_schema.Xml("name"),
                attribute="name",
                as_is=True,
            ),
            _schema.Property(
                "category",
                _schema.ModelRef("models.category", "Category"),
                required=False,
                xml=_schema.Xml("category"),
                attribute="category",
                as_is=False,
            ),
            _schema.Property(
                "photoUrls",
                _schema.ArrayOf(_schema.Scalar("string"), item_xml=_schema.Xml("photoUrl")),
                required=True,
                xml=_schema.Xml("photoUrls", wrapped=True),
                attribute="photo_urls",
                as_is=True,
            ),
            _schema.Property(
                "tags",
                _schema.ArrayOf(_schema.ModelRef("models.tag", "Tag")),
                required=False,
                xml=_schema.Xml("tags", wrapped=True),
                attribute="tags",
                as_is=False,
            ),
            _schema.Property(
                "status",
                _schema.Scalar(
                    "string",
                    enum=(
                        "available",
                        "pending",
                        "sold",
                    ),
                ),
                required=False,
                xml=_schema.Xml("status"),
                attribute="status",
                as_is=False,
                enum=_schema.EnumRef("models.pet_status", "PetStatus"),
            ),
        ),
        additional_properties=_schema.AnyValue(),
    )

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        photo_urls = self.photo_urls

        id = self.id

        category: dict[str, Any] | Unset = UNSET
        if not isinstance(self.category, Unset):
            category = self.category.to_dict()

        tags: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.tags, Unset):
            tags = []
            for tags_item_data in self.tags:
                tags_item = tags_item_data.to_dict()
                tags.append(tags_item)

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value if isinstance(self.status, PetStatus) else self.status

        fields__: dict[str, Any] = {}
        fields__.update(self.additional_properties)
        fields__.update(
            {
                "name": name,
                "photoUrls": photo_urls,
            }
        )
        if id is not UNSET:
            fields__["id"] = id
        if category is not UNSET:
            fields__["category"] = category
        if tags is not UNSET:
            fields__["tags"] = tags
        if status is not UNSET:
            fields__["status"] = status

        return fields__

    # The template's own locals end in "__": no property's Python name, nor the generator's
    # "_<name>" temporaries, can be one of them.
    @classmethod
    def from_dict(cls__: type[T], src_dict: Mapping[str, Any]) -> T:  # noqa: N805
        from ..models.category import Category  # noqa: PLC0415
        from ..models.tag import Tag  # noqa: PLC0415

        data__ = dict(src_dict)
        name = data__.pop("name")

        photo_urls: list[str] = data__.pop("photoUrls")

        id = data__.pop("id", UNSET)

        _category = data__.pop("category", UNSET)
        category: Category | Unset
        if isinstance(_category, Unset):
            category = UNSET
        else:
            category = Category.from_dict(_category)

        _tags = data__.pop("tags", UNSET)
        tags: list[Tag] | Unset = UNSET
        if _tags is not UNSET:
            tags = []
            for tags_item_data in _tags:
                tags_item = Tag.from_dict(tags_item_data)

                tags.append(tags_item)

        _status = data__.pop("status", UNSET)
        status: PetStatus | str | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = _schema.enum_member(PetStatus, _status)

        instance__ = cls__(
            name=name,
            photo_urls=photo_urls,
            id=id,
            category=category,
            tags=tags,
            status=status,
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
