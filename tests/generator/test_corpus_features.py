"""Every operation of tests/specs/features.yaml over loopback: one of everything a spec may hold.

Every method; path, query, header and cookie parameters in each style; `2XX` and `default`
responses; bodies that are models, maps, arrays and scalars; `+json` and `+xml` suffixes, media
types with parameters, `*/*`, multipart, binary and media types no codec knows.
"""

from __future__ import annotations

import datetime
import importlib
import io
import json
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

import pytest

from wire import WireServer, canonical

CUSTOMER_ID = uuid.UUID("6f1c2a4e-8b7d-4c1e-9f3a-2b5d7e9c1a3f")
WHEN = datetime.datetime(2024, 1, 2, 3, 4, 5, tzinfo=datetime.UTC)
CUSTOMER_JSON = {
    "id": str(CUSTOMER_ID),
    "kind": "customer",
    "name": "Ada",
    "created": "2024-01-02T03:04:05+00:00",
    "address": {"city": "Paris", "postcode": None},
    "contacts": [{"email": "ada@example.com", "phone": "1"}],
    "reference": 7,
    "labels": ["x"],
}
CUSTOMER_XML = (
    '<customer xmlns="urn:example:customers"><id>6f1c2a4e-8b7d-4c1e-9f3a-2b5d7e9c1a3f</id><kind>customer</kind>'
    "<name>Ada</name><created>2024-01-02T03:04:05+00:00</created><address><city>Paris</city></address>"
    '<contact email="ada@example.com"><phone>1</phone></contact><reference>7</reference><labels>x</labels></customer>'
)
NEW_CUSTOMER_JSON = {
    "name": "Ada",
    "email": "ada@example.com",
    "status": "active",
    "tier": 2,
    "birthday": "1815-12-10",
    "active": True,
    "score": 9.5,
    "labels": ["vip", "eu"],
    "password": "s3cret",
}
NEW_CUSTOMER_XML = (
    "<customer><name>Ada</name><email>ada@example.com</email><status>active</status><tier>2</tier>"
    "<birthday>1815-12-10</birthday><active>true</active><score>9.5</score>"
    "<labels><label>vip</label><label>eu</label></labels><password>s3cret</password></customer>"
)


@pytest.fixture(scope="module")
def package(corpus: Path) -> Any:
    return importlib.import_module("customers_client")


@pytest.fixture
def client(package: Any, wire: WireServer) -> Iterator[Any]:
    with package.AuthenticatedClient(base_url=wire.base_url, token="customers-token") as authenticated:
        yield authenticated


def op(name: str) -> Any:
    return importlib.import_module(f"customers_client.api.{name}")


def customer(package: Any) -> Any:
    models = package.models
    return models.Customer(
        id=CUSTOMER_ID,
        kind="customer",
        name="Ada",
        created=WHEN,
        address=models.Address(city="Paris", postcode=None),
        contacts=[models.Contact(email="ada@example.com", phone="1")],
        reference=7,
        labels=["x"],
    )


def new_customer(package: Any) -> Any:
    return package.models.NewCustomer(
        name="Ada",
        email="ada@example.com",
        status="active",
        tier=2,
        birthday=datetime.date(1815, 12, 10),
        score=9.5,
        labels=["vip", "eu"],
        password="s3cret",
    )


# Parameters ---------------------------------------------------------------------------------


