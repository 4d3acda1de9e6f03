"""A client library for accessing Customers"""

# The public names are imported when first used (PEP 562), so `import customers_client` costs
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
    from .errors import CustomersClientError as CustomersClientError
    from .models import Address as Address
    from .models import Contact as Contact
    from .models import Customer as Customer
    from .models import CustomerList as CustomerList
    from .models import Entry as Entry
    from .models import Feed as Feed
    from .models import Filter as Filter
    from .models import GetRegionsResponse200 as GetRegionsResponse200
    from .models import NewCustomer as NewCustomer
    from .models import Problem as Problem
    from .models import Report as Report
    from .models import ReportBase as ReportBase
    from .models import ReportRows as ReportRows
    from .models import UpdateCustomerBody as UpdateCustomerBody
    from .models import Upload as Upload

__version__ = "2.1.0"

# Each public name and the module that defines it: the one list `__all__` derives from.
_WHERE = {
    "Address": ".models",
    "AuthenticatedClient": ".client",
    "Client": ".client",
    "Contact": ".models",
    "Customer": ".models",
    "CustomerList": ".models",
    "CustomersClientError": ".errors",
    "Entry": ".models",
    "Feed": ".models",
    "Filter": ".models",
    "GetRegionsResponse200": ".models",
    "NewCustomer": ".models",
    "Problem": ".models",
    "Report": ".models",
    "ReportBase": ".models",
    "ReportRows": ".models",
    "RetryPolicy": "._retry",
    "UpdateCustomerBody": ".models",
    "Upload": ".models",
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
