"""Articles made of the sentences that state the synthetic facts, each cited verbatim.

Records hand the desk one sentence per fact in both languages; every few facts the desk
writes an article in one language whose text holds those sentences, and a citation per
fact whose excerpt is the sentence itself, so the verbatim rule holds by construction.
"""

from dataclasses import dataclass
from random import Random

from ..models import Article, ArticleLanguage, Citation
from .values import partial_date
from .writer import bulk_insert

OUTLETS = ("The Daily Compute", "Gulf Tech Review", "الشرق التقني", "مجلة الذكاء")
FACTS_PER_ARTICLE = 5


@dataclass(frozen=True)
class Fact:
    """A record (its citation foreign key and id) and the sentence stating it."""

    field: str
    record_id: int
    english: str
    arabic: str


class ArticleDesk:
    """Collects facts and writes them as articles and citations in batches."""

    def __init__(self, rng: Random, batch_size: int):
        self.rng = rng
        self.batch_size = batch_size
        self.pending: list[Fact] = []
        self.number = Article.objects.count()
        self.written = {"articles": 0, "citations": 0}

    def add(self, field: str, record_id: int, english: str, arabic: str) -> None:
        self.pending.append(Fact(field, record_id, english, arabic))
        if len(self.pending) >= self.batch_size:
            self.flush()

    def flush(self) -> None:
        """Write the pending facts as articles of a few facts each."""
        groups = [
            self.pending[start : start + FACTS_PER_ARTICLE]
            for start in range(0, len(self.pending), FACTS_PER_ARTICLE)
        ]
        self.pending = []
        articles, excerpts = [], []
        for facts in groups:
            article, sentences = self._article(facts)
            articles.append(article)
            excerpts.append(sentences)
        bulk_insert(articles)
        citations = [
            Citation(article=article, excerpt=sentence, **{fact.field + "_id": fact.record_id})
            for article, facts, sentences in zip(articles, groups, excerpts, strict=True)
            for fact, sentence in zip(facts, sentences, strict=True)
        ]
        bulk_insert(citations)
        self.written["articles"] += len(articles)
        self.written["citations"] += len(citations)

    def _article(self, facts: list[Fact]) -> tuple[Article, list[str]]:
        self.number += 1
        arabic = self.rng.random() < 0.4
        sentences = [fact.arabic if arabic else fact.english for fact in facts]
        if arabic:
            title, opening = f"نشرة الصفقات رقم {self.number}", f"العدد {self.number}."
        else:
            title, opening = f"Deals roundup no. {self.number}", f"Issue {self.number}."
        published = partial_date(self.rng, "published")
        article = Article(
            title=title,
            language=ArticleLanguage.ARABIC if arabic else ArticleLanguage.ENGLISH,
            outlet=self.rng.choice(OUTLETS),
            url=f"https://news.example/{self.number}",
            text="\n\n".join([opening, *sentences]),
            **published,
        )
        article.refresh_hash()
        return article, sentences
