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


FIRST_NAMES_LATIN = frozenset(
    word_list(
        """
        Sam Satya Sundar Jensen Dario Daniela Elon Mark Marc David Alexandr Alexander Alex
        Mira Demis Mustafa Arthur Greg Ilya Yann Andrew Andrej Andy Jeff Tim Bill Larry
        Sergey Kevin Brad Jack Reid Ben Peter Emmett John Michael Lisa Susan Sheryl Jony
        Aidan Noam Geoffrey Yoshua Robin Masayoshi Aravind Daniel Adam Kate Jane Joe Donald
        Lina Brian Amy Safra Mike Steve Steven James Robert Richard Thomas Charles William
        Matthew Philip Eric Nick Chris Julia Evan Jason Oliver Henry Ian Neil Fidji Arvind
        Sarah Emily Jennifer Laura Anna Maria Sebastian Nat Clem Marissa
        """
    )
)
