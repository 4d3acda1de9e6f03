"""Every operation of the Swagger Petstore (OpenAPI 3.0) over loopback, in every documented media type.

Each call's request is checked as it arrived (method, path, query string, headers, body parsed with
the standard library), and each answer is written here by hand in the media type it is sent in.
"""

from __future__ import annotations

import importlib
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from wire import WireServer, canonical

PET_JSON = {
    "id": 10,
    "name": "doggie",
    "category": {"id": 1, "name": "Dogs"},
    "photoUrls": ["u1", "u2"],
    "tags": [{"id": 1, "name": "t1"}],
    "status": "available",
}
PET_XML = (
    "<pet><id>10</id><name>doggie</name><category><id>1</id><name>Dogs</name></category>"
    "<photoUrls><photoUrl>u1</photoUrl><photoUrl>u2</photoUrl></photoUrls>"
    "<tags><tag><id>1</id><name>t1</name></tag></tags><status>available</status></pet>"
)
# OpenAPI's default encoding of a form: an object property (and each object of an array) as JSON text.
PET_FORM = {
    "id": ["10"],
    "name": ["doggie"],
    "category": ['{"id":1,"name":"Dogs"}'],
    "photoUrls": ["u1", "u2"],
    "tags": ['{"id":1,"name":"t1"}'],
    "status": ["available"],
}
ORDER_JSON = {
    "id": 7,
    "petId": 10,
    "quantity": 2,
    "shipDate": "2024-05-01T10:20:30+00:00",
    "status": "placed",
    "complete": False,
}
ORDER_XML = (
    "<order><id>7</id><petId>10</petId><quantity>2</quantity><shipDate>2024-05-01T10:20:30+00:00</shipDate>"
    "<status>placed</status><complete>false</complete></order>"
)
ORDER_FORM = {k: [str(v).lower() if isinstance(v, bool) else str(v)] for k, v in ORDER_JSON.items()}
USER_JSON = {"id": 1, "username": "ada", "firstName": "Ada", "email": "ada@example.com", "userStatus": 1}
USER_XML = (
    "<user><id>1</id><username>ada</username><firstName>Ada</firstName><email>ada@example.com</email>"
    "<userStatus>1</userStatus></user>"
)


@pytest.fixture(scope="module")
def petstore(corpus: Path) -> Any:
    return importlib.import_module("petstore3_client")


@pytest.fixture
def client(petstore: Any, wire: WireServer) -> Iterator[Any]:
    with petstore.AuthenticatedClient(base_url=wire.base_url, token="petstore-token") as authenticated:
        yield authenticated


def op(name: str) -> Any:
    return importlib.import_module(f"petstore3_client.api.{name}")


def pet(petstore: Any) -> Any:
    models = petstore.models
    return models.Pet(
        name="doggie",
        photo_urls=["u1", "u2"],
        id=10,
        status=models.PetStatus.AVAILABLE,
        category=models.Category(id=1, name="Dogs"),
        tags=[models.Tag(id=1, name="t1")],
    )


def answer_pet(wire: WireServer, accept: str) -> None:
    if accept == "application/json":
        wire.answer(200, "application/json", json.dumps(PET_JSON))
    else:
        wire.answer(200, "application/xml", PET_XML)


def sent_pet(wire: WireServer, content_type: str) -> None:
    seen = wire.last
    assert seen.headers["content-type"] == content_type
    if content_type == "application/json":
        assert seen.json() == PET_JSON
    elif content_type == "application/xml":
        assert seen.xml() == canonical(PET_XML)
    else:
        assert seen.form() == PET_FORM


@pytest.mark.parametrize("accept", ["application/json", "application/xml"])
@pytest.mark.parametrize("content_type", ["application/json", "application/xml", "application/x-www-form-urlencoded"])
@pytest.mark.parametrize(("name", "method"), [("pet.add_pet", "POST"), ("pet.update_pet", "PUT")])
def test_add_and_update_pet(
    petstore: Any, client: Any, wire: WireServer, name: str, method: str, content_type: str, accept: str
) -> None:
    answer_pet(wire, accept)

    parsed = op(name).sync(client=client, body=pet(petstore), content_type=content_type, accept=accept)

    assert (wire.last.method, wire.last.target) == (method, "/pet")
    assert wire.last.headers["accept"] == accept
    assert wire.last.headers["authorization"] == "Bearer petstore-token"
    sent_pet(wire, content_type)
    assert parsed == pet(petstore)


