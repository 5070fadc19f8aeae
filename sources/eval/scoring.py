"""Measuring ingestion against the labelled articles in `articles.toml`.

Each article is read as ingestion reads it (`extract`), with only the records its
`known` list names in the database, and what was found is compared with the labels:

* entities: a found entity is right when one of its spellings is one of a labelled
  entity's spellings (same strict key); a second entity matching the same label (one
  name split in two) counts as wrong;
* amounts (amount, currency, qualifier) and dates (at their precision) as multisets;
* kinds: the kinds of event the proposals report;
* facts: a labelled fact is found when a proposal of its kind names all its parties.

Precision is right / found, recall is found right / labelled, summed over articles.
"""

from __future__ import annotations

import contextlib
import datetime
import tomllib
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from django.db import connection, transaction

from companies.models import Company, Person, Product
from companies.normalization import strict_key
from companies.services import alias_add, primary_aliases_sync
from core.dates import DatePrecision, PartialDate
from sources.extraction.pipeline import Extraction, extract
from sources.models import Article
from sources.seed import ARTICLES_DIR

LABELS_FILE = Path(__file__).with_name("articles.toml")
FIELDS = ("entities", "amounts", "dates", "kinds", "facts")
#: What `make eval-ingest --check` and the test suite require.
THRESHOLDS = {"entities": 0.8, "amounts": 0.9, "dates": 0.9, "kinds": 0.8}


@dataclass
class Score:
    right: int = 0
    found: int = 0
    labelled: int = 0
    recalled: int = 0

    @property
    def precision(self) -> float:
        return self.right / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.recalled / self.labelled if self.labelled else 1.0

    def add(self, other: Score) -> None:
        self.right += other.right
        self.found += other.found
        self.labelled += other.labelled
        self.recalled += other.recalled


@dataclass
class ArticleResult:
    key: str
    language: str
    scores: dict[str, Score]
    misses: dict[str, list] = field(default_factory=dict)
    extras: dict[str, list] = field(default_factory=dict)


@dataclass
class Report:
    articles: list[ArticleResult]

    def total(self, field_name: str, language: str | None = None) -> Score:
        total = Score()
        for result in self.articles:
            if language is None or result.language == language:
                total.add(result.scores[field_name])
        return total

    def failures(self) -> list[str]:
        """The fields below their threshold, as sentences."""
        failed = []
        for name, minimum in THRESHOLDS.items():
            score = self.total(name)
            for measure in ("precision", "recall"):
                value = getattr(score, measure)
                if value < minimum:
                    failed.append(f"{name} {measure} {value:.2f} is below {minimum:.2f}")
        return failed


def _multiset_score(found: list, labelled: list) -> tuple[Score, list, list]:
    found_count, labelled_count = Counter(found), Counter(labelled)
    common = sum((found_count & labelled_count).values())
    misses = list((labelled_count - found_count).elements())
    extras = list((found_count - labelled_count).elements())
    return Score(common, len(found), len(labelled), common), misses, extras


def _date_label(value: PartialDate) -> str:
    text = value.date.isoformat()
    return {DatePrecision.YEAR: text[:4], DatePrecision.MONTH: text[:7]}.get(value.precision, text)


def _entity_keys(entity) -> set[str]:
    names = [*entity.spellings, entity.name, entity.name_ar]
    return {strict_key(name) for name in names if name}


def _score_entities(extraction: Extraction, labels: list[list[str]]):
    groups = [{strict_key(spelling) for spelling in group} for group in labels]
    matched_groups, right, extras = set(), 0, []
    for entity in extraction.entities:
        keys = _entity_keys(entity)
        group = next((i for i, g in enumerate(groups) if keys & g), None)
        if group is None or group in matched_groups:
            extras.append(entity.name)
            continue
        matched_groups.add(group)
        right += 1
    misses = [labels[i][0] for i in range(len(labels)) if i not in matched_groups]
    score = Score(right, len(extraction.entities), len(labels), len(matched_groups))
    return score, misses, extras


def _draft_parties(draft) -> list[dict]:
    payload = draft.payload
    if draft.kind == "investment":
        return [payload["investee"], *payload["investors"]]
    if draft.kind == "development":
        return payload.get("companies", [])
    if draft.kind == "product":
        return [{"name": payload["name"]}, *([payload["company"]] if payload["company"] else [])]
    return payload.get("parties", [])


