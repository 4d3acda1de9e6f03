"""A union that refuses a value says where the option that matched furthest fails, and why."""

from __future__ import annotations

import pytest

from partner_center_auth._schema import ArrayOf, Null, OneOf, Scalar, SchemaViolation


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


def test_of_options_that_fail_at_the_same_place_the_one_of_the_values_type_says_why() -> None:
    country = OneOf((Null(), Scalar("string", enum=("AD", "AE"))))  # a nullable enum, as 3.1 specs write it

    with pytest.raises(SchemaViolation) as caught:
        country.check("ZZ", "$.country")

    # Not "expected null, got string": the string option is the one the caller meant.
    assert str(caught.value) == (
        "$.country: expected one of ['AD', 'AE'] (as string, the closest of the union's 2 options; "
        "null: expected null, got string)"
    )


def test_a_value_of_none_of_the_options_types_is_said_against_all_of_them() -> None:
    owner = OneOf((Null(), ArrayOf(Scalar("string")), Scalar("integer")))  # a nullable union, as 3.0 specs write it

    with pytest.raises(SchemaViolation) as caught:
        owner.check("Ann", "$.owner")

    # Not "expected null, got string (as null, the closest...)": no option is closer than another.
    assert str(caught.value) == "$.owner: expected null or array or integer, got string"
    assert caught.value.types == ("null or array or integer", "string")
