"""The values every contender writes and reads: one per model, as real services send them."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from partner_center_auth import ApiFault, TokenRequest, TokenResponse


def token_request() -> TokenRequest:
    return TokenRequest()


def token_response() -> TokenResponse:
    token = TokenResponse(
        access_token="eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9." + "x" * 900,
        token_type="bearer",
        expires_in=3600,
        expires_on="1767225600",
    )
    token.additional_properties = {
        "resource": "https://api.partnercenter.microsoft.com",
        "ext_expires_in": "3599",
        "not_before": "1767222000",
    }
    return token


def api_fault() -> ApiFault:
    fault = ApiFault(
        code=3000,
        description="Partner Organization 0e4d could not be found",
        data=["tenantId 0e4d is unknown", "check the tenant"],
        source="PartnerFD",
        is_retryable=False,
    )
    fault.additional_properties = {"traceId": "0HN7KD2FQ"}
    return fault


MODELS: dict[str, Callable[[], TokenRequest | TokenResponse | ApiFault]] = {
    "TokenRequest": token_request,
    "TokenResponse": token_response,
    "ApiFault": api_fault,
}


def as_dict(name: str) -> dict[str, Any]:
    return MODELS[name]().to_dict()
