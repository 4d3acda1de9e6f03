"""Contains all the data models used in inputs/outputs"""

from .api_fault import ApiFault
from .token_request import TokenRequest
from .token_request_grant_type import TokenRequestGrantType
from .token_response import TokenResponse

__all__ = (
    "ApiFault",
    "TokenRequest",
    "TokenRequestGrantType",
    "TokenResponse",
)
