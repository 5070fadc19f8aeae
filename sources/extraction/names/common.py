"""What the name finders share: the candidate, its kinds and ranks, word lists."""

from dataclasses import dataclass

from companies.normalization import strict_key

COMPANY, PERSON, PRODUCT = "company", "person", "product"


@dataclass(frozen=True)
class NameCandidate:
    name: str
    start: int
    end: int
    kind: str  # "company" | "person" | "product"
    cue: str  # what made it a candidate: the cue word as written, or a label
    owner: str = ""  # for a product: the name of the company it belongs to


#: Ranks: which candidate keeps a span when two overlap.
EXPLICIT, CUED, GUESSED = 0, 1, 2


def keys(*names: str) -> frozenset[str]:
    return frozenset(strict_key(name) for name in names)


def word_list(block: str) -> list[str]:
    """The words of a block of text: long word lists read better as prose than as items."""
    return block.split()
