"""A client library for accessing Partner Center - Generate access token"""

# The public names are imported when first used (PEP 562), so `import partner_center_auth` costs
# almost nothing and each feature pays only for what it needs (lxml, asyncio, the models).
from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from . import errors, media
    from ._auth import PartnerCenterAuth
    from ._credential import AccessToken, PartnerCenterCredential
    from ._provider import AsyncTokenProvider, PartnerCenterToken, TokenProvider
    from ._retry import RetryPolicy
    from .client import AuthenticatedClient, Client
    from .errors import PartnerCenterAuthError
    from .models import ApiFault, TokenRequest, TokenResponse

__version__ = "1.1.0"

_WHERE = {
    "AccessToken": "._credential",
    "ApiFault": ".models",
    "AsyncTokenProvider": "._provider",
    "AuthenticatedClient": ".client",
    "Client": ".client",
    "PartnerCenterAuth": "._auth",
    "PartnerCenterAuthError": ".errors",
    "PartnerCenterCredential": "._credential",
    "PartnerCenterToken": "._provider",
    "RetryPolicy": "._retry",
    "TokenProvider": "._provider",
    "TokenRequest": ".models",
    "TokenResponse": ".models",
}
_MODULES = ("errors", "media")

__all__ = (
    "AccessToken",
    "ApiFault",
    "AsyncTokenProvider",
    "AuthenticatedClient",
    "Client",
    "PartnerCenterAuth",
    "PartnerCenterAuthError",
    "PartnerCenterCredential",
    "PartnerCenterToken",
    "RetryPolicy",
    "TokenProvider",
    "TokenRequest",
    "TokenResponse",
    "errors",
    "media",
)


def __getattr__(name: str) -> Any:
    if name in _MODULES:
        value = import_module(f".{name}", __name__)
    elif name in _WHERE:
        value = getattr(import_module(_WHERE[name], __name__), name)
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    globals()[name] = value  # later reads skip this function
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
