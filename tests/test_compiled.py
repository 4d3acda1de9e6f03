"""The fast path (msgspec, compiled checks and builders) against the reference it stands in for.

The reference is the schema's own interpreted check, the standard library's JSON parser and the
generated ``from_dict``. The fast path must give the same value for every body the reference
accepts, and defer to the reference for every body it refuses: these properties run on
hypothesis data made from each model's schema, on the Partner Center models and on the Swagger
Petstore's golden record (nested models, lists of models, enums).
"""

from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from strategies import JSON_VALUES, objects

from partner_center_auth import ApiFault, TokenRequest, TokenResponse, errors, media
from partner_center_auth._schema import SchemaViolation

sys.path.insert(0, str(Path(__file__).resolve().parent / "golden" / "petstore3"))
petstore = importlib.import_module("petstore3_client.models")

MODELS = [TokenRequest, TokenResponse, ApiFault, petstore.Pet, petstore.Order, petstore.User, petstore.Category]


class Runtime:
    """The generic runtime of the package a model comes from: each package has its own copy."""

    def __init__(self, model: type[Any]) -> None:
        package = model.__module__.partition(".")[0]
        compiled = importlib.import_module(f"{package}._compiled")
        self.check_for, self.builder_for, self.counted = compiled.check_for, compiled.builder_for, compiled.counted
        self.Invalid = compiled.Invalid
        self.DeserializationError = importlib.import_module(f"{package}.errors").DeserializationError
        self.codec = importlib.import_module(f"{package}.media._json").JsonCodec()

    def reference_decode(self, content: bytes, document: Any) -> Any:
        return self.codec._decode_reference(content, document, None)


def names_and_strings(value: object) -> tuple[int, int]:
    """Counted independently of the compiled checks: member names, and string values."""
    if isinstance(value, dict):
        inner = [names_and_strings(item) for item in value.values()]
        return len(value) + sum(n for n, _ in inner), sum(s for _, s in inner)
    if isinstance(value, list):
        inner = [names_and_strings(item) for item in value]
        return sum(n for n, _ in inner), sum(s for _, s in inner)
    return 0, int(isinstance(value, str))


@pytest.mark.parametrize("model", MODELS, ids=lambda model: model.__name__)
@given(data=st.data())
def test_valid_data_reads_the_same_as_the_reference_and_builds_the_same_model(model: Any, data: Any) -> None:
    schema, runtime = model.__openapi__, Runtime(model)
    value = data.draw(objects(schema, "json"))
    content = runtime.codec.encode(value, schema.document, charset=None)

    assert json.loads(content) == value
    assert runtime.counted(runtime.check_for(schema)(value)) == names_and_strings(value)
    decoded = runtime.codec.decode(content, schema.document, charset=None)
    assert decoded == runtime.reference_decode(content, schema.document)
    try:
        expected = model.from_dict(decoded)
    except ValueError:  # a string the schema allows that the model's type does not (a date)
        with pytest.raises(ValueError):
            runtime.builder_for(model)(decoded)
    else:
        assert runtime.builder_for(model)(decoded) == expected


@pytest.mark.parametrize("model", MODELS, ids=lambda model: model.__name__)
@given(value=JSON_VALUES)
def test_a_compiled_check_is_never_laxer_than_the_reference(model: Any, value: object) -> None:
    schema, runtime = model.__openapi__, Runtime(model)
    for candidate in (value, {prop.name: value for prop in schema.properties}):
        try:
            runtime.check_for(schema)(candidate)
        except runtime.Invalid:
            continue
        assert schema.check(candidate) is candidate  # the reference accepts it too


@pytest.mark.parametrize("model", MODELS, ids=lambda model: model.__name__)
@given(data=st.data(), value=JSON_VALUES)
def test_any_body_reads_as_the_reference_reads_it(model: Any, data: Any, value: object) -> None:
    """Valid or not: the same value, or an error in both."""
    schema, runtime = model.__openapi__, Runtime(model)
    base = data.draw(objects(schema, "json"))
    name = data.draw(st.sampled_from([*base, "extra"])) if base else "extra"
    content = json.dumps(base | {name: value}).encode()
    try:
        expected = runtime.reference_decode(content, schema.document)
    except runtime.DeserializationError:
        with pytest.raises(runtime.DeserializationError):
            runtime.codec.decode(content, schema.document, charset=None)
    else:
        assert runtime.codec.decode(content, schema.document, charset=None) == expected


TWICE = {
    "at the top": b'{"access_token":"a","access_token":"b"}',
    "with spaces": b'{"access_token": "a", "access_token" : "b"}',
    "among extras": b'{"access_token":"a","x":1,"x":2}',
    "nested in an extra": b'{"access_token":"a","x":{"k":1,"k":2}}',
    "in a list in an extra": b'{"access_token":"a","x":[{"k":1,"k":2}]}',
    # Strings that hold what a name looks like, to make up for the name dropped.
    "hidden by a quote in a string": b'{"access_token":"a","access_token":"b","s":"\\":"}',
    "hidden by an escaped quote": b'{"access_token":"a","access_token":"b","s":"\\u0022:"}',
    "hidden by an escaped colon": b'{"access_token":"a","access_token":"b","s":"\\":\\u003a"}',
}


@pytest.mark.parametrize("content", TWICE.values(), ids=list(TWICE))
def test_a_member_name_given_twice_is_refused_however_it_is_written(content: bytes) -> None:
    with pytest.raises(errors.DeserializationError, match="duplicate member names"):
        media.decode(content, TokenResponse.__openapi__.document, "application/json")


def test_strings_that_look_like_names_are_read_as_they_are() -> None:
    content = b'{"access_token":"a\\":b","x":"c\\" :","y":"\\u0022:"}'
    token = media.deserialize(TokenResponse, content, "application/json")
    assert (token.access_token, token.additional_properties) == ('a":b', {"x": 'c" :', "y": '":'})


def test_what_json_cannot_carry_is_refused_on_writing_as_before() -> None:
    for data in ({"access_token": "a", "x": float("nan")}, {"access_token": "a", "x": b"bytes"}, {"access_token": 1}):
        with pytest.raises(errors.SerializationError):
            media.encode(data, TokenResponse.__openapi__.document, "application/json")


def test_a_violation_is_worded_by_the_reference() -> None:
    with pytest.raises(errors.DeserializationError) as caught:
        media.decode(b'{"code":1,"data":{"k":"v"}}', ApiFault.__openapi__.document, "application/json")
    assert "$.data: expected array, got object" in str(caught.value)
    with pytest.raises(SchemaViolation):
        ApiFault.__openapi__.check({"data": {}})
