from enum import StrEnum


class OrderStatus(StrEnum):
    APPROVED = "approved"
    DELIVERED = "delivered"
    PLACED = "placed"

    def __str__(self) -> str:
        return str(self.value)
