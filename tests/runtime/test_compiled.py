"""The fast path (msgspec, compiled checks and builders) against the reference it stands in for.

The reference is the schema's own interpreted check, the standard library's JSON parser and the
generated ``from_dict``. The fast path must give the same value for every body the reference
accepts, and defer to the reference for every body it refuses: these properties run on
hypothesis data made from each model's schema, on the Partner Center models and on the Swagger
Petstore of the spec corpus (nested models, lists of models, enums).
"""

from __future__ import annotations

import copy
import importlib
import inspect
import json
import sys
import traceback
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from strategies import JSON_VALUES, objects

from partner_center_auth import ApiFault, TokenRequest, TokenResponse, errors, media
from partner_center_auth._compiled import Invalid, builder_for, check_for
from partner_center_auth._schema import ArrayOf, OneOf, Scalar, SchemaViolation

MODELS = {"TokenRequest": TokenRequest, "TokenResponse": TokenResponse, "ApiFault": ApiFault}
PETSTORE_MODELS = ("Pet", "Order", "User", "Category")
KENNEL_MODELS = ("kennel.Pet",)


@pytest.fixture(scope="module", params=[*MODELS, *PETSTORE_MODELS, *KENNEL_MODELS])
def model(request: pytest.FixtureRequest, corpus: Path) -> Any:
    """This package's models, Petstore's (nested models, lists of models, enums) and the liberal
    reading spec's (every length, bound and format) from the corpus."""
    if request.param in MODELS:
        return MODELS[request.param]
    if request.param in KENNEL_MODELS:
        return getattr(importlib.import_module("kennel_client.models"), request.param.partition(".")[2])
    return getattr(importlib.import_module("petstore3_client.models"), request.param)


class Runtime:
    """The generic runtime of the package a model comes from: each package has its own copy."""

    def __init__(self, model: type[Any]) -> None:
        package = model.__module__.partition(".")[0]
        compiled = importlib.import_module(f"{package}._compiled")
        self.check_for, self.builder_for, self.counted = compiled.check_for, compiled.builder_for, compiled.counted
        self.Invalid = compiled.Invalid
        self.DeserializationError = importlib.import_module(f"{package}.errors").DeserializationError
        self.SerializationError = importlib.import_module(f"{package}.errors").SerializationError
        self.SchemaViolation = importlib.import_module(f"{package}._schema").SchemaViolation
        self.codec = importlib.import_module(f"{package}.media._json").JsonCodec()
        self.media = importlib.import_module(f"{package}.media")

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


@given(value=JSON_VALUES)
def test_a_compiled_check_is_never_laxer_than_the_reference(model: Any, value: object) -> None:
    schema, runtime = model.__openapi__, Runtime(model)
    for candidate in (value, {prop.name: value for prop in schema.properties}):
        try:
            runtime.check_for(schema)(candidate)
        except runtime.Invalid:
            continue
        assert schema.check(candidate) is candidate  # the reference accepts it too


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


# Liberal reading: the same oracle, on data that may break every constraint but no structure.


@given(data=st.data())
def test_a_liberal_read_keeps_what_the_reference_keeps_and_builds_the_same_model(model: Any, data: Any) -> None:
    schema, runtime = model.__openapi__, Runtime(model)
    value = data.draw(objects(schema.relaxed(), "json"))  # any value of the right types and structure
    content = json.dumps(value).encode()
    kept: list[tuple[str, str]] = []

    decoded = runtime.media.decode(content, schema.document, "application/json", kept=kept)

    expected = runtime.reference_decode(content, schema.document.relaxed())
    assert decoded == expected == value
    assert kept == schema.breaks(expected)
    strict_accepts = True
    try:
        schema.check(value)
    except runtime.SchemaViolation:
        strict_accepts = False
    assert strict_accepts == (kept == [])  # nothing kept exactly when a strict read accepts it
    if not strict_accepts:
        with pytest.raises(runtime.DeserializationError):
            runtime.media.decode(content, schema.document, "application/json")
    try:
        built = model.from_dict(decoded)
    except ValueError:  # a string the schema allows that the model's type does not (a date)
        with pytest.raises(ValueError):
            runtime.builder_for(model)(decoded)
    else:
        assert runtime.builder_for(model)(decoded) == built