def test_a_form_with_objects_reads_back_through_the_schema_and_a_bad_one_is_refused_before_sending(
    petstore: Any, client: Any, wire: WireServer
) -> None:
    from urllib.parse import urlencode

    form = urlencode(PET_FORM, doseq=True).encode()
    media = petstore.media
    before = len(wire.seen)

    assert media.deserialize(petstore.models.Pet, form, "application/x-www-form-urlencoded") == pet(petstore)
    broken = form.replace(b"%7B%22id", b"%7Bid", 1)  # category={id":1,...}: not JSON
    with pytest.raises(petstore.errors.DeserializationError, match=r"\$\.category: expected JSON text"):
        media.deserialize(petstore.models.Pet, broken, "application/x-www-form-urlencoded")
    bad = pet(petstore)
    bad.category = petstore.models.Category(id="one")  # what a caller's bug sends
    with pytest.raises(petstore.errors.SerializationError, match=r"\$\.category"):
        op("pet.add_pet").sync(client=client, body=bad, content_type="application/x-www-form-urlencoded")
    assert len(wire.seen) == before


@pytest.mark.parametrize("accept", ["application/json", "application/xml"])
def test_find_pets_by_status_sends_the_default_and_reads_a_root_array(
    petstore: Any, client: Any, wire: WireServer, accept: str
) -> None:
    if accept == "application/json":
        wire.answer(200, "application/json", json.dumps([PET_JSON, {"name": "cat", "photoUrls": []}]))
    else:  # the spec names no root element: any is read
        wire.answer(200, "application/xml", f"<pets>{PET_XML}<pet><name>cat</name><photoUrls/></pet></pets>")

    parsed = op("pet.find_pets_by_status").sync(client=client, accept=accept)

    assert wire.last.target == "/pet/findByStatus?status=available"
    assert parsed == [pet(petstore), petstore.models.Pet(name="cat", photo_urls=[])]


def test_find_pets_by_tags_explodes_the_array(petstore: Any, client: Any, wire: WireServer) -> None:
    wire.answer(200, "application/json", "[]")

    parsed = op("pet.find_pets_by_tags").sync(client=client, tags=["a b", "c&d"])

    assert wire.last.target == "/pet/findByTags?tags=a%20b&tags=c%26d"
    assert parsed == []


@pytest.mark.parametrize("accept", ["application/json", "application/xml"])
def test_get_pet_by_id(petstore: Any, client: Any, wire: WireServer, accept: str) -> None:
    answer_pet(wire, accept)

    parsed = op("pet.get_pet_by_id").sync(10, client=client, accept=accept)

    assert (wire.last.method, wire.last.target) == ("GET", "/pet/10")
    assert parsed == pet(petstore)


def test_an_undocumented_404_body_parses_to_none_and_keeps_the_bytes(client: Any, wire: WireServer) -> None:
    wire.answer(404, "text/html", "<h1>not here</h1>")

    response = op("pet.get_pet_by_id").sync_detailed(11, client=client)

    assert response.status_code == 404
    assert response.parsed is None
    assert response.content == b"<h1>not here</h1>"


def test_update_pet_with_form_sends_query_parameters(petstore: Any, client: Any, wire: WireServer) -> None:
    answer_pet(wire, "application/xml")

    parsed = op("pet.update_pet_with_form").sync(10, client=client, name="rex", status="sold", accept="application/xml")

    assert (wire.last.method, wire.last.target) == ("POST", "/pet/10?name=rex&status=sold")
    assert wire.last.body == b""
    assert parsed == pet(petstore)


def test_delete_pet_sends_its_header_and_has_no_body(client: Any, wire: WireServer) -> None:
    wire.answer(200)

    response = op("pet.delete_pet").sync_detailed(10, client=client, api_key="k-1")

    assert (wire.last.method, wire.last.target, wire.last.headers["api_key"]) == ("DELETE", "/pet/10", "k-1")
    assert "accept" not in wire.last.headers or wire.last.headers["accept"] != "application/json"
    assert response.parsed is None


def test_upload_file_sends_the_bytes_as_they_are(petstore: Any, client: Any, wire: WireServer) -> None:
    image = bytes(range(256)) * 4
    wire.answer(200, "application/json", '{"code": 200, "type": "ok", "message": "stored"}')

    parsed = op("pet.upload_file").sync(
        10, client=client, body=petstore.types.File(payload=io.BytesIO(image)), additional_metadata="front view"
    )

    assert wire.last.target == "/pet/10/uploadImage?additionalMetadata=front%20view"
    assert wire.last.headers["content-type"] == "application/octet-stream"
    assert wire.last.body == image
    assert parsed == petstore.models.ApiResponse(code=200, type_="ok", message="stored")


