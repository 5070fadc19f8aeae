"""Lawsuits and rulings: who sues whom, from the sentence."""

from __future__ import annotations

import re

from .drafts import CLAIM_CUES, REFERS_BACK, date_payload, event_confidence, joined_names

_AGAINST = re.compile(r"\bضد\b|(?<!\w)ضد(?!\w)|\bagainst\b|\bsued\b|\bsues\b", re.I)
#: Who filed it, right after the word for the suit: "brought by X", "from X",
#: «رفعتها X», «التي أقامتها X».
_FILED_BY = re.compile(
    r"\s*(?:[,،]\s*)?(?:(?:\w+\s+){0,3}?(?:(?:brought|filed|lodged)\s+by|from)\b"
    r"|(?:(?:\S+\s+){0,4}?)(?:التي\s+|الذي\s+)?(?:رفع|أقام|اقام)(?:تها|ها|وها|تاها|ته|ه)(?!\w))",
    re.I,
)
#: Where the party that filed a suit stops: "accusing", «تتهمها», «كما» start a new clause.
_CLAUSE_END = re.compile(
    r";|\b(?:accus\w*|alleg\w*|claim\w*|saying|over)\b"
    r"|(?<!\w)(?:و?تتهم\w*|متهم\w*|كما|فيما|بينما|في حين)(?!\w)",
    re.I,
)
#: An aside about a party: ", who co-founded OpenAI with Sam Altman in 2015,".
_ASIDE = re.compile(r",\s*(?:who|which|whose)\b[^,]*,", re.I)
_FACES = re.compile(r"تواجه|يواجه|\bfaces?\b|\bfacing\b", re.I)


class LawsuitDrafts:
    """The lawsuit and ruling proposals of an article (a part of `EventDrafts`)."""

    def lawsuit(self, sentence, cue, date) -> None:
        named = self.doc.named_in(sentence, ("company", "person"), every=True)
        plaintiffs, defendants = (
            list({e.key: e for e in side}.values())
            for side in self.lawsuit_sides(sentence, cue, named)
        )
        if not defendants and not plaintiffs:
            return
        parties = [{**e.reference(), "side": "plaintiff"} for e in plaintiffs] + [
            {**e.reference(), "side": "defendant"} for e in defendants
        ]
        title = f"{joined_names(plaintiffs) or '?'} v. {joined_names(defendants) or '?'}"
        title_ar = (
            f"{joined_names(plaintiffs, True) or '؟'} ضد {joined_names(defendants, True) or '؟'}"
        )
        payload = {
            "title": title,
            "title_ar": title_ar,
            "status": "filed",
            "claims": [code for code, cue_re in CLAIM_CUES.items() if cue_re.search(sentence.text)],
            "parties": parties,
        }
        if date:
            payload["filed"] = date_payload(date)
        confidence = event_confidence(plaintiffs, defendants, None, date)
        identity = [sorted(e.identity for e in plaintiffs), sorted(e.identity for e in defendants)]
        self.propose("lawsuit", sentence, payload, f"Lawsuit: {title}", date, confidence, identity)

    def lawsuit_sides(self, sentence, cue, named):
        """Who sues whom. "X sued Y", «رفعت X دعوى ضد Y»: before the cue (or "against",
        «ضد») sue, after it are sued. "a lawsuit brought by X", «دعوى رفعتها X»: X
        sues, and the parties before the cue (or the company the pronoun of «ضدها»
        refers to) are sued. "X faces a lawsuit": X is sued."""
        rest = self.doc.text[cue.end : sentence.end]
        filer = _FILED_BY.match(rest)
        if filer:
            after_filer = cue.end + filer.end()
            told = self.doc.text[after_filer : sentence.end]
            against, clause_end = _AGAINST.search(told), _CLAUSE_END.search(told)
            stops = [m.start() for m in (against, clause_end) if m]
            pivot = after_filer + min(stops) if stops else sentence.end
            plaintiffs = [e for start, e in named if after_filer <= start < pivot]
            sued = []
            if against and (not clause_end or against.start() < clause_end.start()):
                sued = [e for start, e in named if start >= pivot]
            defendants = sued or [e for start, e in named if start < cue.start]
            if not defendants:
                subject = self.tied_subject(sentence) or self.doc.subject_before(sentence)
                defendants = [subject] if subject else []
            keys = {e.key for e in plaintiffs}
            return plaintiffs, [e for e in defendants if e.key not in keys]
        split = _AGAINST.search(sentence.text)
        pivot = sentence.start + split.start() if split else cue.start
        asides = self.asides(sentence)
        before = [e for start, e in named if start < pivot and not asides(start)]
        rest = max(pivot, cue.end)
        clause_end = _CLAUSE_END.search(self.doc.text[rest : sentence.end])
        end = rest + clause_end.start() if clause_end else sentence.end
        keys = {e.key for e in before}
        after = [e for start, e in named if pivot <= start < end and e.key not in keys]
        opening = self.doc.text[sentence.start : cue.start]
        if _FACES.search(opening) and not split:
            return [], before + after
        if not before and REFERS_BACK.search(opening):
            # "In June, it sued Anthropic": the company the sentences before are about.
            subject = self.doc.subject_before(sentence)
            if subject is not None:
                return [subject], [e for e in after if e.key != subject.key]
        return before, after

    def asides(self, sentence):
        """Whether a position is inside an aside (", who co-founded OpenAI in 2015,"),
        whose names and dates are not the clause's."""
        spans = [
            (sentence.start + m.start(), sentence.start + m.end())
            for m in _ASIDE.finditer(sentence.text)
        ]
        return lambda position: any(start <= position < end for start, end in spans)

    def ruling(self, sentence, date) -> None:
        companies = [entity for _start, entity in self.doc.named_in(sentence)]
        names = joined_names(companies)
        payload = {
            "title": f"Court ruling{': ' + names if names else ''}",
            "title_ar": f"حكم قضائي{': ' + joined_names(companies, True) if companies else ''}",
            "kind": "court_rulings",
            "summary": sentence.text if not self.arabic else "",
            "summary_ar": sentence.text if self.arabic else "",
            "companies": [entity.reference() for entity in companies],
        }
        if date:
            payload["occurred"] = date_payload(date)
        confidence = 0.5 + (0.1 if companies else 0) + (0.1 if date else 0)
        self.propose(
            "development", sentence, payload, payload["title"], date, confidence, [sentence.text]
        )
