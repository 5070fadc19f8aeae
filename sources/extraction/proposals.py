"""From an article's text to proposals: who is named, what happened, for how much, when.

`extract(article)` runs every extractor over the text and groups what they find:

* each company, person or product named is one `Entity`: a record the alias index
  knows, or a new name (spellings of one new name in both scripts are grouped by their
  loose key, so «ميدجورني» and "Midjourney" are one);
* each sentence with an event cue becomes at most one proposal per kind of event, its
  parties the entities named in that sentence, placed by where they stand relative to
  the cue (the target of an acquisition comes after «الاستحواذ على»); a sentence that
  names no party takes the subject of its context: for a list item, the company of the
  heading above it, otherwise the company named last before it;
* amounts and dates are those of the same sentence.

The sentence becomes the proposal's evidence, and later its citation's excerpt. Nothing
here writes to the database; `sources.services.article_ingest` stores the drafts.
"""

from __future__ import annotations

import bisect
import datetime
import hashlib
import json
import re
from collections import Counter
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from companies.models import Alias, Company, Person, Product
from companies.normalization import CLITICS, DEFINITE, TATWEEL, is_arabic, loose_key, strict_key
from core.dates import DatePrecision, PartialDate
from deals.models import Deal, DealKind, DealParty

from .dates import DateMention, date_mentions
from .entities import entity_mentions
from .events import EventKind, EventMention, event_mentions
from .money import MoneyMention, money_mentions
from .names import COMPANY_SUFFIXES, LEGAL_SUFFIXES, name_candidates
from .sentences import Sentence, sentence_at, sentences

#: Particles written attached to the next word: و ف ب ك ل, and لـ with a tatweel.
_ATTACHED = rf"(?:{CLITICS}{TATWEEL}?)?"
_BULLET_LINE = re.compile(r"^\s*[-•*]\s")

DEAL_EVENTS = {
    EventKind.PARTNERSHIP: [DealKind.Code.PARTNERSHIP],
    EventKind.LICENSING: [DealKind.Code.LICENSING],
    EventKind.ACQUISITION: [DealKind.Code.ACQUISITION],
    EventKind.BID: [DealKind.Code.BID, DealKind.Code.ACQUISITION_OFFER],
    EventKind.HIRING: [DealKind.Code.HIRING],
}
#: Partnership and licensing in one sentence are one deal of both kinds.
_JOINED_EVENTS = {EventKind.PARTNERSHIP, EventKind.LICENSING}

_REJECTED = re.compile(r"رفض|رفضت|rejected|turned down|declined", re.I)
_TALKS = re.compile(r"محادثات|مفاوضات|\btalks\b|negotiat", re.I)
_COMPLETED = re.compile(r"أتمت|أكملت|اكتملت|completed|closed the", re.I)
_RAISED = re.compile(r"جمعت|جمع|جولة|raised|raises|round", re.I)
_AGAINST = re.compile(r"\bضد\b|(?<!\w)ضد(?!\w)|\bagainst\b|\bsued\b|\bsues\b", re.I)
_FACES = re.compile(r"تواجه|يواجه|\bfaces?\b|\bfacing\b", re.I)
_FOUNDED = re.compile(r"تأسست|تأسس|أسست|founded|was established", re.I)
_RESEARCH_LAB = re.compile(r"مختبر|\blab\b|\blabs\b", re.I)
_STARTUP = re.compile(r"ناشئة|startup|start-up", re.I)
CLAIM_CUES = {
    "copyright": re.compile(r"حقوق\s+(?:الطبع|النشر|المؤلف)|copyright", re.I),
    "trademark": re.compile(r"علامة\s+تجارية|العلامات\s+التجارية|trademark", re.I),
    "patent": re.compile(r"براءة|براءات|patent", re.I),
    "trade_secrets": re.compile(r"أسرار\s+تجارية|الأسرار\s+التجارية|trade\s+secret", re.I),
    "privacy": re.compile(r"الخصوصية|privacy", re.I),
    "antitrust": re.compile(r"احتكار|المنافسة|antitrust", re.I),
    "contract": re.compile(r"إخلال\s+بالعقد|breach\s+of\s+contract", re.I),
}
_PRODUCT_KINDS = (
    ("video_model", re.compile(r"فيديو|video", re.I)),
    ("image_model", re.compile(r"الصور|صور|image", re.I)),
    ("voice_model", re.compile(r"الصوت|صوت|voice|speech", re.I)),
    ("language_model", re.compile(r"لغوي|اللغة|language model|chatbot|LLM", re.I)),
    ("app", re.compile(r"تطبيق|منصة|app\b|platform", re.I)),
)
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
        return f"{self.kind}:{self.slug}" if self.slug else f"{self.kind}:{_cluster_key(self.name)}"

    @property
    def identity(self) -> str:
        """What proposals are fingerprinted by: the name, not the slug, so that reading an
        article again after its new names were accepted proposes nothing twice."""
        return _cluster_key(self.record_name_ar or self.name) + "|" + _cluster_key(self.name)

    def reference(self) -> dict:
        """How a proposal's payload names it: by slug when known, by name when new."""
        return {"type": self.kind, "name": self.name, "name_ar": self.name_ar, "slug": self.slug}