def test_list_customers_writes_every_query_header_and_cookie_parameter(
    package: Any, client: Any, wire: WireServer
) -> None:
    wire.answer(200, "application/json", json.dumps({"items": [CUSTOMER_JSON], "next": "n2"}))

    parsed = op("customers.list_customers").sync(
        client=client,
        status="active",
        tags=["a b", "c"],
        ids=[1, 2],
        since=WHEN,
        day=datetime.date(2024, 1, 2),
        verbose=True,
        fields=["name", "email"],
        x_tenant="contoso",
        session="s1",
    )

    assert wire.last.query == (
        "status=active&tags=a%20b&tags=c&ids=1,2&since=2024-01-02T03%3A04%3A05%2B00%3A00&day=2024-01-02"
        "&limit=50&verbose=true&fields=name|email"
    )
    assert parse_qs(wire.last.query)["since"] == ["2024-01-02T03:04:05+00:00"]  # RFC 3339, the T kept
    assert (wire.last.headers["x-tenant"], wire.last.headers["cookie"]) == ("contoso", "session=s1")
    assert parsed == package.models.CustomerList(items=[customer(package)], next_="n2")


def test_unset_parameters_are_not_sent(client: Any, wire: WireServer) -> None:
    wire.answer(200, "application/json", "{}")

    op("customers.list_customers").sync(client=client, x_tenant="contoso")

    assert wire.last.query == "limit=50"
    assert "cookie" not in wire.last.headers


def test_matrix_label_and_deep_object_parameters(package: Any, client: Any, wire: WireServer) -> None:
    wire.answer(200, "application/json", '{"eu": 3, "us": 1}')

    parsed = op("regions.get_regions").sync(
        ["eu", "us"], WHEN, "north", client=client, filter_=package.models.Filter(country="fr", size=3)
    )

    assert wire.last.path == "/v1/regions/;codes=eu;codes=us/2024-01-02T03%3A04%3A05%2B00%3A00/.north"
    assert wire.last.query == "filter%5Bcountry%5D=fr&filter%5Bsize%5D=3"
    assert parsed.additional_properties == {"eu": 3, "us": 1}


# Methods and responses without content ------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "method", "status"),
    [
        ("customers.delete_customer", "DELETE", 204),
        ("customers.customer_exists", "HEAD", 200),
        ("customers.customer_exists", "HEAD", 404),
        ("customers.customer_options", "OPTIONS", 204),
    ],
)
def test_operations_without_content(client: Any, wire: WireServer, name: str, method: str, status: int) -> None:
    wire.answer(status, Allow="GET, PUT, PATCH, DELETE, HEAD, OPTIONS")

    response = op(name).sync_detailed(CUSTOMER_ID, client=client)

    assert (wire.last.method, wire.last.target) == (method, f"/v1/customers/{CUSTOMER_ID}")
    assert (response.status_code, response.parsed) == (status, None)
    assert "content-type" not in wire.last.headers


def test_put_answers_204(package: Any, client: Any, wire: WireServer) -> None:
    wire.answer(204)

    response = op("customers.replace_customer").sync_detailed(CUSTOMER_ID, client=client, body=new_customer(package))

    assert (wire.last.method, wire.last.json()) == ("PUT", NEW_CUSTOMER_JSON)
    assert response.parsed is None


def test_patch_sends_a_map_as_merge_patch_json(package: Any, client: Any, wire: WireServer) -> None:
    wire.answer(200, "application/json", json.dumps(CUSTOMER_JSON))
    patch = package.models.UpdateCustomerBody.from_dict({"name": "Ada", "nickname": "A"})

    parsed = op("customers.update_customer").sync(CUSTOMER_ID, client=client, body=patch)

    assert (wire.last.method, wire.last.headers["content-type"]) == ("PATCH", "application/merge-patch+json")
    assert wire.last.json() == {"name": "Ada", "nickname": "A"}
    assert parsed == customer(package)


def test_trace(client: Any, wire: WireServer) -> None:
    wire.answer(200, "message/http", b"TRACE /v1/echo HTTP/1.1\r\n\r\n")

    parsed = op("echo.trace_echo").sync(client=client)

    assert wire.last.method == "TRACE"
    assert parsed == b"TRACE /v1/echo HTTP/1.1\r\n\r\n"


# Bodies in every documented media type --------------------------------------------------------

CREATE_TYPES = ["application/json", "application/xml", "text/xml", "application/x-www-form-urlencoded", "text/json"]