@given(value=JSON_VALUES)
def test_a_compiled_relaxed_check_is_never_laxer_than_the_reference(model: Any, value: object) -> None:
    relaxed, runtime = model.__openapi__.relaxed(), Runtime(model)
    for candidate in (value, {prop.name: value for prop in relaxed.properties}):
        try:
            runtime.check_for(relaxed)(candidate)
        except runtime.Invalid:
            continue
        assert relaxed.check(candidate) is candidate


@given(data=st.data(), value=JSON_VALUES)
def test_any_body_reads_liberally_as_the_reference_reads_it(model: Any, data: Any, value: object) -> None:
    """Valid or not: the same value and the same kept constraints, or an error in both."""
    schema, runtime = model.__openapi__, Runtime(model)
    base = data.draw(objects(schema.relaxed(), "json"))
    name = data.draw(st.sampled_from([*base, "extra"])) if base else "extra"
    content = json.dumps(base | {name: value}).encode()
    kept: list[tuple[str, str]] = []
    try:
        expected = runtime.reference_decode(content, schema.document.relaxed())
    except runtime.DeserializationError:
        with pytest.raises(runtime.DeserializationError):
            runtime.media.decode(content, schema.document, "application/json", kept=kept)
    else:
        assert runtime.media.decode(content, schema.document, "application/json", kept=kept) == expected
        assert kept == schema.breaks(expected)


# One pass: a body of a model, or of a list of models, checked and built by the compiled reader,
# against the compiled check and the loader (and, for what they refuse, the reference).


def _bodies(model: Any) -> tuple[Any, Any]:
    """The body of the model and the body of a list of it, as the generated endpoint modules describe them."""
    described = importlib.import_module(f"{model.__module__.partition('.')[0]}._schema")
    ref = described.ModelRef(model.__module__.partition(".")[2], model.__name__)
    return described.Document(ref), described.Document(described.ArrayOf(ref))


@given(data=st.data())
def test_a_liberal_read_of_a_list_keeps_what_the_reference_keeps_in_one_relaxed_read(model: Any, data: Any) -> None:
    """Items valid, loose or mixed: the value and the kept constraints of the reference's two reads
    (strict, then relaxed and its ``breaks`` walked item by item)."""
    schema, runtime = model.__openapi__, Runtime(model)
    _, many = _bodies(model)
    items = data.draw(
        st.lists(st.one_of(objects(schema, "json"), objects(schema.relaxed(), "json")), min_size=1, max_size=12)
    )
    content = json.dumps(items).encode()
    kept: list[tuple[str, str]] = []

    decoded = runtime.media.decode(content, many, "application/json", kept=kept)

    expected = runtime.reference_decode(content, many.relaxed())
    assert decoded == expected == items
    assert kept == many.schema.breaks(expected, "$")  # the reference's own walk


@given(data=st.data())
def test_valid_data_reads_in_one_pass_as_checked_then_built(model: Any, data: Any) -> None:
    schema, runtime = model.__openapi__, Runtime(model)
    one, many = _bodies(model)
    reader = importlib.import_module(f"{model.__module__.partition('.')[0]}._compiled").reader_for
    values = data.draw(st.lists(objects(schema, "json"), min_size=1, max_size=3))
    try:
        expected = [runtime.builder_for(model)(value) for value in values]
    except ValueError:  # a string the schema allows that the model's type does not (a date)
        assume(False)
    count = sum(runtime.check_for(schema)(value) for value in values)

    assert reader(one.schema)(copy.deepcopy(values[0])) == (expected[0], runtime.check_for(schema)(values[0]))
    assert reader(many.schema)(copy.deepcopy(values)) == (expected, count)


