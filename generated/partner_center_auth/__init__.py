"""A client library for accessing Partner Center - Generate access token"""

from . import errors, media
from .client import AuthenticatedClient, Client
from .errors import PartnerCenterAuthError
from .models import (
    ApiFault,
    TokenRequest,
    TokenResponse,
)

__version__ = "1.0.0"

__all__ = (
    "AuthenticatedClient",
    "Client",
    "PartnerCenterAuthError",
    "ApiFault",
    "TokenRequest",
    "TokenResponse",
    "errors",
    "media",
)
