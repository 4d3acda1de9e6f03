"""Every public error pickles and copies with what it carries, so that it crosses process boundaries
(ProcessPoolExecutor, multiprocessing) as the error it is, never as BrokenProcessPool."""

from __future__ import annotations

import copy
import inspect
import multiprocessing
import pickle
from concurrent.futures import ProcessPoolExecutor
from typing import Any

import httpx
import pytest

from partner_center_auth import ApiFault, RetryPolicy, TokenProvider, errors
from partner_center_auth.testing import StandInServer

ENTRA = "entra-id-token-for-pickling"

PUBLIC_ERRORS = sorted(
    (value for value in vars(errors).values() if inspect.isclass(value) and issubclass(value, errors.Error)),
    key=lambda cls: cls.__name__,
)
ATTRIBUTES = ("args", "status_code", "headers", "content", "fault", "media_type", "__notes__")


def example(cls: type[errors.Error]) -> errors.Error:
    """An instance of ``cls`` with every attribute its ``__init__`` takes set."""
    headers = httpx.Headers([("Content-Type", "application/json"), ("MS-RequestId", "r-1"), ("Set-Cookie", "a=1")])
    fault = ApiFault(code=401, description="no", data=["x"], source="PartnerFD")
    error: errors.Error
    if issubclass(cls, errors.ApiError):
        error = cls("answered 401", status_code=401, headers=headers, content=b'{"code": 401}', fault=fault)
    elif issubclass(cls, errors.ResponseError):
        error = cls("answered 200", status_code=200, headers=headers, content=b"<html>", **{})
    elif issubclass(cls, errors.DeserializationError):
        error = cls("no", media_type="application/xml; charset=utf-8", content=b"<a")
    elif issubclass(cls, errors.MediaError):
        error = cls("no codec", media_type="image/png")
    else:
        error = cls("what happened")
    error.add_note("a note")
    return error


def same(original: errors.Error, copied: errors.Error) -> None:
    assert type(copied) is type(original) and copied is not original
    assert str(copied) == str(original) and repr(copied) == repr(original)
    for name in ATTRIBUTES:
        assert getattr(copied, name, None) == getattr(original, name, None), name


@pytest.mark.parametrize("cls", PUBLIC_ERRORS, ids=lambda cls: cls.__name__)
@pytest.mark.parametrize("protocol", range(pickle.HIGHEST_PROTOCOL + 1))
def test_every_error_pickles_with_what_it_carries(cls: type[errors.Error], protocol: int) -> None:
    original = example(cls)
    same(original, pickle.loads(pickle.dumps(original, protocol)))


@pytest.mark.parametrize("cls", PUBLIC_ERRORS, ids=lambda cls: cls.__name__)
def test_every_error_copies_with_what_it_carries(cls: type[errors.Error]) -> None:
    original = example(cls)
    same(original, copy.copy(original))
    same(original, copy.deepcopy(original))


def test_there_are_errors_to_check() -> None:
    assert {errors.NotAuthenticated, errors.UnexpectedStatus, errors.MissingExtra, errors.ClientClosed} <= set(
        PUBLIC_ERRORS
    )


def fetch_in_another_process(base_url: str) -> Any:
    with TokenProvider(ENTRA, base_url=base_url, retry=RetryPolicy(max_attempts=1)) as provider:
        return provider.get_token()


@pytest.mark.parametrize("start_method", ["spawn", "fork"])
def test_a_401_raised_in_a_process_pool_reaches_the_caller_as_itself(start_method: str) -> None:
    if start_method not in multiprocessing.get_all_start_methods():
        pytest.skip(f"no {start_method} here")
    with StandInServer() as server, ProcessPoolExecutor(1, multiprocessing.get_context(start_method)) as pool:
        server.fail_next(401)
        with pytest.raises(errors.NotAuthenticated) as refused:
            pool.submit(fetch_in_another_process, server.base_url).result(timeout=60)

    error = refused.value
    assert error.status_code == 401
    assert error.headers["content-type"].startswith("application/json")
    assert b"the stand-in was told to answer 401" in error.content
    assert isinstance(error.fault, ApiFault) and error.fault.code == 4010
    assert ENTRA not in repr(error) and ENTRA not in str(error)
