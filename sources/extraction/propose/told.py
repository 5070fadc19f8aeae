"""What a sentence adds to an event already proposed: "The round was led by NEA",
«وقادت الجولة», "its offer", "The complaint, filed on Wednesday"."""

from __future__ import annotations

import re

from companies.normalization import DEFINITE, strict_key
from core.dates import PartialDate

from ..events import EventKind, EventMention
from .drafts import ProposalDraft, date_payload, money_payload, summary

#: «بعرضه», «بصفقتها»: a noun with a possessive pronoun, an event already told.
_ITS = re.compile(r"^[وف]?ب\w+(?:ه|ها|هما|هم)$")


class ToldAgain:
    """Events told again: a sentence about an event already proposed fills it in."""

    def refers_back(self, cue: EventMention) -> bool:
        """«الشراكة», «قادت الجولة» or "the partnership" after one is proposed: the same
        event again."""
        before = self.doc.text[max(0, cue.start - 6) : cue.start].lower()
        words = cue.text.split()
        definite = any(DEFINITE.match(word) or _ITS.match(word) for word in words)
        named = before.endswith(("the ", "its ", "this ")) or " the " in f" {cue.text.lower()} "
        return (definite or named) and self.latest(cue.kind) is not None

    def latest(self, kind) -> ProposalDraft | None:
        """The last draft proposed of an event of `kind`."""
        return next(
            (d for d in reversed(self.drafts.by_fingerprint.values()) if kind in d.event_kinds),
            None,
        )

    def tell_more(self, kind, sentence, amount, date) -> None:
        """What a sentence about an event already proposed ("The round was led by NEA",
        «وقادت الجولة شركة X», "The complaint, filed on Wednesday") adds to it: a date or
        an amount it lacks, and a round's further investors."""
        draft = self.latest(kind)
        payload = draft.payload
        date_key = {"lawsuit": "filed", "development": "occurred"}.get(draft.kind, "announced")
        if date and not payload.get(date_key):
            payload[date_key] = date_payload(date)
        value = money_payload(amount)
        if value and draft.kind in ("deal", "investment") and not payload.get("value"):
            payload["value"] = value
        if draft.kind == "investment":
            self.more_investors(draft, sentence)
        elif EventKind.BID in draft.event_kinds:
            self.more_bidders(draft, sentence)
        stated = payload.get(date_key)
        shown = PartialDate.from_dict(stated) if stated else None
        title = draft.summary.split(", ")[0]
        if draft.kind == "investment":
            investors = " and ".join(p["name"] for p in payload["investors"]) or "?"
            title = f"Investment: {investors} → {payload['investee']['name']}"
        draft.summary = summary(title, payload.get("value"), shown)

    def more_bidders(self, draft, sentence) -> None:
        """«وضم التحالف إلى جانب ماسك كلاً من X و Y»: the consortium's other members."""
        parties = draft.payload["parties"]
        present = {strict_key(p["name"]) for p in parties}
        for _start, entity in self.doc.named_in(sentence, ("company", "person")):
            if strict_key(entity.name) not in present:
                parties.append({**entity.reference(), "role": "bidder"})
                present.add(strict_key(entity.name))

    def more_investors(self, draft, sentence) -> None:
        investee = draft.payload["investee"]
        present = {strict_key(p["name"]) for p in [investee, *draft.payload["investors"]]}
        for start, entity in self.doc.named_in(sentence):
            if self.receives(start):
                return
            if strict_key(entity.name) not in present:
                draft.payload["investors"].append(entity.reference())
                present.add(strict_key(entity.name))
