"""The endpoint view decides what an operation module needs, from openapi-python-client's own parse
of a spec: the template only prints it."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, cast

import jinja2
import pytest
import yaml
from openapi_python_client.config import ConfigFile

from partner_center_auth import _schema
from pca_generator import GenerationError
from pca_generator._generate import _project
from pca_generator._settings import Settings
from pca_generator._views import EndpointView, ModelView

THINGS = """
openapi: 3.1.0
info: {title: Things, version: "1"}
paths:
  /things/{id}:
    post:
      operationId: makeThing
      parameters:
        - {name: id, in: path, required: true, schema: {type: integer}}
        - {name: x-request-id, in: header, schema: {type: string}}
        - {name: verbose, in: query, schema: {type: boolean, default: false}}
      requestBody:
        required: true
        content:
          application/json: {schema: {$ref: "#/components/schemas/Thing"}}
          application/xml: {schema: {$ref: "#/components/schemas/Thing"}}
          text/plain: {schema: {type: string}}
      responses:
        "200":
          description: The thing.
          content:
            application/json: {schema: {$ref: "#/components/schemas/Thing"}}
            text/xml: {schema: {$ref: "#/components/schemas/Thing"}}
            text/plain: {schema: {type: string}}
        "404": {description: No such thing.}
components:
  schemas:
    Thing:
      type: object
      properties:
        name: {type: string}
      xml: {name: thing}
"""


def views(spec: str, **config: Any) -> dict[str, EndpointView]:
    document = yaml.safe_load(spec)
    settings = Settings.load(config, Path.cwd())
    with tempfile.TemporaryDirectory() as scratch:
        project, _ = _project(document, "spec.yaml", ConfigFile(), settings, Path(scratch) / "out")
        view = cast(Callable[[Any], EndpointView], project.env.globals["endpoint_view"])
        return {
            endpoint.name: view(endpoint)
            for collection in project.openapi.endpoint_collections_by_tag.values()
            for endpoint in collection.endpoints
        }


@pytest.fixture(scope="module")
def make_thing() -> EndpointView:
    return views(THINGS, fresh_uuid_headers=["x-request-id"])["make_thing"]


def test_media_types_of_one_schema_share_one_document_and_one_dumper(make_thing: EndpointView) -> None:
    json, xml, text = make_thing.request_contents

    assert (json.document, json.dumper) == (xml.document, xml.dumper) == (1, 1)
    assert (text.document, text.dumper) == (None, None)
    assert [dumper.type_string for dumper in make_thing.dumpers] == ["Thing"]
    assert make_thing.body_types == ("Thing", "str") and make_thing.body_required


def test_responses_parse_by_media_type_into_one_return_type(make_thing: EndpointView) -> None:
    ok, missing = make_thing.responses
    json, xml, text = ok.contents

    assert make_thing.response_media_types == ("application/json", "text/xml", "text/plain")
    assert json.loader == xml.loader == 1 and json.document == xml.document
    assert (text.loader, text.untyped, text.as_file) == (None, False, False)
    assert missing.contents == ()
    assert make_thing.loaders[0].builds_model
    assert make_thing.return_type == "str | Thing | None"  # as Jinja sorted: ignoring case, None last
    assert make_thing.parsed_type == "str | Thing | None"


def test_parameters_identifiers_and_signature(make_thing: EndpointView) -> None:
    assert [(p.location, p.style, p.explode) for p in make_thing.parameters] == [
        ("path", "simple", False),
        ("query", "form", True),
        ("header", "simple", False),
    ]
    assert make_thing.logged_headers == ("x-request-id",)
    assert make_thing.arguments() == (
        "id: int,\n*,\nclient: AuthenticatedClient | Client,\nbody: Thing | str,\n"
        "verbose: bool | Unset = False,\nx_request_id: str | Unset = UNSET,\n"
        'content_type: RequestMediaType = "application/json",\naccept: ResponseMediaType = "application/json",\n'
        "strict: bool | None = None,\nmax_response_size: int | None = None,\n"
    )
    assert make_thing.keywords(include_client=False) == (
        "id=id,\nbody=body,\nverbose=verbose,\nx_request_id=x_request_id,\ncontent_type=content_type,\naccept=accept,\n"
    )


def test_an_optional_body_and_a_model_named_response() -> None:
    spec = (
        THINGS.replace("required: true\n        content", "required: false\n        content")
        .replace("schemas/Thing", "schemas/Response")
        .replace("    Thing:", "    Response:")
    )

    view = views(spec)["make_thing"]

    assert not view.body_required
    assert view.response_class == "_Response"
    assert "body: Response | str | Unset = UNSET,\n" in view.arguments()


def test_a_parameter_that_would_shadow_a_keyword_is_refused() -> None:
    view = EndpointView.of  # the generator renames such parameters first; the view refuses any left
    endpoint = _Endpoint(name="op", python_names=["accept"])

    with pytest.raises(GenerationError, match="its parameter Accept would be the Python keyword accept"):
        view(endpoint, None, lambda prop, schema, encoding: "", ())  # type: ignore[arg-type]


class _Name(str):
    def get_untrusted_value(self) -> str:
        return str(self)


class _Endpoint:
    def __init__(self, name: str, python_names: list[str]) -> None:
        self.name = name
        self.query_parameters = [
            type("P", (), {"python_name": python_name, "name": _Name(python_name.title())})()
            for python_name in python_names
        ]
        self.path_parameters: list[Any] = []
        self.header_parameters: list[Any] = []
        self.cookie_parameters: list[Any] = []


RECORDS = """
openapi: 3.0.3
info: {title: Records, version: "1"}
paths: {}
components:
  schemas:
    Login:
      type: object
      xml: {name: login, namespace: "urn:x"}
      required: [user]
      properties:
        user: {type: string, pattern: "^[a-z]+$", xml: {attribute: true}}
        secret: {type: string, format: password}
        tags:
          type: array
          items: {type: string, xml: {name: tag}}
        kind: {type: string, enum: [b, A]}
        owner: {$ref: "#/components/schemas/Owner"}
    Owner:
      type: object
      properties:
        name: {type: string}
