"""A Petstore 3 client beside stock openapi-python-client, pydantic v2, msgspec and hand-written floors.

Both clients are generated from ``tests/specs/petstore3.yaml`` for this run: ours by
``pca-generator`` (``petstore3_client``), stock's by openapi-python-client itself
(``stock_petstore3_client``). Every contender of a call reads the same bytes from the same
``httpx.MockTransport``: ours and stock's through their generated ``find_pets_by_status`` (ours
with its default deadline), the others through an ``httpx.Client`` and their own decoding
(pydantic's ``TypeAdapter(list[Pet]).validate_json``, msgspec's ``decode(type=list[Pet])`` into its
C structs, and a hand-written loop from ``msgspec.json.decode`` into our attrs models). Sizes are
1, 100, 1 000 and 10 000 pets, each with a category, two tags and two photo URLs. Every figure is
a median of interleaved rounds (``measure_together``).
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
import tracemalloc
from collections.abc import Callable
from typing import Any

import httpx
import msgspec
import pydantic
from lxml import etree

from .harness import measure_together, microseconds, verdict
from .startup import with_bytecode

SIZES = (1, 100, 1_000, 10_000)
GOALS = {"pydantic v2": 1.0, "stock openapi-python-client": 0.5, "hand-written attrs loop": 1.0}
XML_GOAL = 1.5
CALL_GOAL = 1.1
MEMORY_GOAL = 6.0
IMPORT_GOAL = 1.1
BASE = "https://petstore.test/api/v3"
LIMIT = 1 << 30  # the largest body is some 2 MB: the size limit is not what is measured here


def pets(count: int) -> list[dict[str, Any]]:
    return [
        {
            "id": i,
            "name": f"pet {i}",
            "category": {"id": i % 7, "name": f"category {i % 7}"},
            "photoUrls": [f"https://example.org/pets/{i}/front.png", f"https://example.org/pets/{i}/side.png"],
            "tags": [{"id": i, "name": f"tag {i}"}, {"id": 100_000 + i % 3, "name": "friendly"}],
            "status": ("available", "pending", "sold")[i % 3],
        }
        for i in range(count)
    ]


# The peers' models of the same schemas ----------------------------------------------------------


class PydanticCategory(pydantic.BaseModel):
    id: int | None = None
    name: str | None = None


class PydanticTag(pydantic.BaseModel):
    id: int | None = None
    name: str | None = None


class PydanticPet(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(populate_by_name=True)
    id: int | None = None
    name: str
    category: PydanticCategory | None = None
    photo_urls: list[str] = pydantic.Field(alias="photoUrls")
    tags: list[PydanticTag] | None = None
    status: str | None = None


PYDANTIC_PETS = pydantic.TypeAdapter(list[PydanticPet])


class StructCategory(msgspec.Struct, omit_defaults=True):
    id: int | None = None
    name: str | None = None


class StructTag(msgspec.Struct, omit_defaults=True):
    id: int | None = None
    name: str | None = None


class StructPet(msgspec.Struct, omit_defaults=True, rename={"photo_urls": "photoUrls"}):
    name: str
    photo_urls: list[str]
    id: int | None = None
    category: StructCategory | None = None
    tags: list[StructTag] | None = None
    status: str | None = None


STRUCT_PETS = msgspec.json.Decoder(list[StructPet])


# The hand-written floors: the same attrs models, every check, code for these three schemas ----


def _floors() -> tuple[Callable[[bytes], object], Callable[[bytes], object]]:
    from petstore3_client.models import Category, Pet, PetStatus, Tag  # type: ignore[import-not-found, unused-ignore]
    from petstore3_client.types import UNSET  # type: ignore[import-not-found, unused-ignore]

    statuses = {status.value: status for status in PetStatus}

    def small(data: dict[str, Any], model: Any) -> Any:
        if type(data) is not dict or len(data) > 2:
            raise ValueError("not a small model")
        found, name = data.get("id", UNSET), data.get("name", UNSET)
        if (found is not UNSET and type(found) is not int) or (name is not UNSET and type(name) is not str):
            raise ValueError("wrong type")
        return model(id=found, name=name)

    def from_json(content: bytes) -> object:
        out = []
        for data in msgspec.json.decode(content):
            name, photos = data["name"], data["photoUrls"]
            found, category, tags, status = (data.get(key, UNSET) for key in ("id", "category", "tags", "status"))
            if type(name) is not str or type(photos) is not list or any(type(url) is not str for url in photos):
                raise ValueError("wrong type")
            if found is not UNSET and type(found) is not int:
                raise ValueError("wrong type")
            out.append(
                Pet(
                    name=name,
                    photo_urls=photos,
                    id=found,
                    category=category if category is UNSET else small(category, Category),
                    tags=tags if tags is UNSET else [small(tag, Tag) for tag in tags],
                    status=status if status is UNSET else statuses[status],
                )
            )
        return out

    parser = etree.XMLParser(resolve_entities=False, no_network=True)

    def small_xml(element: Any, model: Any) -> Any:
        values: dict[str, Any] = {}
        for child in element:
            if child.tag == "id":
                values["id"] = int(child.text)
            elif child.tag == "name":
                values["name"] = child.text or ""
            else:
                raise ValueError("unknown element")
        return model(**values)

    def from_xml(content: bytes) -> object:
        out = []
        for element in etree.fromstring(content, parser):
            values: dict[str, Any] = {}
            for child in element:
                tag = child.tag
                if tag == "id":
                    values["id"] = int(child.text or "")
                elif tag == "name":
                    values["name"] = child.text or ""
                elif tag == "category":
                    values["category"] = small_xml(child, Category)
                elif tag == "photoUrls":
                    values["photo_urls"] = [item.text or "" for item in child]
                elif tag == "tags":
                    values["tags"] = [small_xml(item, Tag) for item in child]
                elif tag == "status":
                    values["status"] = statuses[child.text]
                else:
                    raise ValueError("unknown element")
            out.append(Pet(**values))
        return out

    return from_json, from_xml


# The contenders of one call -------------------------------------------------------------------


def _answer(content: bytes, media_type: str) -> httpx.MockTransport:
    return httpx.MockTransport(
        lambda request: httpx.Response(200, content=content, headers={"Content-Type": media_type})
    )


def _calls(content: bytes) -> dict[str, Callable[[], object]]:
    from petstore3_client import Client  # type: ignore[import-not-found, unused-ignore]
    from petstore3_client.api.pet import find_pets_by_status  # type: ignore[import-not-found, unused-ignore]
    from stock_petstore3_client import Client as StockClient  # type: ignore[import-not-found, unused-ignore]
    from stock_petstore3_client.api.pet import (  # type: ignore[import-not-found, unused-ignore]
        find_pets_by_status as stock_find,
    )

    transport = _answer(content, "application/json")
    ours = Client(base_url=BASE, max_response_size=LIMIT, httpx_args={"transport": transport})
    stock = StockClient(base_url=BASE, httpx_args={"transport": transport})
    plain = httpx.Client(base_url=BASE, transport=transport)
    from_json, _ = _floors()

    def get() -> bytes:
        return plain.get("/pet/findByStatus", params={"status": "available"}).content

    return {
        "ours": lambda: find_pets_by_status.sync(client=ours),
        "stock openapi-python-client": lambda: stock_find.sync(client=stock),
        "pydantic v2": lambda: PYDANTIC_PETS.validate_json(get()),
        "hand-written attrs loop": lambda: from_json(get()),
        "msgspec": lambda: STRUCT_PETS.decode(get()),
    }


def _json_reads() -> tuple[list[str], dict[tuple[int, str], float]]:
    lines = [
        "| pets | ours per call | ours per pet | ÷ stock | ÷ pydantic v2 | ÷ hand-written loop | ÷ msgspec |",
        "|---:|---:|---:|---:|---:|---:|---:|",
    ]
    ratios: dict[tuple[int, str], float] = {}
    for size in SIZES:
        calls = _calls(json.dumps(pets(size)).encode())
        stats = dict(zip(calls, measure_together(list(calls.values()), samples=15), strict=True))
        ours = stats["ours"].median
        for label in calls:
            ratios[size, label] = ours / stats[label].median
        lines.append(
            f"| {size:,} | {microseconds(ours)} | {microseconds(ours / size)} | "
            + " | ".join(
                f"{ratios[size, label]:.2f}×"
                for label in ("stock openapi-python-client", "pydantic v2", "hand-written attrs loop", "msgspec")
            )
            + " |"
        )
    return lines, ratios


def _xml_reads() -> tuple[list[str], dict[int, float]]:
    from petstore3_client import media  # type: ignore[import-not-found, unused-ignore]
    from petstore3_client.api.pet import find_pets_by_status  # type: ignore[import-not-found, unused-ignore]

    content = next(c for r in find_pets_by_status.OPERATION.responses for c in r.contents if r.status == "200")
    _, from_xml = _floors()
    lines = ["| pets | ours | hand walk (lxml) | ÷ floor |", "|---:|---:|---:|---:|"]
    ratios = {}
    for size in SIZES:
        body = media.encode(pets(size), content.document, "application/xml")
        actions: list[Callable[[], object]] = [
            lambda body=body: content.read(body, "application/xml"),  # type: ignore[misc]
            lambda body=body: from_xml(body),  # type: ignore[misc]
        ]
        ours, floor = measure_together(actions, samples=15)
        ratios[size] = ours.median / floor.median
        lines.append(f"| {size:,} | {microseconds(ours.median)} | {microseconds(floor.median)} | {ratios[size]:.2f}× |")
    return lines, ratios


def _writes() -> tuple[list[str], dict[str, float]]:
    from petstore3_client import Client  # type: ignore[import-not-found, unused-ignore]
    from petstore3_client.api.pet import add_pet  # type: ignore[import-not-found, unused-ignore]
    from petstore3_client.models import Pet  # type: ignore[import-not-found, unused-ignore]
    from stock_petstore3_client import Client as StockClient  # type: ignore[import-not-found, unused-ignore]
    from stock_petstore3_client.models import Pet as StockPet  # type: ignore[import-not-found, unused-ignore]

    data = pets(1)[0]
    answer = json.dumps(data).encode()
    transport = _answer(answer, "application/json")
    ours = Client(base_url=BASE, httpx_args={"transport": transport})
    stock = StockClient(base_url=BASE, httpx_args={"transport": transport})

    def stock_add(client: Any, body: Any) -> Any:
        # Stock's generated add_pet does not import (its JSON and form bodies of one model print a
        # type with an ``Unset`` it never imports): its code, as it would run, written out here.
        response = client.get_httpx_client().request(
            method="post", url="/pet", json=body.to_dict(), headers={"Content-Type": "application/json"}
        )
        return StockPet.from_dict(response.json()) if response.status_code == 200 else None

    pet, stock_pet, pydantic_pet = Pet.from_dict(data), StockPet.from_dict(data), PydanticPet.model_validate(data)
    json_content = next(c for c in add_pet.OPERATION.request_contents if c.media_type == "application/json")
    calls = {
        "ours, JSON": lambda: add_pet.sync(client=ours, body=pet),
        "ours, XML": lambda: add_pet.sync(client=ours, body=pet, content_type="application/xml"),
        "stock, JSON": lambda: stock_add(stock, stock_pet),
        "ours: body encoded (compiled dumper, msgspec)": lambda: json_content.write(pet),
        "pydantic v2 model_dump_json": lambda: pydantic_pet.model_dump_json(by_alias=True, exclude_none=True),
    }
    stats = dict(zip(calls, measure_together(list(calls.values()), samples=15), strict=True))
    stock_call, dump = stats["stock, JSON"].median, stats["pydantic v2 model_dump_json"].median
    lines = ["| | median | ÷ stock's call | ÷ pydantic's dump |", "|---|---:|---:|---:|"]
    for label, measured in stats.items():
        lines.append(
            f"| {label} | {microseconds(measured.median)} | {measured.median / stock_call:.2f}× "
            f"| {measured.median / dump:.2f}× |"
        )
    ratios = {
        "JSON call": stats["ours, JSON"].median / stock_call,
        "XML call": stats["ours, XML"].median / stock_call,
        "encode": stats["ours: body encoded (compiled dumper, msgspec)"].median / dump,
    }
    return lines, ratios


def _memory() -> float:
    from petstore3_client.api.pet import find_pets_by_status  # type: ignore[import-not-found, unused-ignore]

    content = next(c for r in find_pets_by_status.OPERATION.responses for c in r.contents if r.status == "200")
    body = json.dumps(pets(10_000)).encode()
    content.read(body, "application/json")  # compiled once, outside the measure
    tracemalloc.start()
    try:
        content.read(body, "application/json")
        return tracemalloc.get_traced_memory()[1] / len(body)
    finally:
        tracemalloc.stop()


def _import_time(module: str, env: dict[str, str]) -> float:
    code = f"import time; s = time.perf_counter(); import {module}; print(time.perf_counter() - s)"
    run = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True, env=env)
    return float(run.stdout)


def _imports() -> tuple[float, float]:
    ours_module, stock_module = (
        "petstore3_client.api.pet.find_pets_by_status",
        "stock_petstore3_client.api.pet.find_pets_by_status",
    )
    ours, stock = [], []
    with tempfile.TemporaryDirectory() as cache:
        env = with_bytecode(cache)  # both from cached bytecode, as installed wheels are
        for _ in range(21):  # interleaved; bytecode cached by the first runs
            ours.append(_import_time(ours_module, env))
            stock.append(_import_time(stock_module, env))
    return statistics.median(ours[1:]), statistics.median(stock[1:])


def run() -> tuple[str, list[tuple[str, bool, str]]]:
    """The section of BENCHMARKS.md, and (goal, met, result) per goal."""
    json_lines, json_ratios = _json_reads()
    xml_lines, xml_ratios = _xml_reads()
    write_lines, write_ratios = _writes()
    memory = _memory()
    ours_import, stock_import = _imports()
    goals: list[tuple[str, bool, str]] = []
    for label, goal in GOALS.items():
        worst = max(json_ratios[size, label] for size in SIZES if size >= 100)
        goals.append(
            (f"Petstore JSON list read ≤ {goal}× {label}, 100 to 10 000 pets", worst <= goal, f"worst {worst:.2f}×")
        )
    worst_xml = max(xml_ratios.values())
    goals.append(
        (
            f"Petstore XML list read ≤ {XML_GOAL}× the hand walk, every size",
            worst_xml <= XML_GOAL,
            f"worst {worst_xml:.2f}×",
        )
    )
    one = json_ratios[1, "stock openapi-python-client"]
    goals.append(
        (f"one call, 1 pet, caller's transport, default deadline ≤ {CALL_GOAL}× stock", one <= CALL_GOAL, f"{one:.2f}×")
    )
    for name in ("JSON call", "XML call"):
        goals.append((f"add_pet {name} ≤ 1.0× stock's call", write_ratios[name] <= 1.0, f"{write_ratios[name]:.2f}×"))
    goals.append(
        (
            "add_pet body encode ≤ pydantic's model_dump_json",
            write_ratios["encode"] <= 1.0,
            f"{write_ratios['encode']:.2f}×",
        )
    )
    goals.append((f"peak memory at 10 000 pets ≤ {MEMORY_GOAL:.0f}× the body", memory <= MEMORY_GOAL, f"{memory:.1f}×"))
    ratio = ours_import / stock_import
    goals.append(
        (
            f"import of an endpoint module ≤ {IMPORT_GOAL}× stock's",
            ratio <= IMPORT_GOAL,
            f"{ratio:.2f}× ({microseconds(ours_import)} and {microseconds(stock_import)})",
        )
    )
    text = [
        "#### JSON list read, one call (`find_pets_by_status`, MockTransport): ours ÷ each contender",
        "",
        *json_lines,
        "",
        "#### XML list read (the response content's `read`) against lxml and a hand walk into the same models",
        "",
        *xml_lines,
        "",
        "#### Writes: `add_pet` with one pet (MockTransport answering the pet in JSON)",
        "",
        *write_lines,
        "",
        "#### Goals",
        "",
        "| goal | result |",
        "|---|---|",
        *(f"| {goal} | {verdict(met)}: {result} |" for goal, met, result in goals),
    ]
    return "\n".join(text) + "\n", goals
