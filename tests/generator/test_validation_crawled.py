"""The spec's validation with openapi-spec-validator's OpenAPI schema crawled once finds what
openapi-spec-validator's own validator finds: the same errors, in the same order, with the same
paths (the registry only finds each anchor sooner)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from openapi_spec_validator import OpenAPIV30SpecValidator, OpenAPIV31SpecValidator

from conftest import SPECS
from pca_generator import _violations
from pca_generator._repair import repair
from pca_generator._yaml import load, plain

SPECS_WITH_DEFECTS = [
    SPECS / "invalid" / "deepgram.yaml",  # 3.1: schemas that break the dialect, defaults that break their schema
    SPECS / "invalid" / "pingone-metrics.yaml",  # 3.1
    SPECS / "invalid" / "manticore.yaml",
    SPECS / "petstore-expanded.yaml",  # 3.0, valid
]


def _errors(validator: Any) -> list[tuple[str, tuple[object, ...], tuple[object, ...]]]:
    return [
        (str(error.message), tuple(error.absolute_path), tuple(getattr(error, "schema_path", ()) or ()))
        for error in validator.iter_errors()
    ]


@pytest.mark.parametrize("spec", SPECS_WITH_DEFECTS, ids=lambda path: path.name)
def test_the_crawled_validator_finds_what_the_validator_finds(spec: Path) -> None:
    document, _ = load(spec.read_text(encoding="utf-8"))
    repair(document)
    plain(document)
    v31 = str(document["openapi"]).startswith("3.1")
    own = OpenAPIV31SpecValidator if v31 else OpenAPIV30SpecValidator

    crawled = _violations._validator_class(v31)

    assert issubclass(crawled, own)
    assert crawled.schema_validator is not own.schema_validator
    assert _errors(crawled(document)) == _errors(own(document))