def test_get_inventory_reads_a_map(petstore: Any, client: Any, wire: WireServer) -> None:
    wire.answer(200, "application/json", '{"available": 3, "sold": 1}')

    parsed = op("store.get_inventory").sync(client=client)

    assert wire.last.target == "/store/inventory"
    assert parsed.additional_properties == {"available": 3, "sold": 1}


def order(petstore: Any) -> Any:
    import datetime

    models = petstore.models
    ship_date = datetime.datetime(2024, 5, 1, 10, 20, 30, tzinfo=datetime.UTC)
    return models.Order(
        id=7, pet_id=10, quantity=2, ship_date=ship_date, status=models.OrderStatus.PLACED, complete=False
    )


@pytest.mark.parametrize("content_type", ["application/json", "application/xml", "application/x-www-form-urlencoded"])
def test_place_order_writes_dates_in_rfc_3339_in_every_media_type(
    petstore: Any, client: Any, wire: WireServer, content_type: str
) -> None:
    wire.answer(200, "application/json", json.dumps(ORDER_JSON))

    parsed = op("store.place_order").sync(client=client, body=order(petstore), content_type=content_type)

    seen = wire.last
    if content_type == "application/json":
        assert seen.json() == ORDER_JSON
    elif content_type == "application/xml":
        assert seen.xml() == canonical(ORDER_XML)
    else:
        assert seen.form() == ORDER_FORM
    assert parsed == order(petstore)


@pytest.mark.parametrize("accept", ["application/json", "application/xml"])
def test_get_order_by_id(petstore: Any, client: Any, wire: WireServer, accept: str) -> None:
    body = json.dumps(ORDER_JSON) if accept == "application/json" else ORDER_XML
    wire.answer(200, accept, body)

    parsed = op("store.get_order_by_id").sync(7, client=client, accept=accept)

    assert wire.last.target == "/store/order/7"
    assert parsed == order(petstore)


@pytest.mark.parametrize(
    ("name", "argument", "target"),
    [("store.delete_order", 7, "/store/order/7"), ("user.delete_user", "ada lovelace/1", "/user/ada%20lovelace%2F1")],
)
def test_deletes_answer_without_a_body(client: Any, wire: WireServer, name: str, argument: Any, target: str) -> None:
    wire.answer(200)

    response = op(name).sync_detailed(argument, client=client)

    assert (wire.last.method, wire.last.target) == ("DELETE", target)
    assert response.parsed is None


@pytest.mark.parametrize("name", ["..", ".", ""])
def test_a_path_parameter_that_would_name_another_resource_is_refused_before_sending(
    petstore: Any, client: Any, wire: WireServer, name: str
) -> None:
    wire.answer(200, "application/json", "{}")
    op("user.get_user_by_name").sync_detailed("...", client=client)  # three dots are a name
    sent = wire.last.target

    with pytest.raises(petstore.errors.InvalidArgument, match=r"path parameter username: .* would change which"):
        op("user.delete_user").sync_detailed(name, client=client)
    assert sent == "/user/..." and wire.last.target == sent  # nothing more was sent


def user(petstore: Any) -> Any:
    return petstore.models.User(id=1, username="ada", first_name="Ada", email="ada@example.com", user_status=1)


@pytest.mark.parametrize("accept", ["application/json", "application/xml"])
@pytest.mark.parametrize("content_type", ["application/json", "application/xml", "application/x-www-form-urlencoded"])
def test_create_user(petstore: Any, client: Any, wire: WireServer, content_type: str, accept: str) -> None:
    wire.answer(200, accept, json.dumps(USER_JSON) if accept == "application/json" else USER_XML)

    parsed = op("user.create_user").sync(client=client, body=user(petstore), content_type=content_type, accept=accept)

    seen = wire.last
    if content_type == "application/json":
        assert seen.json() == USER_JSON
    elif content_type == "application/xml":
        assert seen.xml() == canonical(USER_XML)
    else:
        assert seen.form() == {k: [str(v)] for k, v in USER_JSON.items()}
    assert parsed == user(petstore)


def test_an_undocumented_status_falls_under_the_default_response_without_content(
    petstore: Any, client: Any, wire: WireServer
) -> None:
    wire.answer(503, "text/plain", "busy")  # the default response documents no content

    response = op("user.create_user").sync_detailed(client=client, body=user(petstore), accept="application/xml")

    assert (response.status_code, response.parsed, response.content) == (503, None, b"busy")


