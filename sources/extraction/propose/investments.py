"""Investments: who put money into whom, from the words before each party."""

from __future__ import annotations

import re

from .drafts import date_payload, event_confidence, joined_names, money_payload

_RAISED = re.compile(r"جمعت|جمع|جولة|raised|raises|round", re.I)
#: "in it" right after an investing verb: the money went to the company referred to.
_IN_IT = re.compile(
    r"\s*(?:(?<!\w)(?:فيها|فيه|فيهما)(?!\w)|in (?:it|the company|the startup)\b)", re.I
)
#: A round named by the company it is for, right after it: «جولة تمويل OpenAI».
_ROUND_OF = re.compile(r"[وفبل]?(?:ال)?جول(?:ة|ه) (?:ال)?تمويل(?:ية|يه)?")
#: Words before the company that receives an investment: "in", "into", «في».
_INTO = frozenset({"in", "into", "في", "فى", "بشركة"})
_COMPANY_NOUNS = frozenset({"شركة", "شركه", "الشركة", "startup", "company", "firm", "lab"})
_WORD_BEFORE = re.compile(r"[^\W\d_]+", re.UNICODE)
_BACKED = re.compile(r"backed|مدعوم", re.I)


class InvestmentDrafts:
    """The investment proposals of an article (a part of `EventDrafts`)."""

    def investment(self, sentence, cue, amount, date) -> None:
        named = self.doc.named_in(sentence, ("company", "person"))
        investee, investors = self.investment_roles(sentence, cue, named)
        if investee is None:
            return
        subject = None if investors else self.tied_subject(sentence)
        if subject is not None and subject.key != investee.key:
            investors = [subject]
        value = money_payload(amount)
        if not investors and value is None:
            return
        payload = {
            "investee": investee.reference(),
            "investors": [entity.reference() for entity in investors],
            "status": "announced",
        }
        if value:
            payload["value"] = value
        if date:
            payload["announced"] = date_payload(date)
        title = f"{joined_names(investors) or '?'} → {investee.name}"
        confidence = event_confidence([investee], investors, value, date)
        identity = [investee.identity, sorted(e.identity for e in investors)]
        self.propose(
            "investment", sentence, payload, f"Investment: {title}", date, confidence, identity
        )

    def receives(self, start: int) -> bool:
        """Whether the party at `start` follows "in" / «في» (or «في شركة»): it is invested in."""
        words = _WORD_BEFORE.findall(self.doc.text[max(0, start - 40) : start].lower())[-2:]
        if words and words[-1] in _COMPANY_NOUNS:
            words = words[:-1]
        return bool(words) and words[-1] in _INTO

    def investment_roles(self, sentence, cue, named):
        """Who put money into whom: the words before each party say its role.

        The company after "in" / «في» (or "stake in") receives the money; after "led by"
        / «بقيادة» / "backed by" / «المدعومة من» a party invests; a company that raises is
        the one before the raising cue (or inside it: «جمعت شركة X … تمويلاً»). A role
        the sentence does not give stays empty.
        """
        if _IN_IT.match(self.doc.text[cue.end : sentence.end]):
            # «ضخت فيها أمازون», "invested in it": the company the story is about.
            investee = self.doc.most_named
            if investee is None:
                return None, []
            self.shared_investee = investee
            return investee, [e for _start, e in named if e.key != investee.key]
        led = [e for start, e in named if self.doc.modifies(start) == "led"]
        named = [(start, e) for start, e in named if not self.doc.modifies(start)]
        companies = [(start, e) for start, e in named if e.kind == "company"]
        receiving = [e for start, e in companies if self.receives(start)]
        if not receiving and _ROUND_OF.fullmatch(cue.text):
            # «تشارك في جولة تمويل OpenAI»: the round is the company's that follows it.
            receiving = [e for start, e in companies if 0 <= start - cue.end <= 2]
        if receiving:
            investee = receiving[0]
        elif _RAISED.search(cue.text) or _BACKED.search(cue.text):
            raising = [e for start, e in companies if start < cue.end]
            investee = raising[-1] if raising else None
        elif self.shared_investee is not None:
            # "…, while Google invested $3 billion": the same company as the clause before.
            investee = self.shared_investee
        else:
            after = [e for start, e in companies if start >= cue.end]
            investee = after[0] if after else None
        if investee is None:
            return None, []
        self.shared_investee = investee
        investors = [e for _start, e in named if e.key != investee.key]
        if _BACKED.search(cue.text) and not receiving:
            investors = [e for start, e in named if start >= cue.end and e.key != investee.key]
        elif _RAISED.search(cue.text) and not receiving:
            investors = [e for start, e in named if start >= cue.start and e.key != investee.key]
        investors += [e for e in led if e.key != investee.key and e not in investors]
        return investee, investors
