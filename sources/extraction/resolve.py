"""Which entity each name in an article is: a record the alias index knows, or a new name.

Known names come from the alias index (`entities`), new ones from their cues (`names`).
Spellings of one new name in both scripts are grouped by their loose key («ميدجورني» and
"Midjourney" are one); a short form beside its long form ("Mistral" and "Mistral AI") is
the same name; a new name found once by its cue is the same name wherever else it
appears. This is the stage that reads the database, through `companies.selectors` and
`deals.selectors`: the records behind known names, the names new ones come close to, and
the deals already recorded between known companies.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from companies.lexicon import LexiconEntry
from companies.normalization import CLITICS, TATWEEL, is_arabic, loose_key, strict_key
from companies.selectors import alias_keys_with_slugs, alias_rows_by_key, record_names
from deals.selectors import deals_with_companies

from .entities import entity_mentions, lexicon_mentions
from .names import COMPANY_SUFFIXES, LEGAL_SUFFIXES, name_candidates
from .not_names import is_not_a_name

#: Particles written attached to the next word: و ف ب ك ل, and لـ with a tatweel.
_ATTACHED = rf"(?:{CLITICS}{TATWEEL}?)?"
SIMILARITY_CUTOFF = 88
NAME_SUFFIXES = COMPANY_SUFFIXES | LEGAL_SUFFIXES


@dataclass
class Entity:
    """One company, person or product the article names: a known record or a new name."""

    kind: str
    spellings: list[str]
    spans: list[tuple[int, int]]
    slug: str | None = None
    record_name: str = ""
    record_name_ar: str = ""
    cues: list[str] = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)
    owner: str = ""
    #: Spellings the alias index matched only loosely: new spellings of a known name.
    new_spellings: list[str] = field(default_factory=list)
    #: The reference lexicon's entry, for a name the tracker has no record of yet.
    lexicon: LexiconEntry | None = None

    @property
    def name(self) -> str:
        """Its Latin-script name if it has one, else its first spelling."""
        if self.record_name:
            return self.record_name
        latin = [s for s in self.spellings if not is_arabic(s)]
        return latin[0] if latin else self.spellings[0]

    @property
    def name_ar(self) -> str:
        if self.record_name_ar:
            return self.record_name_ar
        arabic = [s for s in self.spellings if is_arabic(s)]
        return arabic[0] if arabic else ""

    @property
    def key(self) -> str:
        return f"{self.kind}:{self.slug}" if self.slug else f"{self.kind}:{cluster_key(self.name)}"

    @property
    def identity(self) -> str:
        """What proposals are fingerprinted by: the name, not the slug, so that reading an
        article again after its new names were accepted proposes nothing twice."""
        return cluster_key(self.record_name_ar or self.name) + "|" + cluster_key(self.name)

    def reference(self) -> dict:
        """How a proposal's payload names it: by slug when known, by name when new."""
        return {"type": self.kind, "name": self.name, "name_ar": self.name_ar, "slug": self.slug}


def cluster_key(name: str) -> str:
    key = loose_key(name)
    return key if len(key.replace(" ", "")) >= 2 else strict_key(name)


def known_entities(text: str) -> list[Entity]:
    """Names of records (through the alias index) and of the reference lexicon."""
    mentions = entity_mentions(text)
    lexicon = lexicon_mentions(text, [(m.start, m.end) for m in mentions])
    recorded = _recorded_entries({mention.entry for mention in lexicon})
    ids = {kind: set() for kind in ("company", "person", "product")}
    for mention in mentions:
        ids[mention.kind].add(mention.record_id)
    for kind, record_id in recorded.values():
        ids[kind].add(record_id)
    records = {}
    for kind in ("company", "person", "product"):
        for row in record_names(kind, ids[kind]):
            records[(kind, row["id"])] = row
    entities: dict[tuple, Entity] = {}
    for mention in mentions:
        entity = _record_entity(entities, records[(mention.kind, mention.record_id)], mention.kind)
        _add_mention(entity, mention.start, mention.end, mention.text, new=not mention.exact)
    for mention in lexicon:
        hit = recorded.get(mention.entry)
        if hit is not None:
            entity = _record_entity(entities, records[hit], hit[0])
            _add_mention(entity, mention.start, mention.end, mention.text, new=True)
            continue
        entity = entities.setdefault(
            ("lexicon", mention.entry.name),
            Entity(
                kind=mention.entry.kind,
                spellings=[],
                spans=[],
                record_name=mention.entry.name,
                record_name_ar=mention.entry.name_ar,
                cues=["lexicon"],
                lexicon=mention.entry,
            ),
        )
        _add_mention(entity, mention.start, mention.end, mention.text, new=False)
    return list(entities.values())