@pytest.mark.parametrize("accept", ["application/json", "application/xml"])
@pytest.mark.parametrize("content_type", CREATE_TYPES)
def test_create_customer_in_every_media_type(
    package: Any, client: Any, wire: WireServer, content_type: str, accept: str
) -> None:
    wire.answer(201, accept, json.dumps(CUSTOMER_JSON) if accept == "application/json" else CUSTOMER_XML)

    parsed = op("customers.create_customer").sync(
        client=client, body=new_customer(package), content_type=content_type, accept=accept
    )

    seen = wire.last
    assert seen.headers["content-type"] == content_type
    if content_type.endswith("json"):
        assert seen.json() == NEW_CUSTOMER_JSON
    elif content_type.endswith("xml"):
        assert seen.xml() == canonical(NEW_CUSTOMER_XML)
    else:
        assert seen.form() == {
            name: [
                str(v).lower() if isinstance(v, bool) else str(v)
                for v in (value if isinstance(value, list) else [value])
            ]
            for name, value in NEW_CUSTOMER_JSON.items()
        }
    expected = customer(package)
    if accept == "application/xml":  # XML has no null: the postcode element is absent
        expected.address = package.models.Address(city="Paris")
    assert parsed == expected


def test_a_4xx_range_parses_problem_xml_and_a_documented_400_has_no_body(
    package: Any, client: Any, wire: WireServer
) -> None:
    wire.answer(
        422,
        "application/problem+xml",
        '<problem xmlns="urn:ietf:rfc:7807"><title>bad</title><status>422</status></problem>',
    )
    wire.answer(400, "application/problem+xml", "<problem/>")

    unprocessable = op("customers.create_customer").sync_detailed(client=client, body=new_customer(package))
    bad = op("customers.create_customer").sync_detailed(client=client, body=new_customer(package))

    assert unprocessable.parsed == package.models.Problem(title="bad", status=422)
    assert (bad.status_code, bad.parsed) == (400, None)


def test_the_default_response_reads_problem_json(package: Any, client: Any, wire: WireServer) -> None:
    wire.answer(503, "application/problem+json", '{"title": "down", "status": 503}')

    response = op("customers.list_customers").sync_detailed(client=client, x_tenant="contoso")

    assert response.parsed == package.models.Problem(title="down", status=503)


def test_a_value_the_spec_forbids_is_refused_in_every_media_type_before_sending(
    package: Any, client: Any, wire: WireServer
) -> None:
    invalid = new_customer(package)
    invalid.email = "no at sign"
    before = len(wire.seen)

    for content_type in CREATE_TYPES:
        with pytest.raises(package.errors.SerializationError, match="pattern"):
            op("customers.create_customer").sync(client=client, body=invalid, content_type=content_type)

    assert len(wire.seen) == before


def test_a_const_the_answer_breaks_is_a_decode_error(package: Any, client: Any, wire: WireServer) -> None:
    wire.answer(201, "application/json", json.dumps({**CUSTOMER_JSON, "kind": "partner"}))

    with pytest.raises(package.errors.ResponseDecodeError):
        op("customers.create_customer").sync(client=client, body=new_customer(package))


@pytest.mark.parametrize(
    ("content_type", "body", "status"),
    [
        ("application/json; charset=utf-8", json.dumps(CUSTOMER_JSON), 200),
        ("application/atom+xml", CUSTOMER_XML, 203),  # 2XX
    ],
)
def test_a_2xx_range_with_a_media_type_documented_with_parameters(
    package: Any, client: Any, wire: WireServer, content_type: str, body: str, status: int
) -> None:
    wire.answer(status, content_type, body)

    parsed = op("customers.get_customer").sync(CUSTOMER_ID, client=client, accept=content_type)

    assert wire.last.headers["accept"] == content_type
    assert parsed.name == "Ada"
    assert parsed.contacts == [package.models.Contact(email="ada@example.com", phone="1")]


