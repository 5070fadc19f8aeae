"""Alias search ranks in the database before it limits, whatever the data size, and
tolerates spacing and legal forms."""

import pytest

from companies.models import Alias, Company
from companies.search import EXACT_NAME, MAX_CANDIDATES, WORD_PREFIXES, alias_search
from companies.services import primary_aliases_sync
from companies.tests.factories import CompanyFactory, PersonFactory

#: Names whose loose key is "kl" like Google's, sorting before every spelling of Google.
COLLISIONS = 3 * MAX_CANDIDATES


@pytest.fixture
def google_among_collisions(db):
    google = CompanyFactory(name="Google", name_ar="غوغل")
    primary_aliases_sync(google)
    companies = Company.objects.bulk_create(
        Company(slug=f"akal-{n}", name=f"Akal {n:04}") for n in range(COLLISIONS)
    )
    aliases = [Alias(company=company, name=company.name, is_primary=True) for company in companies]
    for alias in aliases:
        alias.refresh_keys()
    Alias.objects.bulk_create(aliases)
    assert Alias.objects.filter(loose_key__startswith="kl ").count() == COLLISIONS
    return google


@pytest.mark.parametrize("query", ["غوغل", "Google", "GOOGLE"])
def test_an_exact_match_ranks_first_among_thousands_of_loose_matches(
    google_among_collisions, query
):
    hits = alias_search(query, limit=20)
    assert (hits[0].record, hits[0].score) == (google_among_collisions, EXACT_NAME)
    assert len(hits) == 20, "loose matches still follow"


def test_a_prefix_ranks_before_loose_matches_at_scale(google_among_collisions):
    hits = alias_search("googl", kinds=["company"])
    assert (hits[0].record, hits[0].score) == (google_among_collisions, WORD_PREFIXES)
    assert all(hit.score < WORD_PREFIXES for hit in hits[1:])


def test_a_loose_spelling_finds_the_whole_skeleton_first(google_among_collisions):
    assert alias_search("قوقل")[0].record == google_among_collisions


@pytest.fixture
def named(db):
    records = {}
    for name, name_ar in [("OpenAI", "أوبن إيه آي"), ("Midjourney", ""), ("Meta", "ميتا")]:
        records[name] = CompanyFactory(name=name, name_ar=name_ar)
        primary_aliases_sync(records[name])
    return records


@pytest.mark.parametrize(
    ("query", "name"),
    [
        ("open ai", "OpenAI"),
        ("Open AI", "OpenAI"),
        ("openai", "OpenAI"),
        ("أوبن إيه آي", "OpenAI"),
        ("Midjourney, Inc.", "Midjourney"),
        ("Midjourney Inc", "Midjourney"),
        ("mid journey", "Midjourney"),
        ("شركة ميتا", "Meta"),
        ("ميتا المحدودة", "Meta"),
    ],
)
def test_spacing_and_legal_forms_do_not_matter(named, query, name):
    hits = alias_search(query)
    assert (hits[0].record, hits[0].score) == (named[name], EXACT_NAME)


def test_spelling_apart_a_name_written_together_is_a_prefix(named):
    assert alias_search("open a")[0].record == named["OpenAI"]


def test_the_best_alias_of_each_record_is_the_one_shown(named):
    person = PersonFactory(name="Openshaw Ainsley")
    primary_aliases_sync(person)
    hits = alias_search("open ai")
    assert [hit.record for hit in hits][:2] == [named["OpenAI"], person]
    assert hits[0].alias == "OpenAI"
