"""Typed JSON: the libraries Python users reach for today, each decoding into its own typed,
validated value of the same schema, and encoding it back.

* msgspec: a ``Struct`` per model and one ``Decoder`` / ``Encoder`` per type, made once;
* pydantic v2: ``model_validate_json`` / ``model_dump_json``;
* orjson with the generated ``from_dict`` / ``to_dict``: a fast parser in front of the models;
* ours: ``partner_center_auth.media``, which checks every property against the spec's schema.

The goals are stated against them: never slower than pydantic v2, within 1.5× of msgspec.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any

import msgspec
import orjson
import pydantic

from partner_center_auth import media

from . import samples
from .harness import Row, measure_together, table, verdict

GOAL_MSGSPEC = 1.5
_NUMERIC = r"^[0-9]+$"


# msgspec: the schema as Structs (unknown properties are kept by the spec: a dict of extras is
# not msgspec's model, so the Structs forbid nothing and drop them, which flatters msgspec).
class MsgspecTokenRequest(msgspec.Struct, omit_defaults=True):  # type: ignore[call-arg, unused-ignore]
    grant_type: str = "jwt_token"


class MsgspecTokenResponse(msgspec.Struct, omit_defaults=True):  # type: ignore[call-arg, unused-ignore]
    access_token: str
    token_type: str | None = None
    expires_in: int | Annotated[str, msgspec.Meta(pattern=_NUMERIC)] | None = None
    expires_on: int | Annotated[str, msgspec.Meta(pattern=_NUMERIC)] | None = None


class MsgspecApiFault(msgspec.Struct, omit_defaults=True, rename={"is_retryable": "isRetryable"}):  # type: ignore[call-arg, unused-ignore]
    code: int | str | None = None
    description: Annotated[str, msgspec.Meta(max_length=1024)] | None = None
    data: list[Any] | None = None
    source: str | None = None
    is_retryable: bool | None = None


# pydantic v2: the same schema, unknown properties kept (extra="allow") as the spec says.
class PydanticTokenRequest(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(extra="forbid")
    grant_type: str = "jwt_token"


class PydanticTokenResponse(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(extra="allow")
    access_token: str
    token_type: str | None = None
    expires_in: pydantic.StrictInt | Annotated[str, pydantic.StringConstraints(pattern=_NUMERIC)] | None = None
    expires_on: pydantic.StrictInt | Annotated[str, pydantic.StringConstraints(pattern=_NUMERIC)] | None = None


class PydanticApiFault(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(extra="allow", populate_by_name=True)
    code: pydantic.StrictInt | str | None = None
    description: Annotated[str, pydantic.StringConstraints(max_length=1024)] | None = None
    data: list[Any] | None = None
    source: str | None = None
    is_retryable: bool | None = pydantic.Field(default=None, alias="isRetryable")


MSGSPEC: dict[str, type[msgspec.Struct]] = {
    "TokenRequest": MsgspecTokenRequest,
    "TokenResponse": MsgspecTokenResponse,
    "ApiFault": MsgspecApiFault,
}
PYDANTIC: dict[str, type[pydantic.BaseModel]] = {
    "TokenRequest": PydanticTokenRequest,
    "TokenResponse": PydanticTokenResponse,
    "ApiFault": PydanticApiFault,
}


def contenders(name: str, write: bool) -> list[tuple[str, Callable[[], object]]]:
    """(label, action) for every contender, ours first."""
    value = samples.MODELS[name]()
    model = type(value)
    content = media.serialize(value, "application/json")
    decoder = msgspec.json.Decoder(MSGSPEC[name])
    encoder = msgspec.json.Encoder()
    struct = decoder.decode(content)
    peer = PYDANTIC[name]
    validated = peer.model_validate_json(content)
    if write:
        return [
            ("partner_center_auth.media", lambda: media.serialize(value, "application/json")),
            ("msgspec Encoder", lambda: encoder.encode(struct)),
            ("pydantic v2 model_dump_json", lambda: validated.model_dump_json(by_alias=True, exclude_none=True)),
            ("orjson + to_dict", lambda: orjson.dumps(value.to_dict())),
        ]
    return [
        ("partner_center_auth.media", lambda: media.deserialize(model, content, "application/json")),
        ("msgspec Decoder(Struct)", lambda: decoder.decode(content)),
        ("pydantic v2 model_validate_json", lambda: peer.model_validate_json(content)),
        ("orjson + from_dict", lambda: model.from_dict(orjson.loads(content))),
    ]


def run() -> tuple[str, list[tuple[str, float, float]]]:
    """The section of BENCHMARKS.md, and (case, ratio to msgspec, ratio to pydantic) per case."""
    sections, ratios = [], []
    for name in samples.MODELS:
        for write in (False, True):
            labelled = contenders(name, write)
            stats = measure_together([action for _, action in labelled])
            ours, msgspec_stats, pydantic_stats = stats[0], stats[1], stats[2]
            to_msgspec, to_pydantic = ours.median / msgspec_stats.median, ours.median / pydantic_stats.median
            direction = "encode" if write else "decode"
            goal = (
                f"Goal ≤ {GOAL_MSGSPEC}× msgspec: {verdict(to_msgspec <= GOAL_MSGSPEC)} ({to_msgspec:.2f}×). "
                f"Goal ≤ 1× pydantic v2: {verdict(to_pydantic <= 1)} ({to_pydantic:.2f}×)."
            )
            rows = [Row(label, measured) for (label, _), measured in zip(labelled, stats, strict=True)]
            sections.append(
                table(f"{name}, typed JSON {direction}", rows, msgspec_stats, goal=GOAL_MSGSPEC, goal_text=goal)
            )
            ratios.append((f"{name} {direction}", to_msgspec, to_pydantic))
    return "\n".join(sections), ratios
