"""The ingestion service and task: submission, idempotency, failures and retries."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import OperationalError

from core.dates import DatePrecision, PartialDate
from sources.models import Article, IngestionRun, IngestionStatus, Proposal
from sources.seed import ARTICLES_DIR
from sources.services import DuplicateArticle, article_ingest, article_submit, ingestion_request
from sources.services import ingestion as ingestion_module
from sources.tasks import ingest_article

pytestmark = pytest.mark.django_db

TEXT = (
    "Nimbus Robotics agreed to acquire Lumen Vision Inc. for $120 million in March 2024.\n"
    "Quartz Labs sued Nimbus Robotics over a patent last Friday."
)


@pytest.fixture
def submitted(django_capture_on_commit_callbacks):
    def submit(text=TEXT, **fields):
        with django_capture_on_commit_callbacks(execute=True):
            return article_submit(text=text, language=fields.pop("language", "en"), **fields)

    return submit


def test_submitting_runs_the_ingestion_once_the_article_is_committed(submitted):
    article, run = submitted(published=PartialDate(datetime.date(2024, 3, 20), DatePrecision.DAY))

    run.refresh_from_db()
    assert run.status == IngestionStatus.DONE
    assert run.attempts == 1
    assert run.started_at <= run.finished_at
    proposals = Proposal.objects.filter(article=article)
    assert run.proposal_count == proposals.count()
    lawsuit = proposals.get(kind="lawsuit")
    assert lawsuit.evidence in article.text
    assert lawsuit.payload["filed"] == {
        "date": "2024-03-15",
        "precision": "day",
        "basis": "inferred",
        "note": lawsuit.payload["filed"]["note"],
        "inferred": True,
    }
    assert lawsuit.payload["filed"]["note"] in article.text
    assert lawsuit.payload["claims"] == ["patent"]


def test_nothing_runs_before_the_transaction_commits(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        _article, run = article_submit(text=TEXT, language="en")
    assert len(callbacks) == 1
    run.refresh_from_db()
    assert run.status == IngestionStatus.PENDING


def test_running_twice_or_reingesting_proposes_nothing_twice(submitted):
    article, run = submitted()
    count = Proposal.objects.filter(article=article).count()

    assert article_ingest(run.pk).attempts == 1
    again = ingestion_request(article)
    article_ingest(again.pk)

    assert Proposal.objects.filter(article=article).count() == count
    again.refresh_from_db()
    assert (again.status, again.proposal_count) == (IngestionStatus.DONE, count)


def test_the_same_text_is_not_ingested_twice(submitted):
    article, _run = submitted()
    with pytest.raises(DuplicateArticle) as duplicate:
        article_submit(text="\n" + TEXT.replace("\n", "  \n ") + "  ", language="en")
    assert duplicate.value.article == article
    assert str(article.pk) in str(duplicate.value)
    assert Article.objects.count() == 1
    assert IngestionRun.objects.count() == 1


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "needs its text"),
        ("  \n\t ", "needs its text"),
        ("nul\x00byte", "NUL"),
        ("x" * 200_001, "at most"),
    ],
)
def test_an_empty_or_malformed_article_is_refused_with_a_sentence(text, message):
    with pytest.raises(ValidationError) as error:
        article_submit(text=text, language="en")
    assert message in " ".join(error.value.message_dict["text"])
    assert not Article.objects.exists()


def test_an_unknown_language_is_refused():
    with pytest.raises(ValidationError) as error:
        article_submit(text=TEXT, language="fr")
    assert "language" in error.value.message_dict


def test_a_failing_extraction_marks_the_run_failed_with_the_reason(
    submitted, monkeypatch, django_capture_on_commit_callbacks
):
    def broken(article):
        raise ValueError("the extractor broke")

    monkeypatch.setattr(ingestion_module, "proposal_drafts", broken)
    article, _run = submitted()
    run = IngestionRun.objects.get()
    assert run.article == article
    assert run.status == IngestionStatus.FAILED
    assert run.error == "ValueError: the extractor broke"
    assert run.article.text == TEXT


def test_a_transient_error_is_retried_and_then_succeeds(submitted, monkeypatch):
    real = ingestion_module.proposal_drafts
    calls = []

    def flaky(article):
        calls.append(1)
        if len(calls) == 1:
            raise OperationalError("server closed the connection unexpectedly")
        return real(article)

    monkeypatch.setattr(ingestion_module, "proposal_drafts", flaky)
    article, run = submitted()

    run.refresh_from_db()
    assert len(calls) == 2
    assert (run.status, run.attempts) == (IngestionStatus.DONE, 2)
    assert Proposal.objects.filter(article=article).exists()


def test_a_transient_error_that_persists_fails_after_the_last_retry(submitted, monkeypatch):
    def down(article):
        raise OperationalError("could not connect to server")

    monkeypatch.setattr(ingestion_module, "proposal_drafts", down)
    submitted()
    run = IngestionRun.objects.get()
    assert run.status == IngestionStatus.FAILED
    assert run.attempts == ingest_article.max_retries + 1
    assert "could not connect" in run.error


def test_a_run_whose_article_was_deleted_is_a_no_op(submitted):
    article, run = submitted()
    run_id = run.pk
    article.delete()
    assert ingest_article.apply(args=[run_id]).get() == 0


def seed_text(name: str) -> str:
    return (ARTICLES_DIR / name).read_text(encoding="utf-8")


def test_the_first_seed_article_from_an_empty_database_proposes_the_seed_facts(submitted):
    article, _run = submitted(seed_text("000_1001d59c7aa3159d.txt"), language="ar")
    proposals = list(Proposal.objects.filter(article=article))

    def deals_with(kind):
        return [p.payload for p in proposals if p.kind == "deal" and kind in p.payload["kinds"]]

    def names(parties):
        return {party["name"] for party in parties}

    licensing = deals_with("licensing")
    assert any({"Midjourney", "ميتا"} <= names(deal["parties"]) for deal in licensing)
    assert "partnership" in licensing[0]["kinds"]
    acquisition = deals_with("acquisition")
    assert any(
        {"target": "Play AI"}.items() <= {p["role"]: p["name"] for p in deal["parties"]}.items()
        for deal in acquisition
    )
    (openai_bid,) = [deal for deal in deals_with("bid") if "OpenAI" in names(deal["parties"])]
    assert openai_bid["value"]["amount"] == "97000000000"
    assert {"target": "OpenAI"}.items() <= {
        p["role"]: p["name"] for p in openai_bid["parties"]
    }.items()
    (offers,) = [deal for deal in deals_with("bid") if "Midjourney" in names(deal["parties"])]
    assert {(p["name"], p["role"]) for p in offers["parties"]} == {
        ("ميتا", "bidder"),
        ("Midjourney", "target"),
    }
    hiring = deals_with("hiring")
    assert hiring[0]["value"] == {
        "amount": "100000000",
        "currency": "USD",
        "qualifier": "up_to",
        "basis": "per_contract",
    }
    investment = next(p.payload for p in proposals if p.kind == "investment")
    assert investment["investee"]["name"] == "Scale AI"
    assert Decimal(investment["value"]["amount"]) == Decimal("14e9")
    assert investment["investors"][0]["name"] == "ميتا"
    sides = [
        ({(p["name"], p["side"]) for p in proposal.payload["parties"]}, proposal.payload["claims"])
        for proposal in proposals
        if proposal.kind == "lawsuit"
    ]
    # Disney is in the reference lexicon, so its proposal carries its English name.
    expected = {("Disney", "plaintiff"), ("يونيفرسال", "plaintiff"), ("Midjourney", "defendant")}
    assert (expected, ["copyright"]) in sides
    v1 = next(p.payload for p in proposals if p.kind == "product" and p.payload["name"] == "V1")
    assert v1["launched"]["date"] == "2025-06-01"
    assert v1["launched"]["precision"] == "month"
    assert v1["company"]["name"] == "Midjourney"
    midjourney = next(
        p.payload for p in proposals if p.kind == "company" and p.payload["name"] == "Midjourney"
    )
    assert "ميدجورني" in midjourney["spellings"]
    assert midjourney["founded"]["date"] == "2022-01-01"
    assert any(p.kind == "development" for p in proposals)


def test_the_second_seed_article_proposes_the_licensing_partnership(submitted):
    article, _run = submitted(seed_text("001_684bed3df9a39272.txt"), language="ar")
    deals = [p.payload for p in Proposal.objects.filter(article=article, kind="deal")]
    assert any(
        {"partnership", "licensing"} <= set(deal["kinds"])
        and {"ميتا", "Midjourney"} <= {party["name"] for party in deal["parties"]}
        for deal in deals
    )


def test_known_names_are_linked_by_slug_and_new_spellings_proposed_as_aliases(submitted, seeded):
    text = "أعلنت غوغل وميكروسوفت عن شراكة مع شركة ميدجرني في مارس 2025."
    article, _run = submitted(text, language="ar")
    deal = Proposal.objects.get(article=article, kind="deal")
    slugs = {party["slug"] for party in deal.payload["parties"]}
    assert {"google", "midjourney"} <= slugs
    assert deal.payload["announced"]["date"] == "2025-03-01"


def test_a_run_that_never_finishes_is_given_up(submitted):
    _article, run = submitted()
    IngestionRun.objects.filter(pk=run.pk).update(
        status=IngestionStatus.RUNNING, attempts=ingestion_module.MAX_ATTEMPTS
    )
    article_ingest(run.pk)
    run.refresh_from_db()
    assert run.status == IngestionStatus.FAILED
    assert f"Gave up after {ingestion_module.MAX_ATTEMPTS} attempts" in run.error


def test_reading_again_after_accepting_its_new_names_proposes_nothing_twice(submitted, curator):
    from sources.models import ProposalStatus
    from sources.services import proposal_accept

    article, _run = submitted()
    for proposal in Proposal.objects.filter(article=article, kind="company"):
        proposal_accept(proposal=proposal, user=curator)
    pending = set(
        Proposal.objects.filter(article=article, status=ProposalStatus.PENDING).values_list(
            "kind", "summary"
        )
    )
    article_ingest(ingestion_request(article).pk)
    again = set(
        Proposal.objects.filter(article=article, status=ProposalStatus.PENDING).values_list(
            "kind", "summary"
        )
    )
    assert again == pending


def test_accepting_a_reprinted_seed_article_adds_no_duplicate(submitted, seeded, curator):
    """A copy of a seed article (another outlet's reprint) cites the records the tracker
    holds; accepting everything it proposes makes no second company or event."""
    from companies.models import Company
    from deals.models import Investment, Lawsuit
    from sources.services import proposal_accept
    from sources.services.review import ProposalDecided

    before = {
        "companies": Company.objects.count(),
        "investments": Investment.objects.count(),
    }
    text = seed_text("000_1001d59c7aa3159d.txt") + "\nنُشر هذا الخبر أيضاً في موقع آخر."
    article, _run = submitted(text, language="ar")
    for proposal in Proposal.objects.filter(article=article).order_by("id"):
        try:
            proposal_accept(proposal=proposal, user=curator)
        except (ValidationError, ProposalDecided):
            continue
    assert Company.objects.count() == before["companies"]
    assert Investment.objects.filter(investee__slug="scale-ai").count() == 1
    assert Investment.objects.count() == before["investments"]
    suits = Lawsuit.objects.filter(parties__company__slug="midjourney").distinct()
    assert suits.count() == 1
