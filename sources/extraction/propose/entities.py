"""Proposals of new companies, people and products, and of new spellings of known ones."""

from __future__ import annotations

from companies.lexicon import lexicon_by_name
from companies.normalization import strict_key
from core.dates import PartialDate

from ..resolve import Entity, alias_choices, similar_records
from .article import ArticleIndex
from .drafts import (
    Drafts,
    ProposalDraft,
    company_kinds,
    date_payload,
    entity_summary,
    product_kind,
)


def entity_drafts(
    doc: ArticleIndex,
    drafts: Drafts,
    launches: dict[str, tuple[PartialDate | None, Entity | None]],
    founded: dict[str, PartialDate],
) -> None:
    """Add a draft for each new spelling of a known entity and for each new entity."""
    by_name = {strict_key(s): e for e in doc.entities for s in e.spellings}
    parties = _party_names(drafts)
    choices = {kind: None for kind in ("company", "person", "product")}
    for entity in doc.entities:
        for spelling in entity.new_spellings:
            drafts.add(
                ProposalDraft(
                    kind="alias",
                    summary=f"«{spelling}» is {entity.name}",
                    payload={
                        "name": spelling,
                        "target": {"type": entity.kind, "slug": entity.slug},
                    },
                    confidence=0.6,
                    evidence=doc.evidence_of(entity),
                    identity=[entity.identity, strict_key(spelling)],
                )
            )
        if entity.slug or _unsupported(entity, parties):
            continue
        if choices[entity.kind] is None:
            choices[entity.kind] = alias_choices(entity.kind)
        entry = entity.lexicon
        spellings = list(dict.fromkeys([*entity.spellings, *(entry.spellings if entry else ())]))
        payload = {
            "name": entity.name,
            "name_ar": entity.name_ar,
            "spellings": spellings,
            "similar": similar_records(entity, choices[entity.kind]),
        }
        if entity.kind == "company":
            payload["kinds"] = (
                list(entry.company_kinds)
                if entry and entry.company_kinds
                else company_kinds(" ".join(entity.cues))
            )
            if entity.key in founded:
                payload["founded"] = date_payload(founded[entity.key])
        if entity.kind == "product":
            date, owner = launches.get(entity.key, (None, None))
            if owner is None and (entity.owner or (entry and entry.maker)):
                owner = by_name.get(strict_key(entity.owner or entry.maker))
            if owner is None:
                owner = doc.owner_of(entity)
            payload["company"] = owner.reference() if owner else _maker_reference(entry)
            payload["kind"] = (entry and entry.product_kind) or product_kind(
                doc.evidence_of(entity)
            )
            if date:
                payload["launched"] = date_payload(date)
        mentions = len(entity.spans) + (2 if entry else 0)
        drafts.add(
            ProposalDraft(
                kind=entity.kind,
                summary=entity_summary(entity),
                payload=payload,
                confidence=entity_confidence(entity, mentions),
                evidence=doc.evidence_of(entity),
                identity=[entity.kind, entity.identity],
            )
        )


def _party_names(drafts: Drafts) -> set[str]:
    """The names the event proposals give their parties."""
    names = set()
    for draft in drafts.by_fingerprint.values():
        payload = draft.payload
        references = [payload.get("investee"), *payload.get("investors", [])]
        references += payload.get("parties", []) + payload.get("companies", [])
        names |= {strict_key(r.get("name") or "") for r in references if r}
    return names


def _unsupported(entity: Entity, parties: set[str]) -> bool:
    """A name guessed from capitals alone that no event names as a party: a word of the
    page more often than a company ("Opus", "WWDC", a reporter's name), and nothing a
    curator would record if it were one. Found by a cue or in the lexicon, it stays."""
    guessed = entity.lexicon is None and all(cue == "capitalised" for cue in entity.cues)
    return guessed and strict_key(entity.name) not in parties


def _maker_reference(entry) -> dict | None:
    """A lexicon product's maker, named as the lexicon names it, when the text does not."""
    if entry is None or not entry.maker:
        return None
    maker = lexicon_by_name().get(entry.maker)
    name_ar = maker.name_ar if maker else ""
    return {"type": "company", "name": entry.maker, "name_ar": name_ar, "slug": None}


def entity_confidence(entity: Entity, mentions: int) -> float:
    """How likely a new name is a real company, person or product.

    A lexicon name is; a name with a cue ("X Inc.", «شركة X», a title before a person)
    mostly is; a name guessed from capitals alone is often page text, less so when the
    article names it more than once. Set from the tuning part of the labelled news.
    """
    if entity.lexicon is not None:
        return 0.9
    guessed = all(cue == "capitalised" for cue in entity.cues)
    base = 0.35 if guessed else 0.6
    return round(min(0.9, base + 0.15 * (mentions - 1)), 2)
