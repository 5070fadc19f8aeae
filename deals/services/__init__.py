"""Writes of deals, investments, lawsuits and developments; see `records` and `parties`."""

from .parties import EXCLUSIVE_ROLES, Party, parties_check, parties_replace
from .records import (
    deal_create,
    deal_update,
    development_create,
    development_update,
    investment_create,
    investment_update,
    lawsuit_create,
    lawsuit_event_add,
    lawsuit_event_update,
    lawsuit_update,
)

__all__ = [
    "EXCLUSIVE_ROLES",
    "Party",
    "deal_create",
    "deal_update",
    "development_create",
    "development_update",
    "investment_create",
    "investment_update",
    "lawsuit_create",
    "lawsuit_event_add",
    "lawsuit_event_update",
    "lawsuit_update",
    "parties_check",
    "parties_replace",
]
