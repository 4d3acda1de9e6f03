"""pca-generator: a typed Python client for any OpenAPI 3.0/3.1 document, every media type both ways.

openapi-python-client, pinned, with template overrides and a generic runtime layered into the
package. The command is ``pca-generator generate`` (or ``python -m pca_generator generate``);
:func:`generate` is the same from Python.
"""

from __future__ import annotations

from importlib import metadata

from ._errors import GenerationError
from ._generate import generate

try:
    __version__ = metadata.version("pca-generator")
except metadata.PackageNotFoundError:  # imported from a source tree that was never installed
    __version__ = "0+unknown"

__all__ = ["GenerationError", "__version__", "generate"]
