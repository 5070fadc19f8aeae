"""The article's entities indexed by position: who a sentence names, who it is about."""

from __future__ import annotations

import bisect
import re
from collections import Counter

from ..resolve import Entity
from ..sentences import Sentence, sentence_at

_BULLET_LINE = re.compile(r"^\s*[-•*]\s")
_MODIFIER = re.compile(r"[-‑](backed|led|owned|funded|controlled)\b", re.I)


def within(mentions, sentence: Sentence):
    """The mentions (sorted by start) that start inside `sentence`."""
    first = bisect.bisect_left(mentions, sentence.start, key=lambda m: m.start)
    last = bisect.bisect_left(mentions, sentence.end, key=lambda m: m.start)
    return mentions[first:last]


class ArticleIndex:
    """The article's entities indexed by position, for finding parties and subjects."""

    def __init__(self, text: str, entities: list[Entity], parts: list[Sentence]):
        self.text = text
        self.entities = entities
        self.sentences = parts
        self.positions = sorted(
            ((start, end, entity) for entity in entities for start, end in entity.spans),
            key=lambda position: position[:2],
        )
        self.starts = [start for start, _end, _entity in self.positions]
        self.ends = {start: end for start, end, _entity in self.positions}
        companies = Counter(e.key for e in entities if e.kind == "company")
        by_key = {e.key: e for e in entities}
        self.most_named = by_key[companies.most_common(1)[0][0]] if companies else None

    def named_in(
        self, sentence: Sentence, kinds=("company",), *, every: bool = False
    ) -> list[tuple[int, Entity]]:
        """Who the sentence names, where each is first named (`every`: each time)."""
        first = bisect.bisect_left(self.starts, sentence.start)
        last = bisect.bisect_left(self.starts, sentence.end)
        seen, found = set(), []
        for start, _end, entity in self.positions[first:last]:
            if entity.kind in kinds and (every or entity.key not in seen):
                seen.add(entity.key)
                found.append((start, entity))
        return found

    def modifies(self, start: int) -> str:
        """How the name at `start` modifies the next one ("Nvidia-backed CoreWeave",
        "an Aker-led round"): "backed", "led", or "" when it stands on its own."""
        match = _MODIFIER.match(self.text, self.ends.get(start, start))
        return match.group(1).lower() if match else ""

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
        index = bisect.bisect_left(self.sentences, sentence.start, key=lambda s: s.start)
        for earlier in reversed(self.sentences[:index]):
            named = self.named_in(earlier)
            if named:
                # The subject comes first, in English and after the verb in Arabic alike.
                return named[0][1]
        return self.most_named

    def evidence_of(self, entity: Entity) -> str:
        sentence = sentence_at(self.sentences, entity.spans[0][0])
        if sentence is not None:
            return sentence.text
        return self.text[entity.spans[0][0] : entity.spans[0][1]]

    def owner_of(self, product: Entity) -> Entity | None:
        """The company a product belongs to: named in its sentence, else the subject."""
        sentence = sentence_at(self.sentences, product.spans[0][0])
        if sentence is None:
            return None
        named = self.named_in(sentence)
        return named[0][1] if named else self.subject_before(sentence)