@pytest.mark.parametrize(
    ("content_type", "body", "expected"),
    [
        ("application/json", '{"day": "2024-01-02", "total": 3.5, "rows": {"a": 1}}', None),
        ("text/csv; charset=utf-8", "day,total\r\n2024-01-02,3.5\r\n", "day,total\r\n2024-01-02,3.5\r\n"),
        ("application/pdf", b"%PDF-1.7\n\x00\xff", b"%PDF-1.7\n\x00\xff"),
    ],
)
def test_one_status_in_three_media_types(
    package: Any, client: Any, wire: WireServer, content_type: str, body: str | bytes, expected: object
) -> None:
    wire.answer(200, content_type, body)

    parsed = op("reports.get_report").sync(datetime.date(2024, 1, 2), client=client, accept=content_type.split(";")[0])

    assert wire.last.target == "/v1/reports/2024-01-02"
    if expected is None:
        assert parsed.day == datetime.date(2024, 1, 2)
        assert parsed.rows.additional_properties == {"a": 1}
    else:
        assert parsed == expected


def upload(package: Any) -> Any:
    return package.models.Upload(
        content=package.types.File(
            payload=io.BytesIO(b"%PDF\x00\x01"), file_name="scan.pdf", mime_type="application/pdf"
        ),
        description="scan",
        public=True,
        taken=datetime.date(2024, 1, 2),
        keywords=["a", "b"],
    )


def test_multipart_sends_the_file_and_every_field(package: Any, client: Any, wire: WireServer) -> None:
    wire.answer(200, "text/plain; charset=utf-8", "stored as scan-1.pdf")

    parsed = op("documents.upload_document").sync(client=client, body=upload(package))

    assert wire.last.headers["content-type"].startswith("multipart/form-data; boundary=")
    parts = wire.last.multipart()
    assert parts["content"] == ("scan.pdf", b"%PDF\x00\x01")
    assert parts["description"][1] == b"scan"
    assert parts["public"][1] == b"true"
    assert parsed == "stored as scan-1.pdf"


def test_a_binary_property_in_a_form_sends_its_bytes_as_base64_text(
    package: Any, client: Any, wire: WireServer
) -> None:
    wire.answer(200, "text/plain", "ok")

    op("documents.upload_document").sync(
        client=client, body=upload(package), content_type="application/x-www-form-urlencoded"
    )

    assert wire.last.body == b"content=JVBERgAB&description=scan&public=true&taken=2024-01-02&keywords=a&keywords=b"


def test_a_nested_object_in_a_form_is_refused(package: Any, client: Any, wire: WireServer) -> None:
    body = upload(package)
    body.additional_properties["owner"] = {"name": "Ada"}

    with pytest.raises(package.errors.SerializationError, match="owner"):
        op("documents.upload_document").sync(client=client, body=body, content_type="application/x-www-form-urlencoded")


def test_octet_stream_in_and_any_media_type_out(package: Any, client: Any, wire: WireServer) -> None:
    wire.answer(201)
    wire.answer(200, "image/png", b"\x89PNG\r\n")

    put = op("blobs.put_blob").sync_detailed(
        "logo.png", client=client, body=package.types.File(payload=io.BytesIO(b"\x89PNG\r\n"))
    )
    got = op("blobs.get_blob").sync("logo.png", client=client)

    assert (wire.seen[-2].method, wire.seen[-2].headers["content-type"], wire.seen[-2].body) == (
        "PUT",
        "application/octet-stream",
        b"\x89PNG\r\n",
    )
    assert wire.last.headers["accept"] == "*/*"
    assert (put.status_code, got) == (201, b"\x89PNG\r\n")


