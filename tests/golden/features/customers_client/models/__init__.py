"""Contains all the data models used in inputs/outputs"""

from .address import Address
from .contact import Contact
from .customer import Customer
from .customer_list import CustomerList
from .entry import Entry
from .feed import Feed
from .filter_ import Filter
from .get_regions_response_200 import GetRegionsResponse200
from .new_customer import NewCustomer
from .problem import Problem
from .report import Report
from .report_base import ReportBase
from .report_rows import ReportRows
from .status import Status
from .tier import Tier
from .update_customer_body import UpdateCustomerBody
from .upload import Upload

__all__ = (
    "Address",
    "Contact",
    "Customer",
    "CustomerList",
    "Entry",
    "Feed",
    "Filter",
    "GetRegionsResponse200",
    "NewCustomer",
    "Problem",
    "Report",
    "ReportBase",
    "ReportRows",
    "Status",
    "Tier",
    "UpdateCustomerBody",
    "Upload",
)
