"""The parser's copies of an operation keep its models (``_shared_models``): same package, less work."""

from __future__ import annotations

import copy
import copyreg
from pathlib import Path

import pytest
from openapi_python_client.parser.properties import ModelProperty

from pca_generator import _generate
from pca_generator._errors import GenerationError
from pca_generator._shared_models import models_shared

SPECS = Path(__file__).resolve().parent.parent / "specs"


def _a_model() -> ModelProperty:
    """A model of a real parse (the generator's own object, not one made up here)."""
    from openapi_python_client.config import Config, ConfigFile, MetaType
    from openapi_python_client.parser import GeneratorData

    from pca_generator._yaml import load

    document, _ = load((SPECS / "petstore3.yaml").read_text(encoding="utf-8"))
    config = Config.from_sources(
        ConfigFile(), MetaType.NONE, document_source=Path("x"), file_encoding="utf-8", overwrite=True, output_path=None
    )
    parsed = GeneratorData.from_dict(document, config=config)
    assert isinstance(parsed, GeneratorData)
    return parsed.models[0]


def test_while_the_parser_runs_an_operations_copy_keeps_its_models() -> None:
    model = _a_model()
    operation: dict[str, list[object]] = {"responses": [model], "path": ["/pet/{petId}"]}
    with models_shared():
        copied = copy.deepcopy(operation)
    assert copied["responses"][0] is model  # kept
    assert copied["path"] is not operation["path"]  # the rest is copied as before
    after = copy.deepcopy(operation)
    assert after["responses"][0] is not model  # and outside the parse, a model is copied again
    assert isinstance(after["responses"][0], ModelProperty)
    assert after["responses"][0].class_info == model.class_info


def test_the_copy_table_is_left_as_it_was_however_generation_ends(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = dict(copyreg.dispatch_table)
    _generate.generate(SPECS / "petstore3.yaml", SPECS / "petstore3.config.yaml", tmp_path / "out")
    assert copyreg.dispatch_table == before

    class Crashing:  # a parser that crashes mid-parse, as stock's does on some specs
        @staticmethod
        def read(document: object, *, config: object) -> object:
            assert ModelProperty in copyreg.dispatch_table
            raise RuntimeError("crashed")

    monkeypatch.setattr(_generate, "Parsed", Crashing)
    with pytest.raises(GenerationError, match="crashed"):
        _generate.generate(SPECS / "petstore3.yaml", SPECS / "petstore3.config.yaml", tmp_path / "again")
    assert copyreg.dispatch_table == before
