"""Hostile XML, on the client's codecs and on the stand-in server: typed errors, fast, no I/O."""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from corpus.hostile_xml import ATTACKS, UTF16_SAYING_UTF8, Attack
from partner_center_auth import TokenRequest, TokenResponse, errors, media
from partner_center_auth.testing import StandInServer


class Listener:
    """A loopback TCP listener that counts the connections it is offered."""

    def __init__(self) -> None:
        self.socket = socket.create_server(("127.0.0.1", 0))
        self.socket.settimeout(0.05)
        self.connections = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.socket.getsockname()[1]}"

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                connection, _ = self.socket.accept()
            except TimeoutError:
                continue
            self.connections += 1
            connection.close()

    def close(self) -> None:
        self._stop.set()
        self._thread.join()
        self.socket.close()


@pytest.fixture(scope="module")
def listener() -> Iterator[Listener]:
    listening = Listener()
    yield listening
    listening.close()


@pytest.fixture(scope="module")
def fifo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("fifo") / "secret"
    os.mkfifo(path)  # opening it for reading blocks until a writer comes: none ever will
    return path


def body_of(attack: Attack, listener: Listener, fifo: Path) -> bytes:
    return attack.body.replace(b"{url}", listener.url.encode()).replace(b"{file}", str(fifo).encode())


def within(seconds: float, action: object) -> object:
    """Run ``action`` in a thread; fail (rather than hang) if it takes longer than ``seconds``."""
    outcome: list[object] = []
    thread = threading.Thread(target=lambda: outcome.append(_capture(action)), daemon=True)
    started = time.perf_counter()
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), f"still running after {seconds}s: it opened the FIFO or looped"
    assert time.perf_counter() - started < seconds
    return outcome[0]


def _capture(action: object) -> object:
    try:
        return action()  # type: ignore[operator]
    except BaseException as error:
        return error


@pytest.mark.parametrize("attack", ATTACKS, ids=[attack.name for attack in ATTACKS])
def test_the_client_codec_refuses_it(attack: Attack, listener: Listener, fifo: Path) -> None:
    body = body_of(attack, listener, fifo)

    outcome = within(1.0, lambda: media.deserialize(TokenResponse, body, attack.content_type))

    assert isinstance(outcome, errors.DeserializationError), outcome
    assert isinstance(outcome, errors.PartnerCenterAuthError)
    assert outcome.content == body
    assert listener.connections == 0


@pytest.mark.parametrize("attack", ATTACKS, ids=[attack.name for attack in ATTACKS])
def test_the_stand_in_refuses_it(attack: Attack, listener: Listener, fifo: Path, server: StandInServer) -> None:
    body = body_of(attack, listener, fifo).replace(b"TokenResponse", b"TokenRequest")
    body = body.replace(b"access_token>", b"grant_type>").replace(b">t</", b">jwt_token</")

    answer = within(
        1.0,
        lambda: httpx.post(
            f"{server.base_url}/v3/generatetoken",
            content=body,
            headers={"Authorization": "Bearer x", "Content-Type": attack.content_type},
        ),
    )

    assert isinstance(answer, httpx.Response), answer
    assert answer.status_code in (400, 413)  # 413: bodies past the stand-in's 1 MiB
    assert listener.connections == 0


def test_the_listener_would_have_seen_a_connection(listener: Listener) -> None:
    before = listener.connections
    with pytest.raises(httpx.HTTPError):
        httpx.get(listener.url, timeout=1)
    time.sleep(0.2)

    assert listener.connections == before + 1


def test_charset_wins_over_the_xml_declaration() -> None:
    # RFC 7303: the charset parameter is authoritative; decoded by it, the document is whole.
    token = media.deserialize(TokenResponse, UTF16_SAYING_UTF8, "application/xml; charset=utf-16")

    assert token == TokenResponse(access_token="t")


def test_a_well_formed_request_still_passes() -> None:
    assert media.deserialize(TokenRequest, media.serialize(TokenRequest(), "text/xml"), "text/xml") == TokenRequest()
