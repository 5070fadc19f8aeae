import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from companies.tests.factories import CompanyFactory
from deals.tests.factories import DealFactory
from sources.models import Article, Citation, content_hash
from sources.tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def test_the_same_text_is_one_article_whatever_its_whitespace():
    assert content_hash("Meta  licenses\nMidjourney ") == content_hash("Meta licenses Midjourney")
    ArticleFactory(text="Meta licenses Midjourney.")
    duplicate = Article(language="en", text="  Meta licenses\n\nMidjourney.  ")
    with pytest.raises(ValidationError) as error:
        duplicate.full_clean()
    assert error.value.message_dict["content_hash"] == [
        "This article's text is already in the tracker."
    ]


def test_an_article_needs_text():
    with pytest.raises(ValidationError) as error:
        Article(language="ar", text="   ").full_clean()
    assert "text" in error.value.message_dict


def test_an_excerpt_must_be_verbatim():
    article = ArticleFactory(text="Meta agreed to license Midjourney's models.")
    citation = Citation(article=article, excerpt="Meta bought Midjourney", deal=DealFactory())
    with pytest.raises(ValidationError) as error:
        citation.full_clean()
    assert error.value.message_dict["excerpt"] == [
        "The excerpt must be quoted verbatim from the article's text."
    ]
    Citation(article=article, excerpt="license Midjourney", deal=citation.deal).full_clean()


def test_a_citation_supports_exactly_one_record():
    article = ArticleFactory()
    excerpt = article.text[:10]
    with pytest.raises(IntegrityError):
        Citation.objects.create(article=article, excerpt=excerpt)


def test_a_citation_supporting_two_records_is_refused():
    article = ArticleFactory()
    citation = Citation(
        article=article, excerpt=article.text[:10], deal=DealFactory(), company=CompanyFactory()
    )
    with pytest.raises(ValidationError, match="exactly one record"):
        citation.full_clean()
