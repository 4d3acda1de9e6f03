"""The spec's validation finds what openapi-spec-validator's own validator finds: the same errors,
in the same order, with the same paths, whether its OpenAPI schema is crawled once (the registry
only finds each anchor sooner) or each check is asked of jsonschema-rs first (the Python validator
then says only what jsonschema-rs found)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from openapi_spec_validator import OpenAPIV30SpecValidator, OpenAPIV31SpecValidator
from openapi_spec_validator.schemas.backend.jsonschema import create_validator

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

    # openapi-spec-validator's own, on its Python backend (it takes jsonschema-rs where installed).
    python = type(own.__name__, (own,), {"schema_validator": create_validator(own.schema_validator.schema)})

    crawled = _violations._validator_class(v31, quick=False)
    quick = _violations._validator_class(v31)

    assert issubclass(crawled, own)
    assert issubclass(quick, own)
    assert _errors(crawled(document)) == _errors(python(document))
    assert _errors(quick(document)) == _errors(python(document))


# What jsonschema-rs and Python's re judge apart: `\p{L}` is an ECMA pattern Python cannot compile
# (the Python validator refuses it), a named group `(?P<...>)` the reverse (it takes it); a
# reference with a space breaks the uri-reference format that the Python validator does not
# check; an integer beyond 64 bits; a schema in another dialect.
TRICKY = """
openapi: "{version}"
info: {{title: Tricky, version: "1"}}
paths: {{}}
components:
  schemas:
    Letters: {{type: string, pattern: '\\p{{L}}+'}}
    Named: {{type: string, pattern: '(?P<year>[0-9]{{4}})'}}
    Keys:
      type: object
      patternProperties: {{'\\p{{Lu}}': {{type: string}}}}
    Spaced: {{$ref: '#/components/schemas/Named Too'}}
    Named Too: {{type: string}}
    Huge: {{type: integer, maximum: 100000000000000000000000000000}}
    Bounded: {{type: integer, minimum: 1, default: 0}}
    Typo: {{type: strin}}
"""


@pytest.mark.parametrize("version", ["3.0.3", "3.1.0"])
def test_asking_jsonschema_rs_first_keeps_every_notice(version: str) -> None:
    document, _ = load(TRICKY.format(version=version))
    if version.startswith("3.1"):
        document["components"]["schemas"]["Draft7"] = {
            "$schema": "http://json-schema.org/draft-07/schema#",
            "type": "string",
            "pattern": "\\p{L}",
        }

    quick = [str(notice) for notice in _violations.violations(document)]

    assert quick == [str(notice) for notice in _violations.violations(document, quick=False)]
    said = "\n".join(quick)
    assert "#/components/schemas/Letters/pattern" in said  # refused by Python's re, as before
    assert "Named" not in said.replace("Named Too", "")  # taken by Python's re, as before
    assert "#/components/schemas/Typo" in said
    if version.startswith("3.1"):  # a key judged is placed on the mapping that holds it
        assert "#/components/schemas/Keys/patternProperties: '\\\\p{Lu}' is not a 'regex'" in said
