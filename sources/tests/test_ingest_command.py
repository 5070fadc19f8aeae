"""`manage.py ingest_article FILE --language ar`: adds the article and prints its id."""

import pytest
from django.core.management import CommandError, call_command

from sources.models import Article, IngestionStatus

pytestmark = pytest.mark.django_db

TEXT = "استحوذت شركة Nimbus Robotics على شركة Lumen Vision مقابل ١٢٠ مليون دولار."


def run(*args, capsys=None):
    call_command("ingest_article", *args)
    return capsys.readouterr()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_prints_the_new_articles_id(tmp_path, capsys):
    """Outside a test transaction the article commits, and eager ingestion runs at once."""
    path = tmp_path / "article.txt"
    path.write_text(TEXT, encoding="utf-8")
    out = run(
        str(path),
        "--language",
        "ar",
        "--published-on",
        "2024-03-15",
        "--title",
        "Nimbus",
        capsys=capsys,
    )
    article = Article.objects.get()
    assert out.out.strip() == str(article.pk)
    assert (article.title, article.published.precision) == ("Nimbus", "day")
    assert article.ingestion_runs.get().status == IngestionStatus.DONE
    assert "proposals" in out.err


def test_a_duplicate_is_reported_with_the_existing_id(tmp_path, capsys):
    path = tmp_path / "article.txt"
    path.write_text(TEXT, encoding="utf-8")
    first = run(str(path), "--language", "ar", capsys=capsys).out.strip()
    path.write_text(TEXT + "\n\n", encoding="utf-8")
    again = run(str(path), "--language", "ar", capsys=capsys)
    assert again.out.strip() == first
    assert "already in the tracker" in again.err
    assert Article.objects.count() == 1


@pytest.mark.parametrize(
    ("content", "args", "message"),
    [
        (None, [], "Cannot read"),
        (b"   \n", [], "needs its text"),
        (b"\xff\xfe bad", [], "not UTF-8"),
        (TEXT.encode(), ["--published-on", "2024-13-01"], "--published-on"),
    ],
)
def test_bad_input_is_a_sentence_and_adds_nothing(tmp_path, content, args, message):
    path = tmp_path / "article.txt"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(CommandError, match=message):
        call_command("ingest_article", str(path), "--language", "ar", *args)
    assert not Article.objects.exists()