@dataclass
class ProposalDraft:
    kind: str
    summary: str
    payload: dict
    confidence: float
    evidence: str
    identity: list = field(default_factory=list)

    @property
    def fingerprint(self) -> str:
        """Same article, same kind, same identity: the same proposal, however often read."""
        blob = json.dumps([self.kind, self.identity], sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(blob.encode()).hexdigest()

    @property
    def event_kinds(self) -> list[str]:
        """The kinds of event this proposal reports (for measuring extraction)."""
        if self.kind == "deal":
            codes = set(self.payload["kinds"])
            return [event for event, kinds in DEAL_EVENTS.items() if kinds[0] in codes]
        if self.kind == "investment":
            return [EventKind.INVESTMENT]
        if self.kind == "lawsuit":
            return [EventKind.LAWSUIT]
        if self.kind == "development":
            return [EventKind.RULING]
        if self.kind == "product" and self.payload.get("launched"):
            return [EventKind.PRODUCT_LAUNCH]
        return []


@dataclass
class Extraction:
    entities: list[Entity]
    money: list[MoneyMention]
    dates: list[DateMention]
    events: list[EventMention]
    drafts: list[ProposalDraft]


def _cluster_key(name: str) -> str:
    key = loose_key(name)
    return key if len(key.replace(" ", "")) >= 2 else strict_key(name)


def _published_day(article) -> datetime.date | None:
    published = article.published
    return published.date if published.precision == DatePrecision.DAY else None


def _known_entities(text: str) -> list[Entity]:
    mentions = entity_mentions(text)
    ids = {kind: set() for kind in ("company", "person", "product")}
    for mention in mentions:
        ids[mention.kind].add(mention.record_id)
    records = {}
    for kind, model in (("company", Company), ("person", Person), ("product", Product)):
        for row in model.objects.filter(pk__in=ids[kind]).values("id", "slug", "name", "name_ar"):
            records[(kind, row["id"])] = row
    entities: dict[tuple, Entity] = {}
    for mention in mentions:
        row = records[(mention.kind, mention.record_id)]
        entity = entities.setdefault(
            (mention.kind, mention.record_id),
            Entity(
                kind=mention.kind,
                spellings=[],
                spans=[],
                slug=row["slug"],
                record_name=row["name"],
                record_name_ar=row["name_ar"],
                cues=["alias index"],
            ),
        )
        entity.spans.append((mention.start, mention.end))
        if mention.text not in entity.spellings:
            entity.spellings.append(mention.text)
        if not mention.exact and mention.text not in entity.new_spellings:
            entity.new_spellings.append(mention.text)
    return list(entities.values())


def _new_entities(text: str, known: list[Entity]) -> list[Entity]:
    taken = [span for entity in known for span in entity.spans]
    known_by_cluster = {
        (entity.kind, _cluster_key(spelling)): entity
        for entity in known
        for spelling in entity.spellings
    }
    clusters: dict[str, Entity] = {}
    for candidate in name_candidates(text):
        if any(start < candidate.end and candidate.start < end for start, end in taken):
            continue
        cluster = _cluster_key(candidate.name)
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
    return entities


def _merge_short_forms(entities: list[Entity]) -> list[Entity]:
    """ "Mistral" beside "Mistral AI", "De Freitas" beside "Daniel De Freitas": one name."""
    kept = []
    for short in sorted(entities, key=lambda entity: len(entity.name.split())):
        words = short.name.split()
        longer = next(
            (
                entity
                for entity in entities
                if entity is not short
                and len(entity.name.split()) > len(words)
                and (_company_long_form(words, entity) or _person_long_form(words, entity))
            ),
            None,
        )
        if longer is None:
            kept.append(short)
            continue
        longer.spans.extend(short.spans)
        longer.kinds.extend(short.kinds)
        longer.spellings.extend(s for s in short.spellings if s not in longer.spellings)
    return sorted(kept, key=lambda entity: entity.spans[0])


def _company_long_form(words: list[str], entity: Entity) -> bool:
    full = entity.name.split()
    return full[: len(words)] == words and set(full[len(words) :]) <= NAME_SUFFIXES


def _person_long_form(words: list[str], entity: Entity) -> bool:
    return "person" in entity.kinds and entity.name.split()[-len(words) :] == words


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


class _Article:
    """The article's entities indexed by position, for finding parties and subjects."""

    def __init__(self, text: str, entities: list[Entity], parts: list[Sentence]):
        self.text = text
        self.entities = entities
        self.sentences = parts
        self.positions = sorted(
            (start, end, entity) for entity in entities for start, end in entity.spans
        )
        self.starts = [start for start, _end, _entity in self.positions]
        companies = Counter(e.key for e in entities if e.kind == "company")
        by_key = {e.key: e for e in entities}
        self.most_named = by_key[companies.most_common(1)[0][0]] if companies else None

    def named_in(self, sentence: Sentence, kinds=("company",)) -> list[tuple[int, Entity]]:
        first = bisect.bisect_left(self.starts, sentence.start)
        last = bisect.bisect_left(self.starts, sentence.end)
        seen, found = set(), []
        for start, _end, entity in self.positions[first:last]:
            if entity.kind in kinds and entity.key not in seen:
                seen.add(entity.key)
                found.append((start, entity))
        return found

    def is_list_item(self, sentence: Sentence) -> bool:
        line_start = self.text.rfind("\n", 0, sentence.start) + 1
        return bool(_BULLET_LINE.match(self.text[line_start : sentence.end]))

    def subject_before(self, sentence: Sentence) -> Entity | None:
        """Who a sentence without a named party is about."""
        if self.is_list_item(sentence):
            index = bisect.bisect_left(self.sentences, sentence.start, key=lambda s: s.start)
            for earlier in reversed(self.sentences[:index]):
                if not self.is_list_item(earlier):
                    named = self.named_in(earlier)
                    return named[0][1] if named else None
        for _start, _end, entity in reversed(
            self.positions[: bisect.bisect_left(self.starts, sentence.start)]
        ):
            if entity.kind == "company":
                return entity
        return self.most_named


def _money_payload(mention: MoneyMention | None) -> dict | None:
    if mention is None:
        return None
    money = mention.money
    return {
        "amount": f"{money.amount.normalize():f}",
        "currency": money.currency,
        "qualifier": money.qualifier,
        "basis": money.basis,
    }


def _date_payload(value: PartialDate | None) -> dict | None:
    if value is None:
        return None
    return {
        "date": value.date.isoformat(),
        "precision": value.precision,
        "inferred": value.inferred,
    }


def _within(mentions, sentence: Sentence):
    """The mentions (sorted by start) that start inside `sentence`."""
    first = bisect.bisect_left(mentions, sentence.start, key=lambda m: m.start)
    last = bisect.bisect_left(mentions, sentence.end, key=lambda m: m.start)
    return mentions[first:last]


def _names(entities: list[Entity], arabic: bool = False) -> str:
    names = [(entity.name_ar or entity.name) if arabic else entity.name for entity in entities]
    joiner = " و" if arabic else " and "
    return joiner.join(names)


def _similar(entity: Entity, choices: dict) -> list[dict]:
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


def _alias_choices(kind: str) -> dict:
    rows = Alias.objects.filter(**{f"{kind}__isnull": False}).values_list("key", f"{kind}__slug")
    return {key: slug for key, slug in rows}


class _Builder:
    def __init__(self, article, text, entities, money, dates, events, parts):
        self.arabic = article.language == "ar"
        self.doc = _Article(text, entities, parts)
        self.money = money
        self.dates = dates
        self.events = events
        self.drafts: dict[str, ProposalDraft] = {}
        self.launches: dict[str, tuple[PartialDate | None, Entity | None]] = {}
        self.founded: dict[str, PartialDate] = {}

    def add(self, draft: ProposalDraft) -> None:
        """Keep one draft per identity: the one that states most, with every kind seen."""
        existing = self.drafts.get(draft.fingerprint)
        if existing is None or _richness(draft) > _richness(existing):
            self.drafts[draft.fingerprint] = draft
        if existing is not None and draft.kind == "deal":
            kinds = list(dict.fromkeys([*existing.payload["kinds"], *draft.payload["kinds"]]))
            self.drafts[draft.fingerprint].payload["kinds"] = kinds

    def evidence_of(self, entity: Entity) -> str:
        sentence = sentence_at(self.doc.sentences, entity.spans[0][0])
        if sentence is not None:
            return sentence.text
        return self.doc.text[entity.spans[0][0] : entity.spans[0][1]]

    def owner_of(self, product: Entity) -> Entity | None:
        """The company a product belongs to: named in its sentence, else the subject."""
        sentence = sentence_at(self.doc.sentences, product.spans[0][0])
        if sentence is None:
            return None
        named = self.doc.named_in(sentence)
        return named[0][1] if named else self.doc.subject_before(sentence)

    # -- events -------------------------------------------------------------------------

    def sentence_events(self, sentence: Sentence) -> None:
        self.foundation(sentence)
        here = _within(self.events, sentence)
        if not here:
            return
        kinds = list(dict.fromkeys(event.kind for event in here))
        cue_at = {kind: next(e for e in here if e.kind == kind) for kind in kinds}
        amount = next(iter(_within(self.money, sentence)), None)
        when = next(iter(_within(self.dates, sentence)), None)
        date = when.date if when else None
        kinds = [kind for kind in kinds if not self.refers_back(cue_at[kind])]
        joined = [kind for kind in kinds if kind in _JOINED_EVENTS]
        if joined:
            self.deal(sentence, joined, cue_at[joined[-1]], amount, date)
        for kind in kinds:
            if kind in _JOINED_EVENTS:
                continue
            cue = cue_at[kind]
            if kind in DEAL_EVENTS:
                self.deal(sentence, [kind], cue, amount, date)
            elif kind == EventKind.INVESTMENT:
                self.investment(sentence, cue, amount, date)
            elif kind == EventKind.LAWSUIT:
                self.lawsuit(sentence, cue, date)
            elif kind == EventKind.RULING:
                self.ruling(sentence, date)
            elif kind == EventKind.PRODUCT_LAUNCH:
                self.launch(sentence, cue, date)

    def words_between(self, cue: EventMention, entity: Entity) -> list[str]:
        start = next(s for s, _e in entity.spans if s >= cue.end)
        return self.doc.text[cue.end : start].split()

    def follows_from(self, entity: Entity, cue: EventMention) -> bool:
        between = self.words_between(cue, entity)
        return bool(between) and between[-1].lower() in ("من", "from", "by")

    def foundation(self, sentence: Sentence) -> None:
        """«تأسست “ميدجورني” عام 2022», "founded in 2021": the company's founding date."""
        if not _FOUNDED.search(sentence.text):
            return
        when = next(iter(_within(self.dates, sentence)), None)
        named = self.doc.named_in(sentence)
        if when is not None and named:
            self.founded.setdefault(named[0][1].key, when.date)

    def refers_back(self, cue: EventMention) -> bool:
        """«الشراكة» or "the partnership" after one is proposed: the same event again."""
        before = self.doc.text[max(0, cue.start - 4) : cue.start].lower()
        definite = DEFINITE.match(cue.text) or before.endswith("the ")
        return bool(definite) and any(
            cue.kind in draft.event_kinds for draft in self.drafts.values()
        )

    def sides(self, sentence: Sentence, cue: EventMention, kinds=("company",)):
        named = self.doc.named_in(sentence, kinds)
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
            offering = [e for e in companies_after if self.follows_from(e, cue)]
            targets = [e for e in companies_after if e not in offering]
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
            buyers = [e for e in before + offering if e.key != target.key]
            if any(e.kind == "company" for e in buyers):
                buyers = [e for e in buyers if e.kind == "company"]
            if not buyers and first_kind == EventKind.ACQUISITION:
                subject = self.doc.subject_before(sentence)
                buyers = [subject] if subject and subject.key != target.key else []
            role = "acquirer" if first_kind == EventKind.ACQUISITION else "bidder"
            parties = [(buyer, role) for buyer in buyers] + [(target, "target")]
        elif first_kind == EventKind.HIRING:
            employers = [e for e in before + after if e.kind == "company"][:1]
            if not employers:
                subject = self.doc.subject_before(sentence)
                employers = [subject] if subject else []
            if not employers:
                return
            parties = [(employers[0], "employer")]
        else:
            named = [e for e in before + after if e.kind == "company"]
            if len(named) < 2:
                subject = self.doc.subject_before(sentence)
                if subject and all(subject.key != e.key for e in named):
                    named = [subject, *named]
            if len(named) < 2:
                return
            if EventKind.LICENSING in event_kinds:
                licensor = next((e for e in after if e.kind == "company"), named[-1])
                parties = [
                    (entity, "licensor" if entity.key == licensor.key else "licensee")
                    for entity in named
                ]
            else:
                parties = [(entity, "partner") for entity in named]
        codes = [code for kind in event_kinds for code in DEAL_EVENTS[kind]]
        status = "announced"
        if _TALKS.search(sentence.text):
            status = "talks"
        if first_kind == EventKind.BID:
            status = "rejected" if _REJECTED.search(sentence.text) else "offered"
        elif first_kind == EventKind.ACQUISITION and _COMPLETED.search(sentence.text):
            status = "completed"
        value = _money_payload(amount)
        if value and first_kind == EventKind.HIRING and value["basis"] == "total":
            value["basis"] = "per_contract"
        payload = {
            "title": _deal_title(first_kind, event_kinds, parties, arabic=False),
            "title_ar": _deal_title(first_kind, event_kinds, parties, arabic=True),
            "kinds": codes,
            "status": status,
            "parties": [{**entity.reference(), "role": role} for entity, role in parties],
        }
        if value:
            payload["value"] = value
        if date:
            payload["announced"] = _date_payload(date)
        matches = _matching_deals([e for e, _ in parties], codes)
        if matches:
            payload["matches"] = matches
        self.add(
            ProposalDraft(
                kind="deal",
                summary=_summary(payload["title"], value, date),
                payload=payload,
                confidence=_event_confidence(before, after, value, date),
                evidence=sentence.text,
                identity=[_deal_family(codes), sorted(e.identity for e, _ in parties)],
            )
        )

    def investment(self, sentence, cue, amount, date) -> None:
        before, after = self.sides(sentence, cue)
        if _RAISED.search(cue.text) or (not after and before):
            investee = before[0] if before else None
            investors = after
        else:
            investee = after[0] if after else None
            investors = [e for e in before if investee is None or e.key != investee.key]
        if investee is None:
            return
        if not investors:
            subject = self.doc.subject_before(sentence)
            investors = [subject] if subject and subject.key != investee.key else []
        value = _money_payload(amount)
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
            payload["announced"] = _date_payload(date)
        title = f"{_names(investors) or '?'} → {investee.name}"
        self.add(
            ProposalDraft(
                kind="investment",
                summary=_summary(f"Investment: {title}", value, date),
                payload=payload,
                confidence=_event_confidence(before, after, value, date),
                evidence=sentence.text,
                identity=[investee.identity, sorted(e.identity for e in investors)],
            )
        )

    def lawsuit(self, sentence, cue, date) -> None:
        named = self.doc.named_in(sentence, ("company", "person"))
        split = _AGAINST.search(sentence.text)
        pivot = sentence.start + split.start() if split else cue.start
        before = [e for start, e in named if start < pivot]
        after = [e for start, e in named if start >= pivot]
        if _FACES.search(self.doc.text[sentence.start : cue.start]) and not split:
            plaintiffs, defendants = [], before + after
        else:
            plaintiffs, defendants = before, after
        if not defendants and not plaintiffs:
            return
        parties = [{**e.reference(), "side": "plaintiff"} for e in plaintiffs] + [
            {**e.reference(), "side": "defendant"} for e in defendants
        ]
        title = f"{_names(plaintiffs) or '?'} v. {_names(defendants) or '?'}"
        title_ar = f"{_names(plaintiffs, True) or '؟'} ضد {_names(defendants, True) or '؟'}"
        payload = {
            "title": title,
            "title_ar": title_ar,
            "status": "filed",
            "claims": [code for code, cue_re in CLAIM_CUES.items() if cue_re.search(sentence.text)],
            "parties": parties,
        }
        if date:
            payload["filed"] = _date_payload(date)
        self.add(
            ProposalDraft(
                kind="lawsuit",
                summary=_summary(f"Lawsuit: {title}", None, date),
                payload=payload,
                confidence=_event_confidence(plaintiffs, defendants, None, date),
                evidence=sentence.text,
                identity=[
                    sorted(e.identity for e in plaintiffs),
                    sorted(e.identity for e in defendants),
                ],
            )
        )

    def ruling(self, sentence, date) -> None:
        companies = [entity for _start, entity in self.doc.named_in(sentence)]
        names = _names(companies)
        payload = {
            "title": f"Court ruling{': ' + names if names else ''}",
            "title_ar": f"حكم قضائي{': ' + _names(companies, True) if companies else ''}",
            "kind": "court_rulings",
            "summary": sentence.text if not self.arabic else "",
            "summary_ar": sentence.text if self.arabic else "",
            "companies": [entity.reference() for entity in companies],
        }
        if date:
            payload["occurred"] = _date_payload(date)
        self.add(
            ProposalDraft(
                kind="development",
                summary=_summary(payload["title"], None, date),
                payload=payload,
                confidence=0.5 + (0.1 if companies else 0) + (0.1 if date else 0),
                evidence=sentence.text,
                identity=[sentence.text],
            )
        )

    def launch(self, sentence, cue, date) -> None:
        _before, after = self.sides(sentence, cue, kinds=("product",))
        named = after or [e for _s, e in self.doc.named_in(sentence, ("product",))]
        if not named:
            return
        product = named[0]
        companies = [e for _s, e in self.doc.named_in(sentence)]
        owner = companies[0] if companies else self.doc.subject_before(sentence)
        self.launches.setdefault(product.key, (date, owner))

    # -- entities -----------------------------------------------------------------------

    def entity_drafts(self) -> None:
        by_name = {strict_key(s): e for e in self.doc.entities for s in e.spellings}
        choices = {kind: None for kind in ("company", "person", "product")}
        for entity in self.doc.entities:
            for spelling in entity.new_spellings:
                self.add(
                    ProposalDraft(
                        kind="alias",
                        summary=f"«{spelling}» is {entity.name}",
                        payload={
                            "name": spelling,
                            "target": {"type": entity.kind, "slug": entity.slug},
                        },
                        confidence=0.6,
                        evidence=self.evidence_of(entity),
                        identity=[entity.identity, strict_key(spelling)],
                    )
                )
            if entity.slug:
                continue
            if choices[entity.kind] is None:
                choices[entity.kind] = _alias_choices(entity.kind)
            payload = {
                "name": entity.name,
                "name_ar": entity.name_ar,
                "spellings": entity.spellings,
                "similar": _similar(entity, choices[entity.kind]),
            }
            if entity.kind == "company":
                payload["kinds"] = _company_kinds(" ".join(entity.cues))
                if entity.key in self.founded:
                    payload["founded"] = _date_payload(self.founded[entity.key])
            if entity.kind == "product":
                date, owner = self.launches.get(entity.key, (None, None))
                if owner is None and entity.owner:
                    owner = by_name.get(strict_key(entity.owner))
                if owner is None:
                    owner = self.owner_of(entity)
                payload["company"] = owner.reference() if owner else None
                payload["kind"] = _product_kind(self.evidence_of(entity))
                if date:
                    payload["launched"] = _date_payload(date)
            mentions = len(entity.spans)
            self.add(
                ProposalDraft(
                    kind=entity.kind,
                    summary=_entity_summary(entity),
                    payload=payload,
                    confidence=round(min(0.9, 0.55 + 0.1 * (mentions - 1)), 2),
                    evidence=self.evidence_of(entity),
                    identity=[entity.kind, entity.identity],
                )
            )


def _entity_summary(entity: Entity) -> str:
    other = entity.name_ar if entity.name_ar and entity.name_ar != entity.name else ""
    return f"New {entity.kind}: {entity.name}" + (f" ({other})" if other else "")


def _richness(draft: ProposalDraft) -> int:
    """How much a draft states: a dated, valued proposal beats a bare one of the same deal."""
    payload = draft.payload
    stated = sum(bool(payload.get(key)) for key in ("value", "announced", "filed", "occurred"))
    return stated * 2 + len(payload.get("parties", [])) + len(payload.get("kinds", []))


def _deal_family(codes: list[str]) -> str:
    """Partnership and licensing between the same companies are one agreement."""
    agreement = {DealKind.Code.PARTNERSHIP, DealKind.Code.LICENSING}
    return "agreement" if set(codes) <= agreement else sorted(codes)[0]


def _deal_title(first_kind, event_kinds, parties, *, arabic: bool) -> str:
    by_role: dict[str, list[Entity]] = {}
    for entity, role in parties:
        by_role.setdefault(role, []).append(entity)
    everyone = _names([entity for entity, _ in parties], arabic)
    target = _names(by_role.get("target", []), arabic)
    buyers = _names(by_role.get("acquirer", []) + by_role.get("bidder", []), arabic)
    if first_kind == EventKind.ACQUISITION:
        if arabic:
            return f"استحواذ {buyers} على {target}" if buyers else f"الاستحواذ على {target}"
        return f"{buyers} acquires {target}" if buyers else f"Acquisition of {target}"
    if first_kind == EventKind.BID:
        return f"عرض للاستحواذ على {target}" if arabic else f"Bid to acquire {target}"
    if first_kind == EventKind.HIRING:
        return f"حملة توظيف {everyone}" if arabic else f"{everyone} hiring"
    if arabic:
        words = {"partnership": "شراكة", "licensing": "ترخيص"}
        return " و".join(words[k] for k in event_kinds) + f" بين {everyone}"
    words = " and ".join(str(kind) for kind in event_kinds)
    return f"{everyone}: {words}"


def _summary(title: str, value: dict | None, date: PartialDate | None) -> str:
    parts = [title]
    if date is not None:
        parts.append(str(date.date)[: {"year": 4, "month": 7}.get(date.precision, 10)])
    if value:
        parts.append(f"{value['currency']} {value['amount']}")
    return ", ".join(parts)


def _event_confidence(before, after, value, date) -> float:
    score = 0.45 + (0.2 if before and after else 0) + (0.1 if value else 0) + (0.1 if date else 0)
    return round(min(score, 0.95), 2)


def _company_kinds(context: str) -> list[str]:
    kinds = []
    if _STARTUP.search(context):
        kinds.append("startup")
    if _RESEARCH_LAB.search(context):
        kinds.append("research_lab")
    return kinds or ["company"]


def _product_kind(context: str) -> str:
    for kind, pattern in _PRODUCT_KINDS:
        if pattern.search(context):
            return kind
    return "other"


def _matching_deals(parties: list[Entity], codes: list[str]) -> list[dict]:
    """Deals already recorded between the same known companies with a kind in common."""
    slugs = [entity.slug for entity in parties if entity.slug and entity.kind == "company"]
    if len(slugs) < 2 or len(slugs) < len(parties):
        return []
    deal_ids = None
    for slug in slugs:
        ids = set(DealParty.objects.filter(company__slug=slug).values_list("deal_id", flat=True))
        deal_ids = ids if deal_ids is None else deal_ids & ids
    if not deal_ids:
        return []
    deals = Deal.objects.filter(pk__in=deal_ids, kinds__in=codes).distinct()
    return [{"slug": deal.slug, "title": deal.title} for deal in deals[:5]]


def extract(article) -> Extraction:
    """Everything the extractors find in `article`, and the proposals it makes."""
    text = article.text
    parts = sentences(text)
    known = _known_entities(text)
    entities = known + _new_entities(text, known)
    money = money_mentions(text)
    dates = date_mentions(text, published=_published_day(article))
    events = event_mentions(text)
    builder = _Builder(article, text, entities, money, dates, events, parts)
    for sentence in parts:
        builder.sentence_events(sentence)
    builder.entity_drafts()
    return Extraction(entities, money, dates, events, list(builder.drafts.values()))


def proposal_drafts(article) -> list[ProposalDraft]:
    """The proposals ingestion makes from `article`, each once."""
    return extract(article).drafts