@pytest.mark.parametrize("accept", ["application/json", "application/xml"])
def test_create_users_with_list_input_sends_a_root_array(
    petstore: Any, client: Any, wire: WireServer, accept: str
) -> None:
    wire.answer(200, accept, json.dumps(USER_JSON) if accept == "application/json" else USER_XML)

    parsed = op("user.create_users_with_list_input").sync(
        client=client, body=[user(petstore), user(petstore)], accept=accept
    )

    assert wire.last.json() == [USER_JSON, USER_JSON]
    assert parsed == user(petstore)


@pytest.mark.parametrize(
    ("accept", "body"), [("application/xml", "<string>session 1</string>"), ("application/json", '"session 1"')]
)
def test_login_user_reads_a_string_in_both_media_types(client: Any, wire: WireServer, accept: str, body: str) -> None:
    wire.answer(200, accept, body, **{"X-Rate-Limit": "10"})

    response = op("user.login_user").sync_detailed(client=client, username="ada", password="p&ss", accept=accept)

    assert wire.last.target == "/user/login?username=ada&password=p%26ss"
    assert response.parsed == "session 1"
    assert response.headers["x-rate-limit"] == "10"


def test_logout_user(client: Any, wire: WireServer) -> None:
    wire.answer(200)

    assert op("user.logout_user").sync_detailed(client=client).parsed is None
    assert (wire.last.method, wire.last.target) == ("GET", "/user/logout")


@pytest.mark.parametrize("accept", ["application/json", "application/xml"])
def test_get_user_by_name(petstore: Any, client: Any, wire: WireServer, accept: str) -> None:
    wire.answer(200, accept, json.dumps(USER_JSON) if accept == "application/json" else USER_XML)

    assert op("user.get_user_by_name").sync("ada", client=client, accept=accept) == user(petstore)
    assert wire.last.target == "/user/ada"


@pytest.mark.parametrize("content_type", ["application/json", "application/xml", "application/x-www-form-urlencoded"])
def test_update_user(petstore: Any, client: Any, wire: WireServer, content_type: str) -> None:
    wire.answer(200)

    response = op("user.update_user").sync_detailed(
        "ada", client=client, body=user(petstore), content_type=content_type
    )

    assert (wire.last.method, wire.last.target, wire.last.headers["content-type"]) == ("PUT", "/user/ada", content_type)
    assert response.parsed is None


def test_a_malformed_xml_answer_is_a_typed_error_that_keeps_the_bytes(
    petstore: Any, client: Any, wire: WireServer
) -> None:
    wire.answer(200, "application/xml", "<pet><name>doggie</name>")

    with pytest.raises(petstore.errors.ResponseDecodeError) as raised:
        op("pet.get_pet_by_id").sync(10, client=client, accept="application/xml")

    assert raised.value.status_code == 200
    assert raised.value.content == b"<pet><name>doggie</name>"


@pytest.mark.anyio
async def test_the_async_functions_send_the_same_request(petstore: Any, wire: WireServer) -> None:
    answer_pet(wire, "application/xml")

    async with petstore.AuthenticatedClient(base_url=wire.base_url, token="petstore-token") as client:
        parsed = await op("pet.add_pet").asyncio(
            client=client, body=pet(petstore), content_type="application/xml", accept="application/xml"
        )

    sent_pet(wire, "application/xml")
    assert parsed == pet(petstore)


def test_a_generic_client_reads_a_list_of_ten_thousand_pets_the_partner_center_one_keeps_1_mib(
    petstore: Any, client: Any, wire: WireServer
) -> None:
    """A generic client's default limit fits real list endpoints (64 MiB); the Partner Center layer,
    whose answers are a few kilobytes, keeps 1 MiB (its layer.yaml says so)."""
    from partner_center_auth import Client as PartnerCenterClient

    pets = json.dumps([PET_JSON] * 10_000)
    wire.answer(200, "application/json", pets)

    found = op("pet.find_pets_by_status").sync(client=client, status=petstore.models.FindPetsByStatusStatus.AVAILABLE)

    assert len(pets) > 1024 * 1024 and len(found) == 10_000  # past the old default of 1 MiB
    assert client.max_response_size == 64 * 1024 * 1024
    assert PartnerCenterClient(base_url="https://api.partnercenter.microsoft.com").max_response_size == 1024 * 1024
