"""Curators' decisions: accepting (as proposed or edited), merging and rejecting proposals."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from companies.models import Alias, Company, Person, Product
from companies.services import company_create
from companies.tests.factories import CompanyFactory
from deals.models import Deal, Development, Investment, Lawsuit
from deals.tests.factories import DealFactory, DealPartyFactory
from sources.models import Citation, ProposalStatus
from sources.services import proposal_accept, proposal_merge, proposal_reject
from sources.services.review import ProposalDecided

from .factories import ArticleFactory, ProposalFactory

pytestmark = pytest.mark.django_db

TEXT = (
    "Nimbus Robotics agreed to acquire Lumen Vision for $120 million in March 2024. "
    "Lumen Vision sued Quartz Labs over a patent."
)
FIRST_SENTENCE = "Nimbus Robotics agreed to acquire Lumen Vision for $120 million in March 2024."


def party(name, slug=None, **extra):
    return {"type": "company", "name": name, "name_ar": "", "slug": slug, **extra}


@pytest.fixture
def article():
    return ArticleFactory(text=TEXT)


def deal_proposal(article, **payload):
    return ProposalFactory(
        article=article,
        kind="deal",
        evidence=FIRST_SENTENCE,
        payload={
            "title": "Nimbus Robotics acquires Lumen Vision",
            "kinds": ["acquisition"],
            "status": "announced",
            "announced": {"date": "2024-03-01", "precision": "month", "inferred": False},
            "value": {"amount": "120000000", "currency": "USD", "qualifier": "exact"},
            "parties": [
                party("Nimbus Robotics", role="acquirer"),
                party("Lumen Vision", role="target"),
            ],
            **payload,
        },
    )


def test_accepting_a_deal_creates_it_with_its_parties_and_cites_the_evidence(article, curator):
    proposal = deal_proposal(article)

    deal = proposal_accept(proposal=proposal, user=curator)

    assert isinstance(deal, Deal)
    assert deal.value.amount == 120_000_000
    assert (deal.announced_on, deal.announced_precision) == (datetime.date(2024, 3, 1), "month")
    assert {(p.company.name, p.role) for p in deal.parties.all()} == {
        ("Nimbus Robotics", "acquirer"),
        ("Lumen Vision", "target"),
    }
    assert list(deal.citations.values_list("excerpt", flat=True)) == [FIRST_SENTENCE]
    nimbus = Company.objects.get(name="Nimbus Robotics")
    assert nimbus.citations.get().article == article
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.ACCEPTED
    assert proposal.deal == deal
    assert proposal.decided_by == curator
    assert proposal.decided_at is not None
    assert deal.history.first().history_change_reason == (
        f"Accepted proposal {proposal.pk} from article {article.pk}"
    )


def test_a_party_with_a_slug_links_the_existing_company(article, curator):
    lumen = CompanyFactory(name="Lumen Vision")
    proposal = deal_proposal(
        article,
        parties=[
            party("Nimbus Robotics", role="acquirer"),
            party("whatever", slug=lumen.slug, role="target"),
        ],
    )

    deal = proposal_accept(proposal=proposal, user=curator)

    assert deal.parties.get(role="target").company == lumen
    assert Company.objects.filter(name="Lumen Vision").count() == 1


def test_a_new_party_already_known_by_name_is_not_created_twice(article, curator):
    lumen = CompanyFactory(name="Lumen Vision")

    deal = proposal_accept(proposal=deal_proposal(article), user=curator)

    assert deal.parties.get(role="target").company == lumen


def test_creating_a_party_settles_the_articles_proposal_of_that_company(article, curator):
    company_proposal = ProposalFactory(
        article=article,
        kind="company",
        evidence=FIRST_SENTENCE,
        payload={"name": "Nimbus Robotics", "name_ar": "", "spellings": ["Nimbus Robotics"]},
    )

    deal = proposal_accept(proposal=deal_proposal(article), user=curator)

    company_proposal.refresh_from_db()
    assert company_proposal.status == ProposalStatus.ACCEPTED
    assert company_proposal.company == deal.parties.get(role="acquirer").company


def test_an_acquirer_is_not_its_own_target(article, curator):
    proposal = deal_proposal(
        article,
        parties=[
            party("Nimbus Robotics", role="acquirer"),
            party("Nimbus Robotics", role="target"),
        ],
    )

    with pytest.raises(ValidationError) as error:
        proposal_accept(proposal=proposal, user=curator)

    assert "cannot be both acquirer and target" in str(error.value.message_dict["parties"])
    assert not Deal.objects.exists()
    proposal.refresh_from_db()
    assert proposal.status == "pending"


def test_an_edited_payload_is_what_gets_recorded(article, curator):
    proposal = deal_proposal(article)
    edited = {**proposal.payload, "status": "completed", "title": "Nimbus buys Lumen"}

    deal = proposal_accept(proposal=proposal, user=curator, payload=edited)

    assert (deal.title, deal.status) == ("Nimbus buys Lumen", "completed")
    proposal.refresh_from_db()
    assert proposal.payload["title"] == "Nimbus buys Lumen"


def test_an_invalid_payload_is_refused_with_field_messages_and_leaves_nothing_behind(
    article, curator
):
    proposal = deal_proposal(article, kinds=["no-such-kind"])

    with pytest.raises(ValidationError) as error:
        proposal_accept(proposal=proposal, user=curator)

    assert "kinds" in error.value.message_dict
    assert not Deal.objects.exists()
    assert not Company.objects.filter(name="Nimbus Robotics").exists()
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.PENDING


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"parties": "Nimbus"}, "parties"),
        (
            {"parties": [{"type": "company", "name": "", "slug": None, "role": "target"}]},
            "parties[0]",
        ),
        ({"parties": [party("Lumen", slug="no-such-slug", role="target")]}, "parties[0]"),
        ({"parties": [party("Lumen", role=None)]}, "parties[0]"),
        ({"value": {"amount": 1.5}}, "value"),
    ],
)
def test_malformed_payloads_name_the_field(article, curator, payload, field):
    with pytest.raises(ValidationError) as error:
        proposal_accept(proposal=deal_proposal(article, **payload), user=curator)
    assert field in error.value.message_dict


def test_accepting_a_company_records_its_spellings_as_aliases(article, curator):
    proposal = ProposalFactory(
        article=article,
        kind="company",
        evidence=FIRST_SENTENCE,
        payload={
            "name": "Nimbus Robotics",
            "name_ar": "نيمبوس روبوتيكس",
            "kinds": ["startup"],
            "spellings": ["Nimbus Robotics", "نيمبس روبوتكس"],
            "similar": [],
        },
    )

    company = proposal_accept(proposal=proposal, user=curator)

    assert list(company.kinds.values_list("code", flat=True)) == ["startup"]
    names = set(Alias.objects.filter(company=company).values_list("name", flat=True))
    assert {"Nimbus Robotics", "نيمبوس روبوتيكس", "نيمبس روبوتكس"} <= names
    assert company.citations.get().excerpt == FIRST_SENTENCE


def test_accepting_a_person_and_a_product(article, curator):
    person = proposal_accept(
        proposal=ProposalFactory(
            article=article,
            kind="person",
            evidence=FIRST_SENTENCE,
            payload={"name": "Ada Quill", "name_ar": "آدا كويل", "spellings": []},
        ),
        user=curator,
    )
    product = proposal_accept(
        proposal=ProposalFactory(
            article=article,
            kind="product",
            evidence=FIRST_SENTENCE,
            payload={
                "name": "Lumen Eye",
                "kind": "image_model",
                "company": party("Lumen Vision"),
                "launched": {"date": "2024-03-01", "precision": "month"},
            },
        ),
        user=curator,
    )
    assert isinstance(person, Person)
    assert person.name_ar == "آدا كويل"
    assert isinstance(product, Product)
    assert product.company.name == "Lumen Vision"
    assert product.launched.precision == "month"


def test_a_product_needs_its_company(article, curator):
    proposal = ProposalFactory(
        article=article, kind="product", evidence=FIRST_SENTENCE, payload={"name": "Eye"}
    )
    with pytest.raises(ValidationError) as error:
        proposal_accept(proposal=proposal, user=curator)
    assert "company" in error.value.message_dict


def test_accepting_an_investment_a_lawsuit_and_a_ruling(article, curator):
    investment = proposal_accept(
        proposal=ProposalFactory(
            article=article,
            kind="investment",
            evidence=FIRST_SENTENCE,
            payload={
                "investee": party("Lumen Vision"),
                "investors": [party("Nimbus Robotics")],
                "status": "announced",
                "value": {"amount": "120000000", "currency": "USD"},
            },
        ),
        user=curator,
    )
    lawsuit = proposal_accept(
        proposal=ProposalFactory(
            article=article,
            kind="lawsuit",
            evidence="Lumen Vision sued Quartz Labs over a patent.",
            payload={
                "title": "Lumen Vision v. Quartz Labs",
                "status": "filed",
                "claims": ["patent"],
                "parties": [
                    party("Lumen Vision", side="plaintiff"),
                    party("Quartz Labs", side="defendant"),
                ],
            },
        ),
        user=curator,
    )
    ruling = proposal_accept(
        proposal=ProposalFactory(
            article=article,
            kind="development",
            evidence="Lumen Vision sued Quartz Labs over a patent.",
            payload={
                "title": "Court ruling",
                "kind": "court_rulings",
                "summary": "A ruling.",
                "occurred": {"date": "2024-01-01", "precision": "year"},
                "companies": [party("Quartz Labs")],
            },
        ),
        user=curator,
    )
    assert isinstance(investment, Investment)
    assert investment.investee.name == "Lumen Vision"
    assert [c.name for c in investment.investors.all()] == ["Nimbus Robotics"]
    assert isinstance(lawsuit, Lawsuit)
    assert list(lawsuit.claims.values_list("code", flat=True)) == ["patent"]
    assert lawsuit.parties.get(side="defendant").company.name == "Quartz Labs"
    assert isinstance(ruling, Development)
    assert ruling.citations.count() == 1
    assert Company.objects.filter(name="Lumen Vision").count() == 1


def test_a_ruling_without_a_kind_is_refused(article, curator):
    proposal = ProposalFactory(
        article=article,
        kind="development",
        evidence=FIRST_SENTENCE,
        payload={"title": "Court ruling", "summary": "x"},
    )
    with pytest.raises(ValidationError) as error:
        proposal_accept(proposal=proposal, user=curator)
    assert "kind" in error.value.message_dict
    assert not Development.objects.exists()


def test_accepting_a_new_spelling_adds_an_alias(article, curator):
    google = CompanyFactory(name="Google", name_ar="جوجل")
    proposal = ProposalFactory(
        article=article,
        kind="alias",
        evidence=FIRST_SENTENCE,
        payload={"name": "قووقل", "target": {"type": "company", "slug": google.slug}},
    )

    assert proposal_accept(proposal=proposal, user=curator) == google
    assert Alias.objects.filter(company=google, name="قووقل").exists()
    proposal.refresh_from_db()
    assert proposal.company == google


def test_merging_a_new_company_into_an_existing_one_keeps_its_spellings(article, curator):
    lumen = CompanyFactory(name="Lumen Vision Inc")
    proposal = ProposalFactory(
        article=article,
        kind="company",
        evidence=FIRST_SENTENCE,
        payload={"name": "Lumen Vision", "name_ar": "لومن فيجن", "spellings": ["Lumen Vision"]},
    )

    proposal_merge(proposal=proposal, target=lumen, user=curator, note="same company")

    assert {"Lumen Vision", "لومن فيجن"} <= set(
        Alias.objects.filter(company=lumen).values_list("name", flat=True)
    )
    assert lumen.citations.get().excerpt == FIRST_SENTENCE
    proposal.refresh_from_db()
    assert (proposal.status, proposal.company, proposal.note) == (
        ProposalStatus.MERGED,
        lumen,
        "same company",
    )
    assert Company.objects.count() == 1


def test_merging_a_deal_cites_it_and_fills_only_what_it_lacks(article, curator):
    deal = DealFactory(title="Nimbus–Lumen", kinds=["acquisition"])
    DealPartyFactory(deal=deal)
    version = deal.version

    proposal_merge(proposal=deal_proposal(article), target=deal, user=curator)

    deal.refresh_from_db()
    assert deal.value.amount == 120_000_000
    assert deal.announced.precision == "month"
    assert deal.version == version + 1
    assert deal.citations.get().excerpt == FIRST_SENTENCE


def test_a_proposal_merges_only_into_a_record_of_its_kind(article, curator):
    with pytest.raises(ValidationError):
        proposal_merge(proposal=deal_proposal(article), target=CompanyFactory(), user=curator)


def test_rejecting_records_who_and_why_and_creates_nothing(article, curator):
    proposal = deal_proposal(article)

    proposal_reject(proposal=proposal, user=curator, note="old news")

    proposal.refresh_from_db()
    assert (proposal.status, proposal.note, proposal.decided_by) == (
        ProposalStatus.REJECTED,
        "old news",
        curator,
    )
    assert not Deal.objects.exists()
    assert not Citation.objects.exists()


@pytest.mark.parametrize("first", ["accept", "reject"])
def test_a_decided_proposal_cannot_be_decided_again(article, curator, first):
    proposal = deal_proposal(article)
    decide = {"accept": proposal_accept, "reject": proposal_reject}[first]
    decide(proposal=proposal, user=curator)

    for again in (proposal_accept, proposal_reject):
        with pytest.raises(ProposalDecided):
            again(proposal=proposal, user=curator)
    assert Deal.objects.count() == (1 if first == "accept" else 0)


def test_accepting_an_event_the_tracker_holds_cites_it_instead_of_creating_another(
    article, curator
):
    nimbus = company_create(name="Nimbus Robotics")
    lumen = company_create(name="Lumen Vision")
    first = proposal_accept(proposal=deal_proposal(article), user=curator)
    again = deal_proposal(
        article,
        parties=[
            {"type": "company", "slug": nimbus.slug, "role": "acquirer"},
            {"type": "company", "name": "Lumen Vision Inc.", "role": "target"},
        ],
        announced={"date": "2024-03-12", "precision": "day"},
    )

    record = proposal_accept(proposal=again, user=curator)

    assert record == first
    assert Deal.objects.count() == 1
    again.refresh_from_db()
    assert (again.status, again.deal) == ("merged", first)
    assert first.parties.get(role="target").company == lumen


def test_an_investment_reported_again_fills_its_blanks(article, curator):
    meta, scale = CompanyFactory(name="Meta"), CompanyFactory(name="Scale AI")
    bare = ProposalFactory(
        article=article,
        kind="investment",
        evidence=FIRST_SENTENCE,
        payload={
            "investee": {"type": "company", "slug": scale.slug},
            "investors": [{"type": "company", "slug": meta.slug}],
            "status": "announced",
        },
    )
    investment = proposal_accept(proposal=bare, user=curator)
    valued = ProposalFactory(
        article=article,
        kind="investment",
        evidence=FIRST_SENTENCE,
        payload={**bare.payload, "value": {"amount": "14000000000", "currency": "USD"}},
        fingerprint="f" * 64,
    )

    assert proposal_accept(proposal=valued, user=curator) == investment

    investment.refresh_from_db()
    assert investment.value.amount == 14_000_000_000
    assert investment.citations.count() == 1
