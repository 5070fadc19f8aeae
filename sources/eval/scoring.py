"""Measuring ingestion against the labelled articles in `articles.toml`.

Each article is read as ingestion reads it (`extract`), with only the records its
`known` list names in the database, and what was found is compared with the labels:

* entities: a found entity is right when one of its spellings is one of a labelled
  entity's spellings (same strict key); a second entity matching the same label (one
  name split in two) counts as wrong;
* amounts (amount, currency, qualifier) and dates (at their precision) as multisets;
* kinds: the kinds of event the proposals report;

Precision is right / found, recall is found right / labelled, summed over articles.
Whole events, with every party in its role, are judged on the labelled news articles
instead (`sources/eval/news.py`), whose labels give the roles.
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
FIELDS = ("entities", "amounts", "dates", "kinds")
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


def multiset_score(found: list, labelled: list) -> tuple[Score, list, list]:
    found_count, labelled_count = Counter(found), Counter(labelled)
    common = sum((found_count & labelled_count).values())
    misses = list((labelled_count - found_count).elements())
    extras = list((found_count - labelled_count).elements())
    return Score(common, len(found), len(labelled), common), misses, extras


def date_label(value: PartialDate) -> str:
    text = value.date.isoformat()
    return {DatePrecision.YEAR: text[:4], DatePrecision.MONTH: text[:7]}.get(value.precision, text)


def _entity_keys(entity) -> set[str]:
    names = [*entity.spellings, entity.name, entity.name_ar]
    return {strict_key(name) for name in names if name}


def score_entities(extraction: Extraction, labels: list[list[str]]):
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
        "dates": [date_label(mention.date) for mention in extraction.dates],
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
        score, misses, extras = multiset_score(found[name], labelled[name])
        result.scores[name], result.misses[name], result.extras[name] = score, misses, extras
    scored = score_entities(extraction, entry.get("entities", []))
    result.scores["entities"], result.misses["entities"], result.extras["entities"] = scored
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
