"""A union that refuses a value says where the option that matched furthest fails, and why."""

from __future__ import annotations

import pytest

from partner_center_auth._schema import ArrayOf, OneOf, Scalar, SchemaViolation


def test_a_refusal_is_placed_where_the_closest_option_fails_and_names_the_others() -> None:
    items = ArrayOf(OneOf((Scalar("integer"), ArrayOf(Scalar("string", pattern="^[a-z]+$")))))

    with pytest.raises(SchemaViolation) as caught:
        items.check([1, ["a", "b"], ["c", "SECRET-LOOKING"]], "$.tags")

    # Under the container's place, as any other violation: the array option got furthest.
    assert str(caught.value) == (
        "$.tags[2][1]: does not match the pattern '^[a-z]+$' "
        "(as array, the closest of the union's 2 options; integer: expected integer, got array)"
    )
    assert "SECRET-LOOKING" not in str(caught.value)
