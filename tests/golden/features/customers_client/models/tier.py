from typing import Literal

Tier = Literal[1, 2, 3]

TIER_VALUES: set[Tier] = {
    1,
    2,
    3,
}


def check_tier(value: int) -> Tier:
    if value in TIER_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {TIER_VALUES!r}")