def _score_facts(extraction: Extraction, facts: list[dict], labels: list[list[str]]):
    spellings = {group[0]: {strict_key(s) for s in group} for group in labels}
    events = [draft for draft in extraction.drafts if draft.event_kinds]

    def names_all(draft, parties) -> bool:
        keys = {
            strict_key(party.get(name) or "")
            for party in _draft_parties(draft)
            for name in ("name", "name_ar")
        }
        return all(spellings.get(party, {strict_key(party)}) & keys for party in parties)

    def fact_parties(fact) -> list[str]:
        return fact.get("parties") or [*fact.get("plaintiffs", []), *fact.get("defendants", [])]

    recalled = [
        fact
        for fact in facts
        if any(fact["kind"] in d.event_kinds and names_all(d, fact_parties(fact)) for d in events)
    ]
    right = [
        draft
        for draft in events
        if any(f["kind"] in draft.event_kinds and names_all(draft, fact_parties(f)) for f in facts)
    ]
    misses = [
        f"{fact['kind']}: {', '.join(fact_parties(fact))}" for fact in facts if fact not in recalled
    ]
    extras = [draft.summary for draft in events if draft not in right]
    return Score(len(right), len(events), len(facts), len(recalled)), misses, extras


def _load_known(entry: dict) -> None:
    kind = entry.get("kind", "company")
    if kind == "product":
        maker = Company.objects.create(name=f"{entry['name']} (maker)")
        record = Product.objects.create(
            company=maker, name=entry["name"], name_ar=entry.get("name_ar", ""), kind="other"
        )
    else:
        model = Person if kind == "person" else Company
        record = model.objects.create(name=entry["name"], name_ar=entry.get("name_ar", ""))
    primary_aliases_sync(record)
    for alias in entry.get("aliases", []):
        alias_add(target=record, name=alias)


def _article(entry: dict) -> Article:
    text = entry.get("text")
    if text is None:
        text = (ARTICLES_DIR / entry["file"]).read_text(encoding="utf-8")
    article = Article(text=text.strip(), language=entry["language"], title=entry.get("title", ""))
    if entry.get("published"):
        article.published = PartialDate(
            datetime.date.fromisoformat(entry["published"]), DatePrecision.DAY
        )
    return article


def evaluate_article(entry: dict, known: dict[str, dict]) -> ArticleResult:
    """Score one labelled article; the records it assumes exist only while it is read."""
    with transaction.atomic():
        for name in entry.get("known", []):
            _load_known(known[name])
        extraction = extract(_article(entry))
        transaction.set_rollback(True)
    result = ArticleResult(entry["key"], entry["language"], {})
    found = {
        "amounts": [
            (m.money.amount.normalize(), m.money.currency, m.money.qualifier)
            for m in extraction.money
        ],
        "dates": [_date_label(mention.date) for mention in extraction.dates],
        "kinds": sorted({kind for draft in extraction.drafts for kind in draft.event_kinds}),
    }
    labelled = {
        "amounts": [
            (Decimal(a["amount"]).normalize(), a["currency"], a["qualifier"])
            for a in entry.get("amounts", [])
        ],
        "dates": list(entry.get("dates", [])),
        "kinds": sorted(set(entry.get("kinds", []))),
    }
    for name in ("amounts", "dates", "kinds"):
        score, misses, extras = _multiset_score(found[name], labelled[name])
        result.scores[name], result.misses[name], result.extras[name] = score, misses, extras
    labels = entry.get("entities", [])
    for name, scorer in (
        ("entities", lambda: _score_entities(extraction, labels)),
        ("facts", lambda: _score_facts(extraction, entry.get("facts", []), labels)),
    ):
        result.scores[name], result.misses[name], result.extras[name] = scorer()
    return result


class LabelsError(ValueError):
    """The labelled set cannot be read: bad TOML, a missing field, an unknown record."""


def evaluate(path: Path = LABELS_FILE) -> Report:
    """Score every labelled article in `path` (the database must hold no other records)."""
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
        known = {entry["name"]: entry for entry in data.get("known", [])}
        return Report([evaluate_article(entry, known) for entry in data["articles"]])
    except tomllib.TOMLDecodeError as error:
        raise LabelsError(f"{path} is not valid TOML: {error}") from None
    except KeyError as error:
        raise LabelsError(f"{path}: missing or unknown {error}") from None


@contextlib.contextmanager
def throwaway_database():
    """An empty, migrated database for the measurement, dropped afterwards (as in tests)."""
    original = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    try:
        yield
    finally:
        connection.creation.destroy_test_db(original, verbosity=0)
