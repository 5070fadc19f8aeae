"""Synthetic data at scale, for load and performance tests: the same seed, the same data.

Rows are written in batches with COPY (`bulk_create` on other databases), so no `save()`
runs: what `save` would
compute (alias keys, slugs, article hashes, first days of partial dates) is computed
here, and no history rows are written. Every row still satisfies the models' rules and
database constraints; tests check a sample of each model with `full_clean()`.
"""

import time
from dataclasses import dataclass
from random import Random

from django.db import transaction

from .articles import ArticleDesk
from .companies import companies_generate, people_generate, products_generate
from .deals import deals_generate, investments_generate
from .lawsuits import developments_generate, lawsuits_generate

__all__ = ["Sizes", "synthetic_generate"]

#: Companies that take part in a large share of all deals, as the largest labs do.
HUBS = 5


@dataclass(frozen=True)
class Sizes:
    companies: int
    deals: int
    investments: int
    lawsuits: int

    @property
    def people(self) -> int:
        return self.companies // 2

    @property
    def developments(self) -> int:
        return self.lawsuits // 4


@dataclass(frozen=True)
class Report:
    rows: int
    seconds: float

    @property
    def rows_per_second(self) -> float:
        return self.rows / self.seconds if self.seconds else float(self.rows)


@transaction.atomic
def synthetic_generate(sizes: Sizes, *, seed: int = 0, batch_size: int = 2000) -> Report:
    """Write `sizes` worth of synthetic records in one transaction; the row count and time.

    Deals, investments and lawsuits need at least two companies; the command checks it.
    """
    started = time.monotonic()
    rng = Random(seed)
    desk = ArticleDesk(rng, batch_size)
    directory = companies_generate(rng, sizes.companies, min(HUBS, sizes.companies), batch_size)
    rows = len(directory.companies)
    rows += people_generate(rng, directory, sizes.people, batch_size)
    rows += products_generate(rng, directory, batch_size)
    rows += deals_generate(rng, directory, sizes.deals, desk, batch_size)
    rows += investments_generate(rng, directory, sizes.investments, desk, batch_size)
    rows += lawsuits_generate(rng, directory, sizes.lawsuits, desk, batch_size)
    rows += developments_generate(rng, directory, sizes.developments, desk)
    desk.flush()
    rows += sum(desk.written.values())
    return Report(rows=rows, seconds=time.monotonic() - started)