@given(value=JSON_VALUES)
def test_a_compiled_reader_is_never_laxer_than_the_reference(model: Any, value: object) -> None:
    schema, runtime = model.__openapi__, Runtime(model)
    reader = importlib.import_module(f"{model.__module__.partition('.')[0]}._compiled").reader_for
    one, many = _bodies(model)
    for candidate in (value, {prop.name: value for prop in schema.properties}):
        for document, body in ((one, candidate), (many, [candidate])):
            try:
                reader(document.schema)(copy.deepcopy(body))
            except (runtime.Invalid, KeyError):
                continue
            assert document.schema.check(body, "$") == body  # the reference accepts it too


@given(data=st.data(), value=JSON_VALUES, strict=st.booleans())
def test_any_body_reads_in_one_pass_as_the_reference_reads_it_then_builds(
    model: Any, data: Any, value: object, strict: bool
) -> None:
    """Valid or not, strict or liberal: the same models and the same kept constraints, or an error in both."""
    schema, runtime = model.__openapi__, Runtime(model)
    base = data.draw(objects(schema.relaxed(), "json"))
    name = data.draw(st.sampled_from([*base, "extra", None]))
    body = base if name is None else base | {name: value}
    one, many = _bodies(model)
    document, body = data.draw(st.sampled_from([(one, body), (many, [body, base])]))
    load = (
        runtime.builder_for(model) if document is one else lambda items: [runtime.builder_for(model)(i) for i in items]
    )
    content = json.dumps(body).encode()
    kept: list[tuple[str, str]] | None = None if strict else []
    relaxed = document if strict else document.relaxed()
    try:
        expected = load(runtime.reference_decode(content, relaxed))
    except (runtime.DeserializationError, ValueError):
        with pytest.raises(runtime.DeserializationError):
            runtime.media.read(content, document, "application/json", load, kept=kept)
        return
    assert runtime.media.read(content, document, "application/json", load, kept=kept) == expected
    if kept is not None:
        assert kept == document.schema.breaks(runtime.reference_decode(content, relaxed), "$")


# The bodies are drawn for JSON's range of text; XML cannot carry some of it (control characters),
# and those are left out: at times most of a run's first draws.
@settings(suppress_health_check=[HealthCheck.filter_too_much, HealthCheck.too_slow])
@given(data=st.data(), strict=st.booleans())
def test_an_xml_body_reads_in_one_pass_as_it_decodes_then_builds(model: Any, data: Any, strict: bool) -> None:
    """The plan's data checked and built by the reader: what decoding and the loader give, or an error in both."""
    schema, runtime = model.__openapi__, Runtime(model)
    xml = importlib.import_module(f"{model.__module__.partition('.')[0]}.media._xml")
    one, many = _bodies(model)
    body = data.draw(objects(schema.relaxed(), "xml"))
    document, body = data.draw(st.sampled_from([(one, body), (many, [body])]))
    load = (
        runtime.builder_for(model) if document is one else lambda items: [runtime.builder_for(model)(i) for i in items]
    )
    try:
        content = xml.XmlCodec().encode(body, document.relaxed(), charset=None)
    except runtime.SerializationError:  # text XML cannot carry (control characters)
        assume(False)
    kept: list[tuple[str, str]] | None = None if strict else []
    expected_kept: list[tuple[str, str]] | None = None if strict else []
    try:
        expected = load(runtime.media.decode(content, document, "application/xml", kept=expected_kept))
    except (runtime.DeserializationError, ValueError):
        with pytest.raises(runtime.DeserializationError):
            runtime.media.read(content, document, "application/xml", load, kept=kept)
        return
    assert runtime.media.read(content, document, "application/xml", load, kept=kept) == expected
    assert kept == expected_kept


def test_a_refusal_of_the_one_pass_is_worded_by_the_reference() -> None:
    from partner_center_auth._schema import Document, ModelRef

    document = Document(ModelRef("models.api_fault", "ApiFault"))
    with pytest.raises(errors.DeserializationError) as caught:
        media.read(b'{"code":1,"data":{"k":"v"}}', document, "application/json", builder_for(ApiFault))
    assert "$.data: expected array, got object" in str(caught.value)
    with pytest.raises(errors.DeserializationError, match="duplicate member names"):
        media.read(b'{"code":1,"code":2}', document, "application/json", builder_for(ApiFault))


