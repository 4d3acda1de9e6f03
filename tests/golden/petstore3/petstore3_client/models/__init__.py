"""Contains all the data models used in inputs/outputs"""

from .api_response import ApiResponse
from .category import Category
from .find_pets_by_status_status import FindPetsByStatusStatus
from .get_inventory_response_200 import GetInventoryResponse200
from .order import Order
from .order_status import OrderStatus
from .pet import Pet
from .pet_status import PetStatus
from .tag import Tag
from .user import User

__all__ = (
    "ApiResponse",
    "Category",
    "FindPetsByStatusStatus",
    "GetInventoryResponse200",
    "Order",
    "OrderStatus",
    "Pet",
    "PetStatus",
    "Tag",
    "User",
)
