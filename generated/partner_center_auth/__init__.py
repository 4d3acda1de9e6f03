"""A client library for accessing Partner Center - Generate access token"""

# The public names are imported when first used (PEP 562), so `import partner_center_auth` costs
# almost nothing and each feature pays only for what it needs (lxml, asyncio, the models).
from importlib import import_module
from typing import TYPE_CHECKING, Any

# For type checkers, the same names imported eagerly (`X as X`: an explicit re-export).
if TYPE_CHECKING:
    from . import errors as errors
    from . import media as media
    from ._auth import PartnerCenterAuth as PartnerCenterAuth
    from ._cache.file import FileCache as FileCache
    from ._cache.interface import CachedToken as CachedToken
    from ._cache.interface import CacheUnavailable as CacheUnavailable
    from ._cache.interface import InsecureCache as InsecureCache
    from ._cache.interface import TokenCache as TokenCache
    from ._cache.memory import MemoryCache as MemoryCache
    from ._cache.redis import RedisCache as RedisCache
    from ._credential import AccessToken as AccessToken
    from ._credential import PartnerCenterCredential as PartnerCenterCredential
    from ._provider import TokenProvider as TokenProvider
    from ._retry import RetryPolicy as RetryPolicy
    from ._token import PartnerCenterToken as PartnerCenterToken
    from .aio._provider import AsyncTokenProvider as AsyncTokenProvider
    from .client import AuthenticatedClient as AuthenticatedClient
    from .client import Client as Client
    from .errors import PartnerCenterAuthError as PartnerCenterAuthError
    from .models import ApiFault as ApiFault
    from .models import TokenRequest as TokenRequest
    from .models import TokenResponse as TokenResponse

__version__ = "1.1.0"

# Each public name and the module that defines it: the one list `__all__` derives from.
_WHERE = {
    "AccessToken": "._credential",
    "ApiFault": ".models",
    "AsyncTokenProvider": ".aio._provider",
    "AuthenticatedClient": ".client",
    "CachedToken": "._cache.interface",
    "CacheUnavailable": "._cache.interface",
    "Client": ".client",
    "FileCache": "._cache.file",
    "InsecureCache": "._cache.interface",
    "MemoryCache": "._cache.memory",
    "PartnerCenterAuth": "._auth",
    "PartnerCenterAuthError": ".errors",
    "PartnerCenterCredential": "._credential",
    "PartnerCenterToken": "._token",
    "RedisCache": "._cache.redis",
    "RetryPolicy": "._retry",
    "TokenCache": "._cache.interface",
    "TokenProvider": "._provider",
    "TokenRequest": ".models",
    "TokenResponse": ".models",
}
_MODULES = ("errors", "media")

__all__ = (*_WHERE, *_MODULES)


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
