"""The generator's reading of a document keeps the parser's properties and reads what
openapi-python-client's own ``GeneratorData.from_dict`` reads: the same models, enums, operations
and problems, step for step."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from openapi_python_client.config import Config, ConfigFile, MetaType
from openapi_python_client.parser import GeneratorData
from openapi_python_client.parser.errors import GeneratorError

from pca_generator._parsed import Parsed
from pca_generator._yaml import load

SPECS = Path(__file__).resolve().parent.parent / "specs"


def _config() -> Config:
    return Config.from_sources(
        ConfigFile(), MetaType.NONE, document_source=Path("x"), file_encoding="utf-8", overwrite=True, output_path=None
    )


def _summary(openapi: GeneratorData) -> tuple[Any, ...]:
    return (
        sorted(model.class_info.name for model in openapi.models),
        sorted(enum.class_info.name for enum in openapi.enums),
        sorted(
            (str(tag), endpoint.name, [str(response.status_code.pattern) for response in endpoint.responses])
            for tag, collection in openapi.endpoint_collections_by_tag.items()
            for endpoint in collection.endpoints
        ),
        sorted(str(error.header) for error in openapi.errors),
    )


@pytest.mark.parametrize(
    "spec", ["petstore3.yaml", "features.yaml", "public/frigate.yaml", "invalid/deepgram.yaml"], ids=str
)
def test_parsed_reads_what_the_parser_reads_with_its_properties(spec: str) -> None:
    document, _ = load((SPECS / spec).read_text(encoding="utf-8"))

    ours = Parsed.read(document, config=_config())
    stock = GeneratorData.from_dict(document, config=_config())

    assert isinstance(ours, Parsed)
    assert isinstance(stock, GeneratorData)
    assert _summary(ours) == _summary(stock)
    names = {model.class_info.name for model in ours.models}
    assert names <= set(ours.schemas.classes_by_name)  # every model among the properties kept


def test_a_document_the_parser_cannot_read_is_its_error() -> None:
    assert isinstance(Parsed.read({"openapi": "3.0.3"}, config=_config()), GeneratorError)
