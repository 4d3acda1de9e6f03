"""An enum with a list of types beside it (tests/specs/edge/enum_type_list.yaml, Lago's
``CountryOrNull``: ``type: [string, "null"]``, ``enum: [AD, AE, null]``): one enum class and null,
read from a server's value or its null, where openapi-python-client made a union of one enum per
type listed, each with every value."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from conftest import edge_package
from wire import WireServer


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    with edge_package(tmp_path_factory.mktemp("enum_type_list"), "enum_type_list") as package:
        yield package


def test_one_enum_class_for_the_enum(package: Any) -> None:
    from enum_type_list import models  # type: ignore[import-not-found]

    enums = [name for name in models.__all__ if name.startswith("CountryOrNull")]
    assert len(enums) == 1
    assert {member.value for member in getattr(models, enums[0])} == {"AD", "AE"}


@pytest.mark.parametrize(
    ("answer", "country", "size"),
    [('{"country": "AE", "size": 2}', "AE", 2), ('{"country": null, "size": "large"}', None, "large")],
)
@pytest.mark.parametrize("strict", [False, True])
def test_a_value_or_null_reads_as_the_enum_or_none(
    package: Any, wire: WireServer, answer: str, country: str | None, size: object, strict: bool
) -> None:
    from enum_type_list.api.default import get_place  # type: ignore[import-not-found]

    wire.answer(200, "application/json", answer)
    with package.Client(base_url=wire.base_url, strict=strict) as client:
        result = get_place.sync(client=client)

    assert (result.country if result.country is None else result.country.value) == country
    assert getattr(result.size, "value", result.size) == size
