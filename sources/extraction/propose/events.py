"""Proposals of deals, investments, lawsuits, rulings and launches, sentence by sentence."""

from __future__ import annotations

import re

from core.dates import PartialDate

from ..events import EventKind, EventMention
from ..resolve import Entity, matching_deals
from ..sentences import Sentence
from .article import ArticleIndex, within
from .drafts import (
    DEAL_EVENTS,
    REFERS_BACK,
    Drafts,
    ProposalDraft,
    date_payload,
    deal_family,
    deal_title,
    event_confidence,
    money_payload,
    summary,
)
from .investments import InvestmentDrafts
from .lawsuits import LawsuitDrafts
from .told import ToldAgain

#: Partnership and licensing in one sentence are one deal of both kinds.
_JOINED_EVENTS = {EventKind.PARTNERSHIP, EventKind.LICENSING}

_REJECTED = re.compile(r"رفض|رفضت|rejected|turned down|declined", re.I)
_TALKS = re.compile(r"محادثات|مفاوضات|\btalks\b|negotiat", re.I)
_COMPLETED = re.compile(r"أتمت|أكملت|اكتملت|completed|closed the", re.I)
#: Agreements in the plural: one with each company named after them.
_PLURAL_AGREEMENTS = re.compile(r"شراكات|اتفاقيات|اتفاقات|partnerships|agreements|deals", re.I)
#: The word before the party an offer comes from: «من», "from", "by", «يقوده» (led by).
_OFFERED_BY = frozenset({"من", "from", "by", "يقوده", "يقودها", "بقيادة"})
#: The kinds of event that have a value of their own (a hire's pay goes with its deal).
_VALUED = frozenset({EventKind.INVESTMENT, EventKind.ACQUISITION, EventKind.BID} | _JOINED_EVENTS)
#: Words that join two clauses each telling its own event.
_CLAUSE_JOIN = re.compile(
    r"[,،]?\s+(?:while|whereas)\s+|[،,]?\s*(?<!\w)(?:فيما|بينما|في حين)(?!\w)"
)
_FIGURE = re.compile(
    r"valu(?:ation|ing|ed)|market (?:value|cap)|worth|revenue|sales|turnover"
    r"|تقييم|قيمتها السوقية|القيمة السوقية|قيمة سوقية|إيرادات|ايرادات|الإيرادات|عائدات|مبيعات",
    re.I,
)
_DEAL_VALUE = re.compile(
    r"(?:deal|transaction|acquisition|agreement|صفقة|الصفقة)\s+(?:\S+\s+){0,4}"
    r"(?:valued|worth|قيمتها|بقيمة)",
    re.I,
)
_FOUNDED = re.compile(r"تأسست|تأسس|أسست|founded|was established", re.I)