def test_a_media_type_no_codec_knows_travels_as_it_is(client: Any, wire: WireServer) -> None:
    wire.answer(200, "application/jwt", "eyJ.new.token")

    parsed = op("tokens.exchange_token").sync(client=client, body="eyJ.old.token")

    assert (wire.last.headers["content-type"], wire.last.body) == ("application/jwt", b"eyJ.old.token")
    assert parsed == b"eyJ.new.token"


def test_an_atom_feed_with_its_namespace(package: Any, client: Any, wire: WireServer) -> None:
    wire.answer(
        200,
        "application/atom+xml",
        '<feed xmlns="http://www.w3.org/2005/Atom"><title>News</title>'
        "<entry><title>One</title><updated>2024-01-02T03:04:05+00:00</updated></entry></feed>",
    )

    parsed = op("feeds.get_feed").sync(client=client)

    assert parsed == package.models.Feed(title="News", entries=[package.models.Entry(title="One", updated=WHEN)])


@pytest.mark.parametrize(
    ("content_type", "check"),
    [
        ("application/json", lambda seen: seen.json() == ["a", "b"]),
        ("application/xml", lambda seen: seen.xml() == canonical("<names><name>a</name><name>b</name></names>")),
    ],
)
def test_a_root_array_of_strings_in_json_and_named_xml(
    client: Any, wire: WireServer, content_type: str, check: Any
) -> None:
    wire.answer(200, "application/json", "[1.5, 2]")

    parsed = op("scores.score_names").sync(client=client, body=["a", "b"], content_type=content_type)

    assert check(wire.last)
    assert parsed == [1.5, 2]


@pytest.mark.parametrize(
    ("content_type", "body", "expected"), [("application/json", "42.5", 42.5), ("text/plain", "42.5", "42.5")]
)
def test_a_bare_number_and_its_text(
    client: Any, wire: WireServer, content_type: str, body: str, expected: object
) -> None:
    wire.answer(200, content_type, body)

    assert op("scores.get_total").sync(client=client, accept=content_type) == expected


def test_an_undocumented_content_type_keeps_status_and_bytes(package: Any, client: Any, wire: WireServer) -> None:
    wire.answer(200, "text/html", "<h1>proxy</h1>")

    with pytest.raises(package.errors.UndocumentedContentType) as raised:
        op("feeds.get_feed").sync(client=client)

    assert (raised.value.status_code, raised.value.content) == (200, b"<h1>proxy</h1>")


@pytest.mark.parametrize("sent", ["application/problem+xml; charset=utf-8", "application/problem+xml"])
def test_errors_name_the_media_type_that_arrived(package: Any, client: Any, wire: WireServer, sent: str) -> None:
    wire.answer(422, sent, "<problem>")

    with pytest.raises(package.errors.ResponseDecodeError) as raised:
        op("customers.create_customer").sync(client=client, body=new_customer(package))

    assert raised.value.media_type == sent
    assert isinstance(raised.value.__cause__, package.errors.DeserializationError)
    assert raised.value.__cause__.media_type == sent
    assert package.media.MediaType.parse(raised.value.media_type).essence == "application/problem+xml"


@pytest.mark.parametrize(
    ("const", "value", "wire_value"),
    [("kind", "customer", '"customer"'), ("version", 2, "2"), ("verified", True, "true")],
)
def test_a_const_of_each_type_is_written_as_its_value_and_checked(
    package: Any, const: str, value: object, wire_value: str
) -> None:
    model = package.models.Customer.from_dict({"id": str(CUSTOMER_ID), "kind": "customer", "name": "Ada", const: value})
    schema = next(prop.schema for prop in model.__openapi__.properties if prop.name == const)

    assert schema.enum == (value,)
    assert f'"{const}":{wire_value}' in package.media.serialize(model, "application/json").decode()
    with pytest.raises(package.errors.DeserializationError):
        package.media.deserialize(
            package.models.Customer,
            json.dumps({"id": str(CUSTOMER_ID), "kind": "customer", "name": "Ada", const: "other"}).encode(),
            "application/json",
        )