def _record_entity(entities: dict, row: dict, kind: str) -> Entity:
    return entities.setdefault(
        (kind, row["id"]),
        Entity(
            kind=kind,
            spellings=[],
            spans=[],
            slug=row["slug"],
            record_name=row["name"],
            record_name_ar=row["name_ar"],
            cues=["alias index"],
        ),
    )


def _add_mention(entity: Entity, start: int, end: int, text: str, *, new: bool) -> None:
    entity.spans.append((start, end))
    if text not in entity.spellings:
        entity.spellings.append(text)
    known = {strict_key(s) for s in (entity.record_name, entity.record_name_ar) if s}
    if new and strict_key(text) not in known and text not in entity.new_spellings:
        entity.new_spellings.append(text)


def _recorded_entries(entries) -> dict:
    """The lexicon entries the tracker already has a record of: entry → (kind, id)."""
    keys = {strict_key(s): entry for entry in entries for s in entry.spellings if strict_key(s)}
    found = {}
    for row in alias_rows_by_key(keys):
        entry = keys[row["key"]]
        record_id = row.get(f"{entry.kind}_id")
        if record_id and entry not in found:
            found[entry] = (entry.kind, record_id)
    return found


_TITLE_WORD = re.compile(r"[A-Za-z][\w'-]*")


def _guessed_in_title(text: str, candidate) -> bool:
    """A name guessed from capitals alone inside a title-case line ("Exporters Brace For
    Tariff Hit"): headlines capitalise every word, so capitals say nothing there."""
    if candidate.cue != "capitalised":
        return False
    start = text.rfind("\n", 0, candidate.start) + 1
    end = text.find("\n", candidate.end)
    words = _TITLE_WORD.findall(text[start : end if end != -1 else len(text)])
    small = {"a", "an", "and", "as", "at", "for", "in", "of", "on", "or", "the", "to", "with"}
    content = [word for word in words if word.lower() not in small]
    return len(content) >= 4 and sum(w[0].isupper() for w in content) >= 0.8 * len(content)


def new_entities(text: str, known: list[Entity]) -> list[Entity]:
    taken = [span for entity in known for span in entity.spans]
    known_by_cluster = {
        (entity.kind, cluster_key(spelling)): entity
        for entity in known
        for spelling in entity.spellings
    }
    clusters: dict[str, Entity] = {}
    for candidate in name_candidates(text):
        if any(start < candidate.end and candidate.start < end for start, end in taken):
            continue
        if is_not_a_name(candidate.name) or _guessed_in_title(text, candidate):
            continue
        cluster = cluster_key(candidate.name)
        same_known = known_by_cluster.get((candidate.kind, cluster))
        if same_known is not None:
            same_known.spans.append((candidate.start, candidate.end))
            if strict_key(candidate.name) not in {strict_key(s) for s in same_known.spellings}:
                same_known.spellings.append(candidate.name)
                same_known.new_spellings.append(candidate.name)
            continue
        entity = clusters.get(cluster)
        if entity is None:
            entity = clusters[cluster] = Entity(kind=candidate.kind, spellings=[], spans=[])
        entity.spans.append((candidate.start, candidate.end))
        entity.kinds.append(candidate.kind)
        entity.cues.append(candidate.cue)
        if candidate.name not in entity.spellings:
            entity.spellings.append(candidate.name)
        if candidate.owner and not entity.owner:
            entity.owner = candidate.owner
    entities = _merge_short_forms(list(clusters.values()))
    for entity in entities:
        entity.kind = Counter(entity.kinds).most_common(1)[0][0]
        _add_other_occurrences(text, entity, taken)
    entities = fold_short_forms(entities, known)
    _add_surnames(text, known, entities)
    return entities


def _add_surnames(text: str, known: list[Entity], new: list[Entity]) -> None:
    """A known person named in full is the same person wherever the surname stands alone
    («إيلون ماسك» … «ماسك»; "Sam Altman" … "Altman"), where no other name stands."""
    taken = [span for entity in [*known, *new] for span in entity.spans]
    for entity in known:
        if entity.kind != "person" or not entity.spans:
            continue
        for spelling in list(entity.spellings):
            words = spelling.split()
            if len(words) < 2 or len(words[-1]) < 3 or is_not_a_name(words[-1]):
                continue
            for start, end in _occurrences(text, words[-1]):
                if not any(s < end and start < e for s, e in taken):
                    entity.spans.append((start, end))
                    taken.append((start, end))
        entity.spans.sort()