# Writes: a model's compiled dumper against to_dict, and against the reference check for what it refuses.


@given(data=st.data(), value=JSON_VALUES)
def test_a_compiled_dumper_writes_what_to_dict_writes_or_leaves_it_to_the_reference(
    model: Any, data: Any, value: object
) -> None:
    schema, runtime = model.__openapi__, Runtime(model)
    dumper = importlib.import_module(f"{model.__module__.partition('.')[0]}._compiled").dumper_for
    one, _ = _bodies(model)
    try:
        instance = model.from_dict(data.draw(objects(schema, "json")))
    except ValueError:  # a string the schema allows that the model's type does not (a date)
        assume(False)
    if data.draw(st.booleans()):  # any value in any attribute, as a caller may set it
        attribute = (
            data.draw(st.sampled_from([prop.attribute for prop in schema.properties])) if schema.properties else None
        )
        if attribute is not None:
            setattr(instance, attribute, value)
    try:
        expected = instance.to_dict()
        schema.check(expected)
    except (SchemaViolation, runtime.SchemaViolation, AttributeError, TypeError, ValueError):
        expected = None
    try:
        written = dumper(one.schema)(instance)
    except (runtime.Invalid, AttributeError, TypeError):  # to_dict's own failures, where it writes
        written = None
    if written is not None:  # (a refusal may be stricter: the write below is then the reference's)
        assert expected is not None
        assert list(written.items()) == list(expected.items())  # the same keys, in the same order
    content = one.schema.model.__openapi__.document
    try:
        reference: object = runtime.media.encode(instance.to_dict(), content, "application/json")
    except (runtime.SerializationError, AttributeError, TypeError, ValueError) as error:
        reference = type(error)
    try:
        assert runtime.media.write(instance, one, "application/json", model.to_dict) == reference
    except (runtime.SerializationError, AttributeError, TypeError, ValueError) as error:
        assert type(error) is reference


def test_a_refusal_of_the_dumper_is_worded_by_the_reference() -> None:
    from partner_center_auth._schema import Document, ModelRef

    fault = ApiFault(code=1)
    fault.data = {"k": "v"}  # type: ignore[assignment]
    with pytest.raises(errors.SerializationError) as caught:
        media.write(fault, Document(ModelRef("models.api_fault", "ApiFault")), "application/json", ApiFault.to_dict)
    assert "cannot write ApiFault as JSON: $.data: expected array, got object" in str(caught.value)


def test_text_json_cannot_carry_as_utf_8_is_a_typed_error_on_every_write_path() -> None:
    from partner_center_auth._schema import Document, ModelRef

    fault = ApiFault(code=1, description="half a pair: \ud800")  # a lone surrogate, as a server may send it
    document = Document(ModelRef("models.api_fault", "ApiFault"))
    with pytest.raises(errors.SerializationError, match="cannot write JSON"):  # the compiled dumper
        media.write(fault, document, "application/json", ApiFault.to_dict)
    with pytest.raises(errors.SerializationError, match="cannot write JSON"):  # checked, then encoded
        media.serialize(fault, "application/json")


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


# Compiled code keeps its source, as attrs' generated methods do: tracebacks, inspect and debuggers show it.


def test_a_traceback_through_a_compiled_check_shows_the_generated_line() -> None:
    check = check_for(TokenResponse.__openapi__)
    with pytest.raises(Invalid) as caught:
        check({"access_token": 1})
    shown = "".join(traceback.format_exception(caught.value))
    frame = traceback.extract_tb(caught.value.__traceback__)[-1]

    assert frame.filename == "<partner_center_auth compiled check for TokenResponse>"
    assert frame.line == "raise Invalid"
    assert f'File "{frame.filename}", line {frame.lineno}, in check\n    raise Invalid\n' in shown
    source = inspect.getsource(check)
    assert source.startswith("def check(value):\n")
    assert frame.lineno is not None
    assert source.splitlines()[frame.lineno - 1].strip() == "raise Invalid"


