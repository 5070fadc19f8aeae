"""The measurement of ingestion: the scorer itself, and the thresholds on the labelled set."""

import contextlib

import pytest
from django.core.management import CommandError, call_command

from sources.eval.scoring import LABELS_FILE, THRESHOLDS, evaluate
from sources.management.commands import eval_ingest

pytestmark = pytest.mark.django_db

LABELS = '''
[[known]]
name = "Lumen Vision"
name_ar = ""
kind = "company"
aliases = []

[[articles]]
key = "tiny"
language = "en"
title = ""
published = "2024-03-20"
known = ["Lumen Vision"]
text = """Nimbus Robotics agreed to acquire Lumen Vision Inc. for $120 million last Friday."""
entities = [["Nimbus Robotics"], ["Lumen Vision"], ["Quartz Labs"]]
amounts = [
  { amount = "120000000", currency = "USD", qualifier = "exact" },
  { amount = "5", currency = "EUR", qualifier = "exact" },
]
dates = ["2024-03-15", "2023"]
kinds = ["acquisition", "lawsuit"]
facts = [{ kind = "acquisition", parties = ["Nimbus Robotics", "Lumen Vision"] }]
'''


def test_the_scorer_counts_what_was_found_against_what_was_labelled(tmp_path):
    path = tmp_path / "labels.toml"
    path.write_text(LABELS, encoding="utf-8")

    report = evaluate(path)

    scores = {name: report.total(name) for name in ("entities", "amounts", "dates", "kinds")}
    assert (scores["entities"].precision, scores["entities"].recall) == (1.0, 2 / 3)
    assert (scores["amounts"].precision, scores["amounts"].recall) == (1.0, 0.5)
    assert (scores["dates"].precision, scores["dates"].recall) == (1.0, 0.5)
    assert (scores["kinds"].precision, scores["kinds"].recall) == (1.0, 0.5)
    assert report.articles[0].misses["dates"] == ["2023"]
    assert "amounts recall 0.50 is below 0.90" in report.failures()


def test_the_known_records_of_an_article_are_gone_after_it(tmp_path):
    from companies.models import Company

    path = tmp_path / "labels.toml"
    path.write_text(LABELS, encoding="utf-8")
    evaluate(path)
    assert not Company.objects.exists()


def test_ingestion_meets_its_thresholds_on_the_labelled_set():
    """`make eval-ingest` in the suite: 0.9 for amounts and dates, 0.8 for entities, kinds."""
    report = evaluate()
    assert len(report.articles) >= 14
    assert {article.language for article in report.articles} == {"ar", "en"}
    assert report.failures() == [], THRESHOLDS


def test_the_command_prints_a_table_and_checks(tmp_path, capsys, monkeypatch):
    """The test database is already empty: the command's own throwaway one is not needed."""
    monkeypatch.setattr(eval_ingest, "throwaway_database", contextlib.nullcontext)
    path = tmp_path / "labels.toml"
    path.write_text(LABELS, encoding="utf-8")
    with pytest.raises(CommandError, match=r"amounts recall 0\.50 is below 0\.90"):
        call_command("eval_ingest", "--labels", str(path), "--check", "--verbose-misses")
    out = capsys.readouterr().out
    assert "amounts         1.00    0.50" in out
    assert "missed ['2023']" in out
    with pytest.raises(CommandError, match="No labelled set"):
        call_command("eval_ingest", "--labels", str(tmp_path / "missing.toml"))


def test_the_held_out_set_is_read_and_scored():
    """Figures only: the extractors are not tuned on it, so no threshold is set."""
    report = evaluate(LABELS_FILE.with_name("heldout.toml"))
    assert len(report.articles) >= 6
    assert all(report.total(name).labelled > 0 for name in ("entities", "amounts", "dates"))


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("not = [toml", "not valid TOML"),
        ("[[known]]\nname = 'x'\n", "missing or unknown 'articles'"),
        (
            "[[articles]]\nkey = 'a'\nlanguage = 'en'\ntext = 'x'\nknown = ['Nobody']\n",
            "missing or unknown 'Nobody'",
        ),
    ],
)
def test_a_broken_labelled_set_is_a_command_error(tmp_path, monkeypatch, content, message):
    monkeypatch.setattr(eval_ingest, "throwaway_database", contextlib.nullcontext)
    path = tmp_path / "labels.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(CommandError, match=message):
        call_command("eval_ingest", "--labels", str(path))
