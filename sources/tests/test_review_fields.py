"""Accepting a proposal of a record type without an accept function: the payload is read
off the model's fields (`PayloadReader.record_fields`)."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from deals.models import Investment
from sources.services import proposal_accept

from .factories import ArticleFactory, ProposalFactory
from .test_review import FIRST_SENTENCE, TEXT, party

pytestmark = pytest.mark.django_db


@pytest.fixture
def article():
    return ArticleFactory(text=TEXT)


def investment_proposal(article, **payload):
    return ProposalFactory(
        article=article,
        kind="investment",
        evidence=FIRST_SENTENCE,
        payload={"investee": party("Lumen Vision"), "status": "announced", **payload},
    )


def test_a_record_type_without_an_accept_function_reads_its_models_fields(article, curator):
    proposal = investment_proposal(
        article,
        investors=[party("Nimbus Robotics")],
        stake_percent=12.5,
        round="series_b",
        summary_ar="استثمار",
        announced={"date": "2024-03-01", "precision": "month"},
        version=40,
        slug="lumen-series-b",
    )

    investment = proposal_accept(proposal=proposal, user=curator)

    assert investment.slug == "lumen-series-b"
    assert investment.stake_percent == Decimal("12.5")
    assert (investment.round, investment.summary_ar) == ("series_b", "استثمار")
    assert investment.announced.date == datetime.date(2024, 3, 1)
    assert investment.version == 1


@pytest.mark.parametrize(
    ("given", "field"),
    [
        ({"stake_percent": "a tenth"}, "stake_percent"),
        ({"stake_percent": True}, "stake_percent"),
        ({"stake_percent": 140}, "stake_percent"),
        ({"round": 3}, "round"),
        ({"investors": "Nimbus Robotics"}, "investors"),
    ],
)
def test_a_field_read_off_the_model_refuses_a_wrong_type(article, curator, given, field):
    proposal = investment_proposal(article, **given)

    with pytest.raises(ValidationError) as error:
        proposal_accept(proposal=proposal, user=curator)

    assert field in error.value.message_dict
    assert not Investment.objects.exists()