def test_a_traceback_through_a_compiled_builder_shows_the_generated_line() -> None:
    build = builder_for(TokenResponse)
    try:
        build({})  # no access_token: data a check has passed always has it
    except KeyError:
        shown = traceback.format_exc()
    assert 'File "<partner_center_auth compiled builder for TokenResponse>", line 2, in build' in shown
    assert "    a0 = data['access_token']\n" in shown
    assert inspect.getsource(build).splitlines()[1] == "    a0 = data['access_token']"


def test_each_compiled_function_has_a_source_of_its_own() -> None:
    """Two schemas of one label (two unions) keep two sources under two names."""
    integers = check_for(OneOf((Scalar("integer"), ArrayOf(Scalar("string")))))
    booleans = check_for(OneOf((Scalar("boolean"), ArrayOf(Scalar("string")))))
    assert integers.__code__.co_filename != booleans.__code__.co_filename
    assert "type(value) is int" in inspect.getsource(integers)
    assert "type(value) is bool" in inspect.getsource(booleans)
    assert integers(3) == booleans(True) == 0


# XML: the fast reader (a plan per model, then the compiled check) against the reference reader.

XSI_NIL = "{http://www.w3.org/2001/XMLSchema-instance}nil"


def _mutate(root: Any, choice: int, target: int) -> None:
    """One of the things a server may send that the fast reader leaves to the reference, or reads
    as it does (elements qualified otherwise than the spec writes them)."""
    from lxml import etree

    elements = list(root.iter())
    element = elements[target % len(elements)]
    action = choice % 11
    if action == 0:
        element.set(XSI_NIL, "true")
    elif action == 1:
        element.set(XSI_NIL, "false")
    elif action == 2:
        element.set("unrelated", "1")
    elif action == 3 and element is not root:
        element.addnext(copy.deepcopy(element))  # given twice
    elif action == 4 and element is not root:
        element.tail = "stray text"
    elif action == 5:
        etree.SubElement(element, "unknownElement").text = "1"
    elif action == 6:
        element.text = "stray text"
    elif action == 7 and element is not root:
        element.tag = "{urn:elsewhere}" + etree.QName(element).localname
    elif action == 8 and element is not root:
        element.getparent().remove(element)
    elif action in (9, 10):  # a server that qualifies an element and what it holds, or the element alone
        namespace = "urn:server" if action == 9 else "urn:elsewhere"
        for inner in element.iter() if action == 9 else (element,):
            if isinstance(inner.tag, str) and not inner.tag.startswith("{"):
                inner.tag = f"{{{namespace}}}{inner.tag}"


def _plainly_written(schema: Any, value: dict[str, Any]) -> bool:
    """No null (xsi:nil), no schemaless object or list, no nested array: what the fast reader reads itself."""
    described = sys.modules[type(schema).__module__]  # the description classes of the model's own package

    def plain(item_schema: Any, item: Any) -> bool:
        if item is None:
            return False
        if isinstance(item_schema, described.ArrayOf):
            arrays = isinstance(item_schema.items, described.ArrayOf)
            return not arrays and all(plain(item_schema.items, i) for i in item)
        model = described.model_of(item_schema)
        if model is not None:
            return _plainly_written(model, item)
        return not isinstance(item, dict | list)

    return all(
        plain(schema.by_name[name].schema, item) if name in schema.by_name else isinstance(item, str)
        for name, item in value.items()
    )


