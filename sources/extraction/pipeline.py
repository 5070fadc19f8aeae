"""From an article's text to proposals: who is named, what happened, for how much, when.

`extract(article)` runs the stages in order: page furniture (bylines, captions,
datelines, link lists) is blanked out for the name and event finders (`furniture`); the
text is cut into sentences and words (`sentences`); mentions are found in it (known
names through the alias index in `entities`, new names in `names`, amounts in `money`,
dates in `dates`, event cues in `events`); names are resolved to entities (`resolve`,
the one stage that reads the database); and proposals are drafted from them
(`propose`). Nothing here writes to the database; `sources.services.article_ingest`
stores the drafts.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from core.dates import DatePrecision

from .dates import DateMention, date_mentions
from .events import EventMention, event_mentions
from .furniture import dateline_dates, mask_furniture
from .money import MoneyMention, money_mentions
from .propose.article import ArticleIndex
from .propose.drafts import Drafts, ProposalDraft
from .propose.entities import entity_drafts
from .propose.events import EventDrafts
from .resolve import Entity, known_entities, new_entities
from .sentences import sentences


@dataclass
class Extraction:
    entities: list[Entity]
    money: list[MoneyMention]
    dates: list[DateMention]
    events: list[EventMention]
    drafts: list[ProposalDraft]


def _published_day(article) -> datetime.date | None:
    published = article.published
    return published.date if published.precision == DatePrecision.DAY else None


def extract(article) -> Extraction:
    """Everything the extractors find in `article`, and the proposals it makes."""
    text = article.text
    story = mask_furniture(text)
    parts = sentences(text)
    known = known_entities(story)
    entities = known + new_entities(story, known)
    money = money_mentions(text)
    dates = date_mentions(text, published=_published_day(article))
    events = outside_names(event_mentions(story), entities)
    doc = ArticleIndex(text, entities, parts)
    drafts = Drafts()
    builder = EventDrafts(
        arabic=article.language == "ar",
        doc=doc,
        money=money,
        dates=dates,
        events=events,
        drafts=drafts,
        dateline=dateline_dates(text),
    )
    for sentence in parts:
        builder.sentence_events(sentence)
    entity_drafts(doc, drafts, builder.launches, builder.founded)
    return Extraction(entities, money, dates, events, drafts.values())


def outside_names(events: list[EventMention], entities: list[Entity]) -> list[EventMention]:
    """The event cues that are not words of a name ("CPP Investments", «صندوق
    الاستثمارات العامة»): a name's words tell no event."""
    spans = sorted(span for entity in entities for span in entity.spans)
    return [
        event
        for event in events
        if not any(start <= event.start and event.end <= end for start, end in spans)
    ]


def proposal_drafts(article) -> list[ProposalDraft]:
    """The proposals ingestion makes from `article`, each once."""
    return extract(article).drafts
