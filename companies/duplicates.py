"""Finding the records a new name may duplicate, in any spelling or legal form.

"Google LLC", "Meta Platforms, Inc." and «شركة ميتا» name records the tracker may
already hold as "Google" and "Meta". A name's *core* is its strict key without a legal
form at the end ("Inc.", "LLC", «المحدودة») or the word «شركة» in front; two names are
the same when their strict keys, their cores or their loose keys (which equate
transliterations such as جوجل and غوغل) are equal. `duplicate_candidates` is the one
check every path that creates a company, person or product runs.
"""

import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext as _

from .models import Alias
from .normalization import loose_key, strict_key

#: Legal forms and group words that do not change which company a name means, as they
#: read after `strict_key` (lower case, no punctuation).
LEGAL_FORMS = (
    "inc",
    "incorporated",
    "llc",
    "l l c",
    "ltd",
    "limited",
    "corp",
    "corporation",
    "co",
    "company",
    "plc",
    "sa",
    "s a",
    "sas",
    "ag",
    "gmbh",
    "nv",
    "n v",
    "bv",
    "b v",
    "holdings",
    "holding",
    "group",
    "المحدوده",
    "القابضه",
    "ذ م م",
    "ش م ع",
    "للتكنولوجيا",
)
_LEGAL_SUFFIX = re.compile(
    r"(?:\s+(?:" + "|".join(re.escape(form) for form in LEGAL_FORMS) + r"))+$"
)
_COMPANY_WORD = re.compile(r"^(?:شركه|مجموعه)\s+")


def name_core(name: str) -> str:
    """The strict key of `name` without a legal form after it or «شركة» before it.

    A name that is nothing but such words keeps its key ("The Company" stays itself).
    """
    key = strict_key(name)
    core = _COMPANY_WORD.sub("", _LEGAL_SUFFIX.sub("", key)).strip()
    return core or key


@dataclass(frozen=True)
class Candidate:
    """An existing record that a new name duplicates, and its spelling that matched."""

    record: object
    spelling: str


def duplicate_candidates(
    model, names: list[str], *, exclude_pk=None, within: dict | None = None
) -> list[Candidate]:
    """Records of `model` (Company, Person or Product) that one of `names` already names.

    A record is a candidate when its name is one of `names` or one of its spellings
    shares a strict key, a core or a loose key with a name: creating the name beside it
    is refused unless the curator says it is another entity. `within` narrows the
    records (a product's maker: `{"company": meta}`), since two makers may give products
    the same name.
    """
    names = [name for name in names if name and strict_key(name)]
    if not names:
        return []
    field = model._meta.model_name
    keys = {strict_key(name) for name in names}
    cores = {name_core(name) for name in names}
    looses = {loose_key(name) for name in names} - {""}
    matching = Q(key__in=keys | cores) | Q(loose_key__in=looses)
    for core in cores:
        matching |= Q(key__startswith=f"{core} ")
    aliases = (
        Alias.objects.filter(
            matching,
            **{f"{field}__isnull": False},
            **{f"{field}__{name}": value for name, value in (within or {}).items()},
        )
        .exclude(**{field: exclude_pk})
        .select_related(field)
        .order_by(f"{field}_id", "-is_primary", "id")
    )
    found: dict[int, Candidate] = {}
    named = Q(name__iexact=names[0]) | Q(name_ar__in=names) | Q(name__in=names)
    same_name = model._default_manager.filter(named, **(within or {})).exclude(pk=exclude_pk)
    for record in same_name:
        found[record.pk] = Candidate(record, record.name)
    for alias in aliases:
        same = alias.key in keys or alias.loose_key in looses or name_core(alias.name) in cores
        record_id = getattr(alias, f"{field}_id")
        if same and record_id not in found:
            found[record_id] = Candidate(getattr(alias, field), alias.name)
    return list(found.values())


class PossibleDuplicate(ValidationError):
    """A new company, person or product whose name an existing record already has."""

    def __init__(self, model, candidates: list[Candidate]):
        self.model = model
        self.candidates = candidates
        listed = ", ".join(f"{c.record} ({c.record.slug})" for c in candidates)
        super().__init__(
            {
                "name": [
                    _(
                        "This may be a %(kind)s already recorded: %(records)s. Merge into it, "
                        "or confirm that it is a different %(kind)s."
                    )
                    % {"kind": model._meta.verbose_name, "records": listed}
                ]
            },
            code="possible_duplicate",
        )


def duplicates_refuse(model, names: list[str], *, exclude_pk=None, within=None) -> None:
    """Raise `PossibleDuplicate` when an existing record already has one of `names`."""
    candidates = duplicate_candidates(model, names, exclude_pk=exclude_pk, within=within)
    if candidates:
        raise PossibleDuplicate(model, candidates)
