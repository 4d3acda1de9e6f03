"""A client library for accessing Swagger Petstore - OpenAPI 3.0"""

# The public names are imported when first used (PEP 562), so `import petstore3_client` costs
# almost nothing and each feature pays only for what it needs (lxml, asyncio, the models).
from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from . import errors, media
    from ._retry import RetryPolicy
    from .client import AuthenticatedClient, Client
    from .errors import Petstore3ClientError
    from .models import ApiResponse, Category, GetInventoryResponse200, Order, Pet, Tag, User

__version__ = "1.0.27-SNAPSHOT"

_WHERE = {
    "ApiResponse": ".models",
    "AuthenticatedClient": ".client",
    "Category": ".models",
    "Client": ".client",
    "GetInventoryResponse200": ".models",
    "Order": ".models",
    "Pet": ".models",
    "Petstore3ClientError": ".errors",
    "RetryPolicy": "._retry",
    "Tag": ".models",
    "User": ".models",
}
_MODULES = ("errors", "media")

__all__ = (
    "ApiResponse",
    "AuthenticatedClient",
    "Category",
    "Client",
    "GetInventoryResponse200",
    "Order",
    "Pet",
    "Petstore3ClientError",
    "RetryPolicy",
    "Tag",
    "User",
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
