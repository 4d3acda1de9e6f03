from enum import StrEnum


class FindPetsByStatusStatus(StrEnum):
    AVAILABLE = "available"
    PENDING = "pending"
    SOLD = "sold"

    def __str__(self) -> str:
        return str(self.value)