"""


def model_views(spec: str) -> dict[str, ModelView]:
    document = yaml.safe_load(spec)
    with tempfile.TemporaryDirectory() as scratch:
        project, _ = _project(document, "spec.yaml", ConfigFile(), Settings.load({}, Path.cwd()), Path(scratch) / "out")
        view = cast(Callable[[Any], ModelView], project.env.globals["model_view"])
        return {model.class_info.name: view(model) for model in project.openapi.models}


def test_a_model_view_describes_names_types_and_xml_in_the_specs_order() -> None:
    login = model_views(RECORDS)["Login"]

    assert login.secret_attributes == frozenset({"secret"})
    described = eval(login.schema, {"_schema": _schema})  # the printed source is the runtime's description
    assert described.name == "Login" and described.xml == _schema.Xml("login", namespace="urn:x")
    assert [p.name for p in described.properties] == ["user", "secret", "tags", "kind", "owner"]
    user, _, tags, kind, owner = described.properties
    assert user.required and user.xml.attribute and user.schema.pattern == "^[a-z]+$"
    assert tags.schema.item_xml == _schema.Xml("tag") and tags.as_is
    assert kind.schema.enum == ("A", "b") and not kind.as_is
    assert owner.schema == _schema.ModelRef("models.owner", "Owner") and not owner.as_is


def test_a_template_reading_what_the_generator_lacks_fails_and_an_absent_macro_is_false() -> None:
    with tempfile.TemporaryDirectory() as scratch:
        env = _project(yaml.safe_load(THINGS), "spec.yaml", ConfigFile(), Settings.load({}, Path.cwd()), Path(scratch))[
            0
        ].env
    model = object()

    with pytest.raises(jinja2.UndefinedError, match="has no attribute 'title'"):
        env.from_string("{% if model.title %}x{% endif %}").render(model=model)
    with pytest.raises(jinja2.UndefinedError, match="'unknown_global' is undefined"):
        env.from_string("{{ unknown_global }}").render()
    optional_macro = env.from_string(
        '{% import "property_templates/int_property.py.jinja" as t %}'
        '{{ "yes" if t.transform_macro_nobody_wrote else "no" }}'
    )
    assert optional_macro.render() == "no"
