"""The parser's copies of an operation keep the models it was built with: :func:`models_shared`.

openapi-python-client deep-copies each operation it parses, and, to sort its path parameters,
every model its bodies and responses reach with it (each with its whole schema, as pydantic
objects): on a spec of 300 operations over large models, that copy is two thirds of the parse and
a fifth of the generator's peak memory. The copies are never changed: a model is complete before
the first operation is parsed, and an operation's model is already a copy of its own (the parser
makes one per use, ``evolve``), which is what the sort would copy again. So while the parser
runs, copying a model gives the model itself: the same package, byte for byte.

It is said through :mod:`copyreg`, Python's public table of how a class is copied, for the
parser's run only (a generator is one thread; the table is restored however the parse ends).
"""

from __future__ import annotations

import copyreg
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from openapi_python_client.parser.properties import ModelProperty

__all__ = ["models_shared"]


def _as_is(model: ModelProperty) -> tuple[Callable[[], ModelProperty], tuple[()]]:
    # copyreg's form: the function deepcopy calls for the copy, and its arguments (none: nothing
    # else to copy). The copy is the model itself.
    return (lambda: model), ()


@contextmanager
def models_shared() -> Iterator[None]:
    """While it lasts, ``copy.deepcopy`` keeps every :class:`ModelProperty` it meets, uncopied."""
    before = copyreg.dispatch_table.get(ModelProperty)
    copyreg.dispatch_table[ModelProperty] = _as_is
    try:
        yield
    finally:
        if before is None:
            del copyreg.dispatch_table[ModelProperty]
        else:
            copyreg.dispatch_table[ModelProperty] = before
