"""What openapi-python-client drops from a spec, each as a notice placed on the part it dropped.

Its problems name their part in their header (``WARNING parsing GET /pets within pets.``,
``Unable to process schema /components/schemas/Pet:``, ``Unable to parse parameter
/components/parameters/limit``): that is the place a warning points at, with its line. Some of them
quote a value of the spec as ``<...UntrustedString object at 0x...>`` (its guard against a spec's
text reaching generated code also hides it from the message): an address means nothing to a
reader, so it is said as what it stands for.
"""

from __future__ import annotations

import re

from openapi_python_client.parser.errors import GeneratorError

from ._pointer import escape
from ._yaml import Notice

__all__ = ["OPERATION", "dropped", "place", "said"]

OPERATION = re.compile(r"WARNING parsing (?P<method>[A-Z]+) (?P<path>\S+) within")
"""The header of a problem of one operation: its method and path as the spec writes them."""
_COMPONENT = re.compile(r"Unable to (?:process|parse) (?:schema|parameter) #?(?P<pointer>/components/[^:]+)")
"""(A key may hold spaces: the pointer ends where the header does, at its colon.)"""
_HIDDEN = re.compile(r"<openapi_python_client\.schema\.untrusted_string\.UntrustedString object at 0x[0-9a-fA-F]+>")


def dropped(problem: GeneratorError) -> Notice:
    """``problem`` as a warning on the part of the spec it is about."""
    return Notice(place(problem), f"openapi-python-client dropped a part: {said(problem)}", "generated without it")


def place(problem: GeneratorError) -> str:
    """The pointer of the operation or component ``problem`` is about (``#`` when it names none)."""
    text = said(problem)
    if (operation := OPERATION.search(text)) is not None:
        return f"#/paths/{escape(operation['path'])}/{operation['method'].lower()}"
    if (component := _COMPONENT.search(text)) is not None:
        return f"#{component['pointer']}"
    return "#"


def said(problem: GeneratorError) -> str:
    """One of openapi-python-client's problems, as one line (its header may start with a newline)."""
    header = " ".join(str(problem.header).split())
    detail = " ".join((problem.detail or "").split())
    return _HIDDEN.sub("(a value of the spec)", f"{header}: {detail}" if detail else header)
