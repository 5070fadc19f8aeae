"""`citation_add` and `citations_replace`: every path cites through them."""

import pytest
from django.core.exceptions import ValidationError

from companies.tests.factories import CompanyFactory
from deals.tests.factories import DealFactory
from sources.models import Citation
from sources.services import citation_add, citations_replace

from .factories import ArticleFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def article():
    return ArticleFactory(text="Meta agreed to license Midjourney's models. Terms were private.")


def test_adding_the_same_citation_twice_keeps_one(article):
    deal = DealFactory()
    first = citation_add(record=deal, article=article, excerpt="Terms were private.")
    again = citation_add(record=deal, article=article, excerpt="Terms were private.")
    assert first.pk == again.pk
    assert deal.citations.count() == 1


def test_the_excerpt_must_be_verbatim(article):
    with pytest.raises(ValidationError) as error:
        citation_add(record=CompanyFactory(), article=article, excerpt="Terms were secret.")
    assert "excerpt" in error.value.message_dict
    assert not Citation.objects.exists()


def test_replace_keeps_what_stays_and_names_a_bad_row(article):
    deal = DealFactory()
    kept = citation_add(record=deal, article=article, excerpt="Terms were private.")
    citation_add(record=deal, article=article, excerpt="Meta agreed")
    citations_replace(
        record=deal, citations=[{"article": article, "excerpt": "Terms were private."}]
    )
    assert list(deal.citations.values_list("pk", flat=True)) == [kept.pk]
    with pytest.raises(ValidationError) as error:
        citations_replace(
            record=deal,
            citations=[
                {"article": article, "excerpt": "Meta agreed"},
                {"article": article, "excerpt": "never said"},
            ],
        )
    [message] = error.value.message_dict["citations"]
    assert message.startswith("Citation 2: excerpt: ")


def test_a_record_that_cannot_be_cited_is_refused(article):
    with pytest.raises(ValueError, match="cannot be cited"):
        citation_add(record=article, article=article, excerpt="Meta agreed")
