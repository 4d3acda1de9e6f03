"""A client library for accessing Swagger Petstore - OpenAPI 3.0"""

# The public names are imported when first used (PEP 562), so `import petstore3_client` costs
# almost nothing and each feature pays only for what it needs (lxml, asyncio, the models).
from importlib import import_module
from typing import TYPE_CHECKING, Any

# For type checkers, the same names imported eagerly (`X as X`: an explicit re-export).
if TYPE_CHECKING:
    from . import errors as errors
    from . import media as media
    from ._retry import RetryPolicy as RetryPolicy
    from .client import AuthenticatedClient as AuthenticatedClient
    from .client import Client as Client
    from .errors import Petstore3ClientError as Petstore3ClientError
    from .models import ApiResponse as ApiResponse
    from .models import Category as Category
    from .models import GetInventoryResponse200 as GetInventoryResponse200
    from .models import Order as Order
    from .models import Pet as Pet
    from .models import Tag as Tag
    from .models import User as User

__version__ = "1.0.27.dev0"

# Each public name and the module that defines it: the one list `__all__` derives from.
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
