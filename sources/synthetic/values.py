"""Partial dates, money values and unique slugs for rows written without `save()`.

Bulk inserts skip the models' `save`, so what `save` would do is done here: a partial
date is stored as the first day of its period, and a slug is unique in its table.
"""

import datetime
from decimal import Decimal
from random import Random

from django.db import models

from core.dates import DateBasis, DatePrecision, PartialDate
from core.money import MoneyBasis, MoneyQualifier
from core.slugs import slug_base

FIRST_DAY = datetime.date(2012, 1, 1)
DAYS = 365 * 14

#: How often sources date an event to each precision, as (precision, weight).
PRECISIONS = (
    (DatePrecision.DAY, 50),
    (DatePrecision.MONTH, 25),
    (DatePrecision.QUARTER, 5),
    (DatePrecision.YEAR, 10),
    (DatePrecision.UNKNOWN, 10),
)
CURRENCIES = (("USD", 80), ("EUR", 8), ("GBP", 5), ("SAR", 4), ("AED", 3))
QUALIFIERS = (
    (MoneyQualifier.EXACT, 70),
    (MoneyQualifier.ABOUT, 20),
    (MoneyQualifier.UP_TO, 6),
    (MoneyQualifier.AT_LEAST, 4),
)


def weighted(rng: Random, choices) -> str:
    values, weights = zip(*choices, strict=True)
    return rng.choices(values, weights)[0]


def partial_date(rng: Random, name: str, *, after: datetime.date | None = None) -> dict:
    """The columns of partial date `name`, on or after `after` when given."""
    precision = weighted(rng, PRECISIONS)
    if precision == DatePrecision.UNKNOWN:
        return PartialDate().columns(name)
    start = after or FIRST_DAY
    day = start + datetime.timedelta(days=rng.randrange(DAYS // 2 if after else DAYS))
    basis = DateBasis.INFERRED if rng.random() < 0.1 else DateBasis.STATED
    return PartialDate(day, precision, basis).columns(name)


def money(rng: Random, name: str, *, low: int, high: int) -> dict:
    """The columns of money value `name`: mostly an amount between 10**low and 10**high,
    sometimes undisclosed, sometimes not stated at all."""
    draw = rng.random()
    columns = {f"{name}_undisclosed": False, f"{name}_currency": "", f"{name}_amount": None}
    if draw < 0.15:
        return {**columns, f"{name}_undisclosed": True}
    if draw < 0.3:
        return columns
    mantissa = Decimal(rng.randint(10, 999)) / 10
    return {
        **columns,
        f"{name}_amount": mantissa * Decimal(10) ** rng.randint(low, high - 2),
        f"{name}_currency": weighted(rng, CURRENCIES),
        f"{name}_qualifier": weighted(rng, QUALIFIERS),
        f"{name}_basis": MoneyBasis.PER_YEAR if rng.random() < 0.05 else MoneyBasis.TOTAL,
    }


class SlugBook:
    """Unique slugs for one model: the table's own, then those handed out here.

    Like `core.slugs.unique_slug` ("meta", "meta-2", …), but without a query per row, and
    remembering the next number of each base so a name used thousands of times stays fast.
    """

    def __init__(self, model: type[models.Model], fallback: str, max_length: int = 80):
        self.taken = set(model._default_manager.values_list("slug", flat=True))
        self.next_number: dict[str, int] = {}
        self.fallback = fallback
        self.max_length = max_length

    def slug(self, *names: str) -> str:
        base = slug_base(*names)[: self.max_length].strip("-") or self.fallback
        candidate, number = base, self.next_number.get(base, 2)
        while candidate in self.taken:
            suffix = f"-{number}"
            candidate = f"{base[: self.max_length - len(suffix)]}{suffix}"
            number += 1
        self.next_number[base] = number
        self.taken.add(candidate)
        return candidate
