"""The strict news scorer: roles, amounts and dates judged as a curator would."""

import contextlib

import pytest
from django.core.management import CommandError, call_command

from sources.eval.news import NEWS_DIR, calibration, judge_news, news_failures, totals
from sources.management.commands import eval_ingest

pytestmark = pytest.mark.django_db

ARTICLE = """key = "tiny"
language = "en"
title = ""
published = "2024-03-20"
known = ["Lumen Vision"]
text = \'\'\'Nimbus Robotics agreed to acquire Lumen Vision Inc. for $120 million last Friday.
Photo: Reuters\'\'\'
dates = ["2024-03-15"]

[[entities]]
name = "Nimbus Robotics"
kind = "company"
spellings = ["Nimbus Robotics"]

[[entities]]
name = "Lumen Vision"
kind = "company"
spellings = ["Lumen Vision Inc."]

[[amounts]]
amount = "120000000"
currency = "USD"
qualifier = "exact"
what = "deal_value"

[[events]]
kind = "acquisition"
roles = { acquirer = ["Nimbus Robotics"], target = ["Lumen Vision"] }
"""


def judged(tmp_path, event: str):
    (tmp_path / "en-tiny.toml").write_text(ARTICLE + event, encoding="utf-8")
    return totals(judge_news(tmp_path))


def test_a_proposal_with_every_party_in_its_role_and_the_amount_is_right(tmp_path):
    result = judged(tmp_path, 'amount = "120000000"\ncurrency = "USD"\ndate = "2024-03"\n')
    events = result["scores"]["events"]
    assert (events.right, events.found, events.recalled, events.labelled) == (1, 1, 1, 1)


def test_swapped_roles_are_not_right_even_with_the_kind_and_parties(tmp_path):
    swapped = ARTICLE.replace(
        'acquirer = ["Nimbus Robotics"], target = ["Lumen Vision"]',
        'acquirer = ["Lumen Vision"], target = ["Nimbus Robotics"]',
    )
    (tmp_path / "en-tiny.toml").write_text(swapped + 'amount = "120000000"\n', encoding="utf-8")
    result = totals(judge_news(tmp_path))
    assert result["scores"]["events"].recalled == 0
    assert result["scores"]["kind+roles"].recalled == 0
    assert result["counts"]["edits"] == 1


def test_a_wrong_or_missing_amount_needs_an_edit(tmp_path):
    result = judged(tmp_path, 'amount = "99000000"\ncurrency = "USD"\n')
    assert result["scores"]["events"].recalled == 0
    assert result["scores"]["kind+roles"].recalled == 1
    assert result["counts"]["edits"] == 1


def test_an_alternative_reading_counts(tmp_path):
    alternative = (
        'amount = "99000000"\ncurrency = "USD"\n'
        '[[events.alternatives]]\namount = "120000000"\ncurrency = "USD"\n'
    )
    assert judged(tmp_path, alternative)["scores"]["events"].recalled == 1


def test_proposals_matching_no_label_are_junk(tmp_path):
    text = ARTICLE.replace("[[events]]", "[[unused]]").replace('kind = "acquisition"\n', "")
    (tmp_path / "en-tiny.toml").write_text(text, encoding="utf-8")
    result = totals(judge_news(tmp_path))
    assert result["counts"]["junk"] >= 1
    assert result["scores"]["events"].precision == 0.0


def test_calibration_counts_junk_hidden_and_good_kept(tmp_path):
    (tmp_path / "en-tiny.toml").write_text(ARTICLE + 'amount = "120000000"\n', encoding="utf-8")
    results = judge_news(tmp_path)
    everything = calibration(results, 0.0)
    assert everything["good_kept"] == 1.0
    assert everything["junk_removed"] == (0.0 if everything["junk"] else 1.0)
    nothing = calibration(results, 1.01)
    assert nothing["good_kept"] == 0.0


def test_the_command_prints_strict_figures_and_refuses_bad_folders(tmp_path, capsys, monkeypatch):
    # The test database stands in for the throwaway one the command makes.
    monkeypatch.setattr(eval_ingest, "throwaway_database", contextlib.nullcontext)
    (tmp_path / "en-tiny.toml").write_text(ARTICLE + 'amount = "120000000"\n', encoding="utf-8")
    call_command("eval_ingest", "--news", str(tmp_path), "--verbose-misses")
    output = capsys.readouterr().out
    assert "events" in output
    assert "kind+roles" in output
    assert "junk" in output
    with pytest.raises(CommandError, match="No folder"):
        call_command("eval_ingest", "--news", str(tmp_path / "nowhere"))
    (tmp_path / "en-broken.toml").write_text("key = ", encoding="utf-8")
    with pytest.raises(CommandError, match="not valid TOML"):
        call_command("eval_ingest", "--news", str(tmp_path))


def test_failures_name_the_language_and_the_figure(tmp_path):
    swapped = ARTICLE.replace(
        'acquirer = ["Nimbus Robotics"], target = ["Lumen Vision"]',
        'acquirer = ["Lumen Vision"], target = ["Nimbus Robotics"]',
    )
    (tmp_path / "en-tiny.toml").write_text(swapped, encoding="utf-8")
    failures = news_failures(judge_news(tmp_path))
    assert "en: events recall 0.00 is below" in " ".join(failures)


def test_the_tuning_part_meets_its_thresholds():
    """The figures `make eval-ingest --check` enforces, kept by the suite too."""
    assert news_failures(judge_news(NEWS_DIR / "tuning")) == []