@given(
    data=st.data(),
    mutations=st.lists(st.tuples(st.integers(0, 10), st.integers(0, 50)), max_size=2),
    liberal=st.booleans(),
)
def test_the_fast_xml_reader_answers_only_as_the_reference_would(
    model: Any, data: Any, mutations: Any, liberal: bool
) -> None:
    from lxml import etree

    package = model.__module__.partition(".")[0]
    xml = importlib.import_module(f"{package}.media._xml")
    parser = importlib.import_module(f"{package}.media._xml._parser")
    fast_reader = importlib.import_module(f"{package}.media._xml._fast_reader")
    reader = importlib.import_module(f"{package}.media._xml._reader")
    described = importlib.import_module(f"{package}._schema")
    schema, runtime = model.__openapi__, Runtime(model)
    # The model at the root, or a list of them (a response of `type: array`, its root named freely).
    values = data.draw(st.one_of(objects(schema, "xml"), st.lists(objects(schema, "xml"), max_size=3)))
    document = schema.document if isinstance(values, dict) else described.Document(described.ArrayOf(schema))
    try:
        content = xml.XmlCodec().encode(values, document, charset=None)
    except runtime.SerializationError:  # text XML cannot carry (control characters)
        assume(False)
    root = parser.parse(content, None)
    for choice, target in mutations:
        _mutate(root, choice, target)
    root = parser.parse(etree.tostring(root), None)  # as a server would send it
    document = document.relaxed() if liberal else document  # (a strict read, or a liberal one)

    _, fast = fast_reader.plan(document)
    answer = fast_reader.read_fast(root, fast, runtime.check_for(document.schema))
    try:
        reference = reader.read_reference(root, document)
    except described.SchemaViolation:
        assert answer is fast_reader.UNDECIDED  # refused by the reference: only it words why
        return
    plain = all(_plainly_written(schema, value) for value in (values if isinstance(values, list) else [values]))
    if not mutations and plain:
        assert answer is not fast_reader.UNDECIDED, "a document as the writer writes it takes the fast path"
    if answer is not fast_reader.UNDECIDED:
        assert answer == reference
        assert type(answer) is type(values)


SAMPLES: dict[str, Any] = {
    "TokenRequest": TokenRequest(),
    "TokenResponse": TokenResponse(access_token="t", token_type="bearer", expires_in=3600),
    "ApiFault": ApiFault(code=3000, description="not found", data=["a", "b"], is_retryable=False),
}


@pytest.mark.parametrize("name", SAMPLES)
def test_partner_center_answers_take_the_fast_xml_path(name: str) -> None:
    from partner_center_auth.media._xml import _fast_reader, _parser

    value = SAMPLES[name]
    value.additional_properties = {"traceId": "0HN7"}
    root = _parser.parse(media.serialize(value, "application/xml"), None)
    _, fast = _fast_reader.plan(type(value).__openapi__.document)
    assert fast is not None
    answer = _fast_reader.read_fast(root, fast, Runtime(type(value)).check_for(type(value).__openapi__))
    assert answer == value.to_dict()


@pytest.mark.parametrize("name", SAMPLES)
def test_an_answer_qualified_in_a_default_namespace_takes_the_fast_xml_path_when_read_liberally(name: str) -> None:
    from partner_center_auth.media._xml import _fast_reader, _parser, _reader

    value = SAMPLES[name]
    written = media.serialize(value, "application/xml").decode()
    root = _parser.parse(written.replace(f"<{name}>", f'<{name} xmlns="urn:server">', 1).encode(), None)
    document = type(value).__openapi__.document.relaxed()
    _, fast = _fast_reader.plan(document)
    assert fast is not None
    answer = _fast_reader.read_fast(root, fast, Runtime(type(value)).check_for(document.schema))
    assert answer == value.to_dict() == _reader.read_reference(root, document)


@given(data=st.data())
def test_the_fast_xml_writer_writes_the_reference_bytes(model: Any, data: Any) -> None:
    from lxml import etree

    package = model.__module__.partition(".")[0]
    xml = importlib.import_module(f"{package}.media._xml")
    names = importlib.import_module(f"{package}.media._xml._names")
    writer = importlib.import_module(f"{package}.media._xml._writer")
    schema, runtime = model.__openapi__, Runtime(model)
    value = data.draw(st.one_of(objects(schema, "xml"), objects(schema, "json")))
    root_xml = schema.document.root()
    reference = etree.Element(root_xml.tag(None), nsmap=names.nsmap(root_xml))
    try:
        writer.Writer().root(reference, schema, root_xml, value)
        expected: object = etree.tostring(reference, xml_declaration=True, encoding="utf-8")
    except (runtime.SchemaViolation, ValueError) as error:
        expected = type(error).__name__

    try:
        written = xml.XmlCodec().encode(value, schema.document, charset=None)
    except runtime.SerializationError:
        assert expected in ("SchemaViolation", "ValueError")  # refused by both
    else:
        assert written == expected
