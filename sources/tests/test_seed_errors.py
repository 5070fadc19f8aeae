"""A broken seed file is refused with a sentence naming the entry, and loads nothing."""

import re
import shutil

import pytest
from django.core.management import CommandError, call_command

from companies.models import Company
from sources.models import Article
from sources.seed import ARTICLES_DIR, FACTS_FILE, SeedError, seed_load

pytestmark = pytest.mark.django_db


@pytest.fixture
def facts_copy(tmp_path):
    path = tmp_path / "facts.toml"
    shutil.copy(FACTS_FILE, path)
    return path


def replace_in(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ('excerpt = "وVeo من جوجل"', 'excerpt = "وVeo من غوغل"', "companies[google]: excerpt"),
        ('rival = "google"', 'rival = "alphabet"', "no company with slug 'alphabet'"),
        ('launched = "2025-06"', 'launched = "June 2025"', "products[midjourney-v1]: launched"),
        (
            'currency = "USD", qualifier = "up_to", basis = "per_contract"',
            'currency = "usd", qualifier = "up_to", basis = "per_contract"',
            "deals[meta-ai-researcher-hiring-campaign]: value_currency",
        ),
        ('amount = "14000000000"', 'amount = "fourteen"', "is not a number"),
        (
            'occurred_note = "أصدرت مؤخراً أحكاماً"',
            'occurred_note = "أصدرت أحكاماً"',
            "occurred_note 'أصدرت أحكاماً' is not in the entry's cited excerpts",
        ),
        (
            'filed_basis = "curator"',
            'filed_basis = "guess"',
            "lawsuits[disney-universal-v-midjourney]: filed: basis must be one of",
        ),
        (
            'announced_note = "Neither',
            'announced_noted = "Neither',
            "deals[meta-midjourney-licensing-partnership]: announced: A date added by a curator",
        ),
        (
            'status = "offered"\noccurred = "2025-02-10"',
            'status = "sold"\noccurred = "2025-02-10"',
            "transitions[openai-97b-acquisition-bid #1]: status",
        ),
        (
            'target = { lawsuit = "disney-universal-v-midjourney" }',
            'target = { company = "midjourney" }',
            "event_links[#1]: target names one record",
        ),
        (
            'relation = "follows"',
            'relation = "funds"',
            "event_links[#1]: relation",
        ),
    ],
)
def test_a_broken_entry_is_named_and_nothing_is_loaded(facts_copy, old, new, message):
    replace_in(facts_copy, old, new)
    with pytest.raises(SeedError, match=re.escape(message)):
        seed_load(facts_file=facts_copy)
    assert not Company.objects.exists()
    assert not Article.objects.exists()


def test_a_missing_article_file(facts_copy, tmp_path):
    empty = tmp_path / "articles"
    empty.mkdir()
    with pytest.raises(SeedError, match=r"article file .* is missing"):
        seed_load(facts_file=facts_copy, articles_dir=empty)


def test_invalid_toml(tmp_path):
    broken = tmp_path / "facts.toml"
    broken.write_text("[[companies]\n", encoding="utf-8")
    with pytest.raises(SeedError, match="not valid TOML"):
        seed_load(facts_file=broken, articles_dir=ARTICLES_DIR)


def test_the_command_exits_with_a_sentence(tmp_path):
    with pytest.raises(CommandError, match=r"The seed was not loaded: The seed file .* does not"):
        call_command("load_seed", "--facts", str(tmp_path / "missing.toml"))


def test_the_command_reports_what_it_created(capsys):
    call_command("load_seed")
    output = capsys.readouterr().out
    assert "Deals: 5 created" in output
    assert Company.objects.count() == 9


def test_an_acquirer_is_not_its_own_target(facts_copy):
    text = facts_copy.read_text(encoding="utf-8")
    text += (
        '\n[[deals]]\nslug = "meta-buys-meta"\ntitle = "Meta buys Meta"\n'
        'kinds = ["acquisition"]\nstatus = "announced"\n'
        'parties = [{ company = "meta", role = "acquirer" },'
        ' { company = "meta", role = "target" }]\n'
        'cite = [{ article = "A", excerpt = "ميتا" }]\n'
    )
    facts_copy.write_text(text, encoding="utf-8")
    with pytest.raises(SeedError, match=r"deals\[meta-buys-meta\].*cannot be both acquirer"):
        seed_load(facts_file=facts_copy, articles_dir=ARTICLES_DIR)
    assert not Company.objects.exists()
