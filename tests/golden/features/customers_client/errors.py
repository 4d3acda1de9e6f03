from . import _errors
from ._errors import *  # noqa: F403
from ._errors import Error
from ._errors import __doc__ as __doc__
from ._errors import __getattr__ as __getattr__

CustomersClientError = Error
"""The base class of every error this package raises."""

__all__ = ["CustomersClientError"]
__all__ += _errors.__all__