def _merge_short_forms(entities: list[Entity]) -> list[Entity]:
    """ "Mistral" beside "Mistral AI", "Ampere" beside "Ampere Computing", "De Freitas"
    beside "Daniel De Freitas": one name."""
    kept = []
    for short in sorted(entities, key=lambda entity: len(name_words(entity.name))):
        longer = next(
            (entity for entity in entities if entity is not short and is_short_form(short, entity)),
            None,
        )
        if longer is None:
            kept.append(short)
            continue
        longer.spans.extend(short.spans)
        longer.kinds.extend(short.kinds)
        longer.spellings.extend(s for s in short.spellings if s not in longer.spellings)
    return sorted(kept, key=lambda entity: entity.spans[0])


def name_words(name: str) -> list[str]:
    """A Latin name's words, "Character.AI" and "Leonardo.Ai" counted as two."""
    return [word for word in re.split(r"[\s.]+", name) if word]


def is_short_form(short: Entity, entity: Entity) -> bool:
    """Whether `short` names `entity` by fewer words: a company by its first words
    ("Ampere" for "Ampere Computing"), a person by the last ("Musk" for "Elon Musk").
    Arabic spellings are grouped by their loose key instead."""
    words, full = name_words(short.name), name_words(entity.name)
    if is_arabic(short.name) or len(full) <= len(words):
        return False
    if _kind_of(entity) == "person":
        return _kind_of(short) != "product" and full[-len(words) :] == words
    company = _kind_of(short) == _kind_of(entity) == "company"
    return company and full[: len(words)] == words


def _kind_of(entity: Entity) -> str:
    return Counter(entity.kinds).most_common(1)[0][0] if entity.kinds else entity.kind


def fold_short_forms(new: list[Entity], known: list[Entity]) -> list[Entity]:
    """New names that are short forms of a name the article gives in full and the
    tracker or the lexicon knows ("Musk" beside "Elon Musk", "Aligned" beside "Aligned
    Data Centers"): the known entity's, not a new company."""
    kept = []
    for entity in new:
        longer = next(
            (other for other in known if other.spans and is_short_form(entity, other)), None
        )
        if longer is None:
            kept.append(entity)
            continue
        longer.spans = sorted({*longer.spans, *entity.spans})
    return kept


def _occurrences(text: str, spelling: str):
    """Where `spelling` stands as a word of its own (after an attached particle in Arabic)."""
    if is_arabic(spelling):
        pattern = rf"(?<![\w]){_ATTACHED}{re.escape(spelling)}(?![\w])"
    else:
        pattern = rf"(?<![A-Za-z0-9]){re.escape(spelling)}(?![A-Za-z0-9])"
    for match in re.finditer(pattern, text):
        yield match.end() - len(spelling), match.end()


def _add_other_occurrences(text: str, entity: Entity, taken: list) -> None:
    """A name found once by its cue is the same name wherever else it appears."""
    spans = set(entity.spans)
    for spelling in entity.spellings:
        for start, end in _occurrences(text, spelling):
            overlaps = any(s < end and start < e for s, e in [*taken, *spans])
            if not overlaps:
                spans.add((start, end))
    entity.spans = sorted(spans)


def similar_records(entity: Entity, choices: dict) -> list[dict]:
    """Existing records whose names come close to a new name (a typo, a missing "s")."""
    found = {}
    for spelling in entity.spellings:
        for _key, score, slug in process.extract(
            strict_key(spelling),
            choices,
            scorer=fuzz.WRatio,
            score_cutoff=SIMILARITY_CUTOFF,
            limit=3,
        ):
            found[slug] = max(found.get(slug, 0), round(score))
    return [{"slug": slug, "score": score} for slug, score in found.items()]


def alias_choices(kind: str) -> dict:
    """Every alias key of records of `kind`, with its record's slug, for `similar_records`."""
    return dict(alias_keys_with_slugs(kind))


def matching_deals(parties: list[Entity], codes: list[str]) -> list[dict]:
    """Deals already recorded between the same known companies with a kind in common."""
    slugs = [entity.slug for entity in parties if entity.slug and entity.kind == "company"]
    if len(slugs) < 2 or len(slugs) < len(parties):
        return []
    deals = deals_with_companies(slugs, codes)
    return [{"slug": deal.slug, "title": deal.title} for deal in deals[:5]]