class EventDrafts(ToldAgain, LawsuitDrafts, InvestmentDrafts):
    """The event proposals of one article; launches and foundings are kept for the
    proposals of the products and companies they concern."""

    def __init__(
        self, *, arabic: bool, doc: ArticleIndex, money, dates, events, drafts: Drafts, dateline=()
    ):
        self.arabic = arabic
        self.dateline = list(dateline)
        self.doc = doc
        self.money = money
        self.dates = dates
        self.events = events
        self.drafts = drafts
        #: The company a sentence's first clause invests in, for the clauses after it.
        self.shared_investee: Entity | None = None
        self.launches: dict[str, tuple[PartialDate | None, Entity | None]] = {}
        self.founded: dict[str, PartialDate] = {}

    def propose(self, kind, sentence, payload, title, date, confidence, identity) -> None:
        """Add a draft of `kind` stated in `sentence`; its summary is `title`, the date and
        the payload's value."""
        self.drafts.add(
            ProposalDraft(
                kind=kind,
                summary=summary(title, payload.get("value"), date),
                payload=payload,
                confidence=confidence,
                evidence=sentence.text,
                identity=identity,
            )
        )

    def sentence_events(self, sentence: Sentence) -> None:
        self.foundation(sentence)
        here = within(self.events, sentence)
        if not here:
            return
        clauses = self.clauses(sentence)
        self.shared_investee = None
        for clause in clauses:
            self.clause_events(clause)

    def clauses(self, sentence: Sentence) -> list[Sentence]:
        """The sentence cut where "while" / «فيما» starts a clause with an event of its own
        ("Amazon put in $8 billion, while Google invested about $3 billion")."""
        joins = [m.span() for m in _CLAUSE_JOIN.finditer(sentence.text)]
        starts = [sentence.start] + [sentence.start + end for _start, end in joins]
        ends = [sentence.start + start for start, _end in joins] + [sentence.end]
        parts = [
            Sentence(start, end, self.doc.text[start:end])
            for start, end in zip(starts, ends, strict=True)
        ]
        if len(parts) > 1 and all(within(self.events, part) for part in parts):
            return parts
        return [sentence]

    def clause_events(self, sentence: Sentence) -> None:
        here = within(self.events, sentence)
        kinds = list(dict.fromkeys(event.kind for event in here))
        cue_at = {kind: next(e for e in here if e.kind == kind) for kind in kinds}
        amounts = within(self.money, sentence)
        amount = next(
            (
                m
                for i, m in enumerate(amounts)
                if not self.is_figure(m, amounts[i - 1] if i else None)
            ),
            None,
        )
        told = [kind for kind in kinds if self.refers_back(cue_at[kind])]
        for kind in told:
            # An amount goes to an event told again only when the sentence tells no other.
            shared = amount if len(told) == len(kinds) else None
            self.tell_more(kind, sentence, shared, self.date_of(sentence, cue_at[kind]))
        kinds = [kind for kind in kinds if kind not in told]
        joined = [kind for kind in kinds if kind in _JOINED_EVENTS]
        if joined:
            cue = cue_at[joined[-1]]
            value = amount if self.pays_for(joined, kinds, cue_at, amount) else None
            self.deal(sentence, joined, cue, value, self.date_of(sentence, cue))
        for kind in kinds:
            if kind in _JOINED_EVENTS:
                continue
            cue = cue_at[kind]
            date = self.date_of(sentence, cue)
            if kind == EventKind.LAWSUIT and EventKind.RULING in kinds:
                # "The judge ruled on Friday in the suit the Times filed": the ruling's day.
                date = None
            value = amount if self.pays_for([kind], kinds, cue_at, amount) else None
            if kind in DEAL_EVENTS:
                self.deal(sentence, [kind], cue, value, date)
            elif kind == EventKind.INVESTMENT:
                self.investment(sentence, cue, value, date)
            elif kind == EventKind.LAWSUIT:
                self.lawsuit(sentence, cue, date)
            elif kind == EventKind.RULING:
                self.ruling(sentence, date)
            elif kind == EventKind.PRODUCT_LAUNCH:
                self.launch(sentence, cue, date)

    def date_of(self, sentence: Sentence, cue: EventMention) -> PartialDate | None:
        """The date the sentence states nearest the event's cue ("founded in 2023, it
        launched Le Chat in February last year": February), a dateline's day only when
        it states none."""
        found = within(self.dates, sentence)
        aside = self.asides(sentence)
        own = [
            m
            for m in found
            if not any(s <= m.start < e for s, e in self.dateline) and not aside(m.start)
        ]
        candidates = own or found
        if not candidates:
            return None
        when = min(candidates, key=lambda m: (abs(m.start - cue.start), m.start < cue.start))
        return when.date

    def is_figure(self, mention, previous=None) -> bool:
        """A valuation, revenue or market value ("valued at", «بتقييم»), not an event's value.

        Only the words since the previous amount count: "at a valuation of $6.8 billion,
        Cohere raised $500 million" values the company at the first, raises the second.
        """
        start = max(mention.start - 30, previous.end if previous else 0)
        before = self.doc.text[start : mention.start]
        if _DEAL_VALUE.search(before):
            return False
        return bool(_FIGURE.search(before))

    def words_between(self, cue: EventMention, entity: Entity) -> list[str]:
        start = next(s for s, _e in entity.spans if s >= cue.end)
        return self.doc.text[cue.end : start].split()

    def follows_from(self, entity: Entity, cue: EventMention) -> bool:
        between = self.words_between(cue, entity)
        return bool(between) and between[-1].lower() in _OFFERED_BY

    def sold_by_ar(self, cue, entity) -> bool:
        """«استحوذت X على Y من Z»: Z, after «من» once the target is named, sold it."""
        between = self.words_between(cue, entity)
        return between[-1:] == ["من"] and any(word.startswith("على") for word in between)

    def offered_inside(self, sentence, cue) -> list[Entity]:
        """Who makes an offer named inside its cue: «عرضاً قدّمه تحالف يقوده إيلون ماسك
        لشراء»."""
        found = []
        for start, entity in self.doc.named_in(sentence, ("company", "person")):
            if cue.start < start < cue.end:
                words = self.doc.text[cue.start : start].split()
                if words and words[-1] in _OFFERED_BY:
                    found.append(entity)
        return found

    def foundation(self, sentence: Sentence) -> None:
        """«تأسست “ميدجورني” عام 2022», "founded in 2021": the company's founding date."""
        if not _FOUNDED.search(sentence.text):
            return
        when = next(iter(within(self.dates, sentence)), None)
        named = self.doc.named_in(sentence)
        if when is not None and named:
            self.founded.setdefault(named[0][1].key, when.date)

    def sides(self, sentence: Sentence, cue: EventMention, kinds=("company",)):
        # "Nvidia-backed CoreWeave": Nvidia describes CoreWeave and is no party.
        named = [(s, e) for s, e in self.doc.named_in(sentence, kinds) if not self.doc.modifies(s)]
        before = [entity for start, entity in named if start < cue.start]
        after = [entity for start, entity in named if start >= cue.end]
        return before, after

    def deal(self, sentence, event_kinds, cue, amount, date) -> None:
        before, after = self.sides(sentence, cue, kinds=("company", "person"))
        companies_after = [e for e in after if e.kind == "company"]
        first_kind = event_kinds[0]
        parties: list[tuple[Entity, str]] = []
        if first_kind in (EventKind.ACQUISITION, EventKind.BID):
            # «عروض استحواذ من ميتا», "an offer from Meta": the company after "from" bids.
            offering = [e for e in after if self.follows_from(e, cue)]
            offering += self.offered_inside(sentence, cue)
            sellers = []
            if first_kind == EventKind.ACQUISITION:
                # "agreed to buy AirTrunk from Macquarie": bought from a seller.
                sellers = [e for e in offering if self.words_between(cue, e)[-1:] == ["from"]]
                sellers += [e for e in offering if self.sold_by_ar(cue, e)]
                offering = [e for e in offering if e not in sellers]
            targets = [e for e in companies_after if e not in offering and e not in sellers]
            # Verb first: «استحوذت شركة X على شركة Y»: X buys, Y (after «على») is bought.
            objects = [e for e in targets if "على" in self.words_between(cue, e)]
            if objects:
                subjects = [e for e in targets if e not in objects]
                before = before + subjects
                targets = objects
            if not targets:
                targets = [e for e in before if e.kind == "company"][-1:]
            target = targets[0] if targets else None
            if target is None:
                return
            buyers = [e for e in before if e.key != target.key]
            if offering or any(e.kind == "company" for e in buyers):
                # A person beside the offer's maker is a spokesman, not a bidder.
                buyers = [e for e in buyers if e.kind == "company"]
            buyers += [e for e in offering if e.key != target.key]
            if not buyers and first_kind == EventKind.ACQUISITION:
                subject = self.tied_subject(sentence)
                buyers = [subject] if subject and subject.key != target.key else []
            role = "acquirer" if first_kind == EventKind.ACQUISITION else "bidder"
            parties = [(buyer, role) for buyer in buyers] + [(target, "target")]
            parties += [(seller, "seller") for seller in sellers if seller.key != target.key]
        elif first_kind == EventKind.HIRING:
            employers = [e for e in before + after if e.kind == "company"][:1]
            if not employers:
                subject = self.tied_subject(sentence)
                employers = [subject] if subject else []
            if not employers:
                return
            hires = [e for e in before + after if e.kind == "person"]
            parties = [(employers[0], "employer")] + [(person, "hire") for person in hires]
        else:
            named = [e for e in before + after if e.kind == "company"]
            if len(named) < 2:
                subject = self.tied_subject(sentence)
                if subject and all(subject.key != e.key for e in named):
                    named = [subject, *named]
            if not named:
                return
            groups = self.agreements(event_kinds, cue, named, after)
            # One amount for several agreements is no single agreement's value.
            shared = amount if len(groups) == 1 else None
            for parties in groups:
                self.deal_draft(sentence, event_kinds, parties, shared, date, (before, after))
            return
        self.deal_draft(sentence, event_kinds, parties, amount, date, (before, after))

    def agreements(self, event_kinds, cue, named, after):
        """The parties of each agreement a sentence tells. A licence is between two: "OpenAI
        signed licences with News Corp, Axel Springer and the AP" is three, each licensor
        (after the cue) with the licensee before it. Partnerships in the plural with
        several companies are one each ("signed partnerships with Nvidia, AMD and AWS");
        one partnership with several is one agreement of all. One company named: the
        other side stays empty for the curator to fill."""
        counterparts = [e for e in after if e.kind == "company"]
        subjects = [e for e in named if e not in counterparts]
        if EventKind.LICENSING in event_kinds:
            if not subjects and len(counterparts) > 1:
                counterparts, subjects = counterparts[:1], counterparts[1:]
            if not counterparts and len(named) > 1:
                counterparts, subjects = named[-1:], named[:-1]
            if len(counterparts) > 1 and subjects:
                return [
                    [(licensee, "licensee") for licensee in subjects] + [(licensor, "licensor")]
                    for licensor in counterparts
                ]
            return [[(e, "licensee") for e in subjects] + [(e, "licensor") for e in counterparts]]
        if _PLURAL_AGREEMENTS.search(cue.text) and len(subjects) == 1 and len(counterparts) > 1:
            return [[(subjects[0], "partner"), (other, "partner")] for other in counterparts]
        return [[(entity, "partner") for entity in named]]

    def deal_draft(self, sentence, event_kinds, parties, amount, date, sides) -> None:
        """Propose a deal of `event_kinds` between `parties` ((entity, role) pairs)."""
        before, after = sides
        first_kind = event_kinds[0]
        codes = [code for kind in event_kinds for code in DEAL_EVENTS[kind]]
        status = "announced"
        if _TALKS.search(sentence.text):
            status = "talks"
        if first_kind == EventKind.BID:
            status = "rejected" if _REJECTED.search(sentence.text) else "offered"
        elif first_kind == EventKind.ACQUISITION and _COMPLETED.search(sentence.text):
            status = "completed"
        value = money_payload(amount)
        if first_kind == EventKind.HIRING and value and self.paid_for_else(sentence):
            value = None
        if value and first_kind == EventKind.HIRING and value["basis"] == "total":
            value["basis"] = "per_contract"
        payload = {
            "title": deal_title(first_kind, event_kinds, parties, arabic=False),
            "title_ar": deal_title(first_kind, event_kinds, parties, arabic=True),
            "kinds": codes,
            "status": status,
            "parties": [{**entity.reference(), "role": role} for entity, role in parties],
        }
        if value:
            payload["value"] = value
        if date:
            payload["announced"] = date_payload(date)
        matches = matching_deals([e for e, _ in parties], codes)
        if matches:
            payload["matches"] = matches
        confidence = event_confidence(before, after, value, date)
        identity = [deal_family(codes), sorted(e.identity for e, _ in parties)]
        self.propose("deal", sentence, payload, payload["title"], date, confidence, identity)

    def pays_for(self, group, kinds, cue_at, amount) -> bool:
        """Whether the sentence's amount is the value of the events in `group`: when the
        sentence tells events of several kinds that have a value ("will invest $5 billion
        in Intel, alongside a partnership"), the amount goes to the nearest one's."""
        if amount is None:
            return False
        valued = [kind for kind in kinds if kind in _VALUED]
        families = {kind in _JOINED_EVENTS or kind for kind in valued}
        if len(families) <= 1:
            return True
        nearest = min(valued, key=lambda kind: abs(cue_at[kind].start - amount.start))
        return nearest in group

    def paid_for_else(self, sentence) -> bool:
        """Whether the sentence's amount pays for another event it tells ("to license
        Groq's technology and hire its executives in a $20 bln deal"), not for the hires."""
        kinds = {event.kind for event in within(self.events, sentence)}
        return bool(kinds - {EventKind.HIRING})

    def tied_subject(self, sentence) -> Entity | None:
        """The company an earlier sentence is about, when this one refers back to it (a
        pronoun, "the company", «الشركة», or an item of a list under its heading); else
        None: a role the text does not fill stays empty for the curator."""
        if self.doc.is_list_item(sentence) or REFERS_BACK.search(sentence.text):
            return self.doc.subject_before(sentence)
        return None

    def launch(self, sentence, cue, date) -> None:
        _before, after = self.sides(sentence, cue, kinds=("product",))
        named = after or [e for _s, e in self.doc.named_in(sentence, ("product",))]
        if not named:
            return
        product = named[0]
        companies = [e for _s, e in self.doc.named_in(sentence)]
        owner = companies[0] if companies else self.doc.subject_before(sentence)
        self.launches.setdefault(product.key, (date, owner))
