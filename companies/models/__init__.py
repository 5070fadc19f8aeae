from .aliases import Alias, AliasLanguage
from .companies import Company, CompanyKind, CompanyStatus
from .facts import Channel, Metric, MetricKind, Rivalry, Statement, StatementKind
from .people import Person, Role
from .products import Product, ProductKind

__all__ = [
    "Alias",
    "AliasLanguage",
    "Channel",
    "Company",
    "CompanyKind",
    "CompanyStatus",
    "Metric",
    "MetricKind",
    "Person",
    "Product",
    "ProductKind",
    "Rivalry",
    "Role",
    "Statement",
    "StatementKind",
]
