"""A client library for accessing Partner Center - Generate access token"""

from . import errors, media
from ._auth import PartnerCenterAuth
from ._credential import AccessToken, PartnerCenterCredential
from ._provider import AsyncTokenProvider, PartnerCenterToken, TokenProvider
from ._retry import RetryPolicy
from .client import AuthenticatedClient, Client
from .errors import PartnerCenterAuthError
from .models import (
    ApiFault,
    TokenRequest,
    TokenResponse,
)

__version__ = "1.0.0"

__all__ = (
    "AccessToken",
    "AsyncTokenProvider",
    "AuthenticatedClient",
    "Client",
    "PartnerCenterAuth",
    "PartnerCenterAuthError",
    "PartnerCenterCredential",
    "PartnerCenterToken",
    "RetryPolicy",
    "TokenProvider",
    "ApiFault",
    "TokenRequest",
    "TokenResponse",
    "errors",
    "media",
)
