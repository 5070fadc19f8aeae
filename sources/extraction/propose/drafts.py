"""A proposal draft, the set of an article's drafts, and how payloads and titles are written."""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field

from companies.normalization import strict_key
from core.dates import PartialDate
from deals.models import DealKind

from ..events import EventKind
from ..money import MoneyMention
from ..resolve import Entity

DEAL_EVENTS = {
    EventKind.PARTNERSHIP: [DealKind.Code.PARTNERSHIP],
    EventKind.LICENSING: [DealKind.Code.LICENSING],
    EventKind.ACQUISITION: [DealKind.Code.ACQUISITION],
    EventKind.BID: [DealKind.Code.BID, DealKind.Code.ACQUISITION_OFFER],
    EventKind.HIRING: [DealKind.Code.HIRING],
}
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


class Drafts:
    """An article's drafts by fingerprint, in the order they were first proposed."""

    def __init__(self):
        self.by_fingerprint: dict[str, ProposalDraft] = {}

    def add(self, draft: ProposalDraft) -> None:
        """Keep one draft per identity: the one that states most, with every kind seen."""
        existing = self.by_fingerprint.get(draft.fingerprint)
        if existing is None or _richness(draft) > _richness(existing):
            self.by_fingerprint[draft.fingerprint] = draft
        if existing is not None and draft.kind == "deal":
            kinds = list(dict.fromkeys([*existing.payload["kinds"], *draft.payload["kinds"]]))
            self.by_fingerprint[draft.fingerprint].payload["kinds"] = kinds

    def values(self) -> list[ProposalDraft]:
        """The drafts, less events another draft states in full (a headline's "Reddit
        sues Perplexity" beside the paragraph naming all four defendants)."""
        drafts = list(self.by_fingerprint.values())
        return [d for d in drafts if not any(_covers(o, d) for o in drafts if o is not d)]


def money_payload(mention: MoneyMention | None) -> dict | None:
    if mention is None:
        return None
    money = mention.money
    return {
        "amount": f"{money.amount.normalize():f}",
        "currency": money.currency,
        "qualifier": money.qualifier,
        "basis": money.basis,
    }


def date_payload(value: PartialDate | None) -> dict | None:
    if value is None:
        return None
    return value.as_dict()


def joined_names(entities: list[Entity], arabic: bool = False) -> str:
    names = [(entity.name_ar or entity.name) if arabic else entity.name for entity in entities]
    joiner = " و" if arabic else " and "
    return joiner.join(names)


def entity_summary(entity: Entity) -> str:
    other = entity.name_ar if entity.name_ar and entity.name_ar != entity.name else ""
    return f"New {entity.kind}: {entity.name}" + (f" ({other})" if other else "")


def _named(draft: ProposalDraft) -> set[tuple[str, str]]:
    """(role, name key) of every party an event draft names."""
    payload = draft.payload
    if draft.kind == "investment":
        parties = [("investee", payload["investee"])]
        parties += [("investor", investor) for investor in payload.get("investors", [])]
    else:
        parties = [(p.get("role") or p.get("side"), p) for p in payload.get("parties", [])]
    return {(role, strict_key(p.get("name") or p.get("name_ar") or "")) for role, p in parties}


def _covers(whole: ProposalDraft, part: ProposalDraft) -> bool:
    """Whether `whole` states the event `part` states, and more: same kind of event,
    every party of `part` in the same role, no amount or date that `whole` lacks."""
    if whole.kind != part.kind or whole.kind not in ("deal", "investment", "lawsuit"):
        return False
    if part.kind == "deal" and not set(part.event_kinds) <= set(whole.event_kinds):
        return False
    mine, theirs = _named(part), _named(whole)
    if not mine < theirs and not (mine == theirs and _richness(whole) > _richness(part)):
        return False
    for key in ("value", "announced", "filed"):
        if part.payload.get(key) and part.payload.get(key) != whole.payload.get(key):
            return False
    return True


def _richness(draft: ProposalDraft) -> int:
    """How much a draft states: a dated, valued proposal beats a bare one of the same deal."""
    payload = draft.payload
    stated = sum(bool(payload.get(key)) for key in ("value", "announced", "filed", "occurred"))
    return stated * 2 + len(payload.get("parties", [])) + len(payload.get("kinds", []))


def deal_family(codes: list[str]) -> str:
    """Partnership and licensing between the same companies are one agreement."""
    agreement = {DealKind.Code.PARTNERSHIP, DealKind.Code.LICENSING}
    return "agreement" if set(codes) <= agreement else sorted(codes)[0]


def deal_title(first_kind, event_kinds, parties, *, arabic: bool) -> str:
    by_role: dict[str, list[Entity]] = {}
    for entity, role in parties:
        by_role.setdefault(role, []).append(entity)
    everyone = joined_names([entity for entity, _ in parties], arabic)
    target = joined_names(by_role.get("target", []), arabic)
    buyers = joined_names(by_role.get("acquirer", []) + by_role.get("bidder", []), arabic)
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


def summary(title: str, value: dict | None, date: PartialDate | None) -> str:
    parts = [title]
    if date is not None:
        parts.append(str(date.date)[: {"year": 4, "month": 7}.get(date.precision, 10)])
    if value:
        parts.append(f"{value['currency']} {value['amount']}")
    return ", ".join(parts)


def event_confidence(before, after, value, date) -> float:
    score = 0.45 + (0.2 if before and after else 0) + (0.1 if value else 0) + (0.1 if date else 0)
    return round(min(score, 0.95), 2)


def company_kinds(context: str) -> list[str]:
    kinds = []
    if _STARTUP.search(context):
        kinds.append("startup")
    if _RESEARCH_LAB.search(context):
        kinds.append("research_lab")
    return kinds or ["company"]


def product_kind(context: str) -> str:
    for kind, pattern in _PRODUCT_KINDS:
        if pattern.search(context):
            return kind
    return "other"


#: Words that refer back to the company a text is about: "it", "the company", «الشركة».
REFERS_BACK = re.compile(
    r"\b(?:it|its|the company|the startup|the firm|the group)\b"
    r"|(?<!\w)(?:الشركة|الشركه|وهي|إنها|أنها|لها|فيها|منها)(?!\w)",
    re.I,
)
