from .deals import Deal, DealKind, DealParty, DealPartyRole, DealStatus
from .investments import Investment, InvestmentRound, InvestmentStatus
from .lawsuits import (
    ClaimKind,
    Development,
    DevelopmentKind,
    Lawsuit,
    LawsuitEvent,
    LawsuitEventKind,
    LawsuitParty,
    LawsuitSide,
    LawsuitStatus,
)

__all__ = [
    "ClaimKind",
    "Deal",
    "DealKind",
    "DealParty",
    "DealPartyRole",
    "DealStatus",
    "Development",
    "DevelopmentKind",
    "Investment",
    "InvestmentRound",
    "InvestmentStatus",
    "Lawsuit",
    "LawsuitEvent",
    "LawsuitEventKind",
    "LawsuitParty",
    "LawsuitSide",
    "LawsuitStatus",
]
