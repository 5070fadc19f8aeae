"""Sending ingestion runs to the task queue: a queue that is down, the sweep, long texts."""

import datetime
import itertools

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone
from kombu.exceptions import OperationalError as QueueUnreachable

from sources.models import IngestionRun, IngestionStatus
from sources.services import article_submit, ingestion_send, ingestion_sweep
from sources.services.ingestion import MAX_SENDS
from sources.tasks import ingest_article

from .factories import ArticleFactory

pytestmark = pytest.mark.django_db

TEXT = "Nimbus Robotics agreed to acquire Lumen Vision Inc. for $120 million in March 2024."
STALL = datetime.timedelta(minutes=15)
ARTICLE_NUMBERS = itertools.count()


@pytest.fixture
def queue_down(monkeypatch):
    """Sending a task fails as it does when the broker refuses connections."""
    sent = []

    def refuse(run_id):
        sent.append(run_id)
        raise QueueUnreachable("Error 111 connecting to 127.0.0.1:6399. Connection refused.")

    monkeypatch.setattr(ingest_article, "delay", refuse)
    return sent


def run_in(status: str, *, age: datetime.timedelta, sends: int = 1) -> IngestionRun:
    """A run of a new article, left in `status` since `age` ago."""
    then = timezone.now() - age
    article = ArticleFactory(text=f"{TEXT} ({next(ARTICLE_NUMBERS)})")
    run = IngestionRun.objects.create(article=article, status=status)
    started = then if status == IngestionStatus.RUNNING else None
    IngestionRun.objects.filter(pk=run.pk).update(
        created_at=then, queued_at=then, started_at=started, sends=sends
    )
    return run


def status_of(run: IngestionRun) -> str:
    run.refresh_from_db()
    return run.status


def test_a_submission_the_queue_cannot_take_keeps_the_article_and_waits(
    queue_down, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        article, run = article_submit(text=TEXT, language="en")

    run.refresh_from_db()
    assert run.article == article
    assert run.status == IngestionStatus.WAITING
    assert "could not be reached" in run.error
    assert (run.sends, queue_down) == (1, [run.pk])


def test_the_api_answers_202_and_the_article_shows_its_run_waiting(
    curator_api, queue_down, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = curator_api.post(
            "/api/v1/articles/", {"text": TEXT, "language": "en"}, format="json"
        )
    assert response.status_code == 202, response.content

    article = curator_api.get(response["Location"]).json()
    assert article["ingestion"]["status"] == "waiting"
    assert "could not be reached" in article["ingestion"]["error"]


def test_a_send_that_succeeds_takes_a_waiting_run_out_of_waiting():
    run = run_in(IngestionStatus.WAITING, age=datetime.timedelta(seconds=5))

    assert ingestion_send(run.pk) is True

    run.refresh_from_db()
    assert run.status == IngestionStatus.DONE  # eager: the task ran in the send
    assert (run.sends, run.error) == (2, "")


def test_the_sweep_sends_waiting_and_stalled_runs_and_leaves_the_rest():
    waiting = run_in(IngestionStatus.WAITING, age=datetime.timedelta(seconds=5))
    lost = run_in(IngestionStatus.PENDING, age=STALL * 2)
    stuck = run_in(IngestionStatus.RUNNING, age=STALL * 2)
    queued = run_in(IngestionStatus.PENDING, age=STALL / 2)
    working = run_in(IngestionStatus.RUNNING, age=STALL / 2)
    failed = run_in(IngestionStatus.FAILED, age=STALL * 2)

    assert ingestion_sweep(stalled_after=STALL) == 3

    assert [status_of(run) for run in (waiting, lost, stuck)] == [IngestionStatus.DONE] * 3
    assert status_of(queued) == IngestionStatus.PENDING
    assert status_of(working) == IngestionStatus.RUNNING
    assert status_of(failed) == IngestionStatus.FAILED


def test_the_sweep_gives_up_on_a_run_sent_too_often():
    run = run_in(IngestionStatus.PENDING, age=STALL * 2, sends=MAX_SENDS)

    assert ingestion_sweep(stalled_after=STALL) == 0

    run.refresh_from_db()
    assert run.status == IngestionStatus.FAILED
    assert f"{MAX_SENDS} times" in run.error


def test_the_sweep_stops_at_the_first_send_the_queue_refuses(queue_down):
    first = run_in(IngestionStatus.WAITING, age=datetime.timedelta(minutes=3))
    second = run_in(IngestionStatus.WAITING, age=datetime.timedelta(minutes=2))

    assert ingestion_sweep(stalled_after=STALL) == 0

    assert queue_down == [first.pk]
    assert status_of(second) == IngestionStatus.WAITING


def test_the_sweep_command_says_how_many_runs_it_sent(capsys):
    run_in(IngestionStatus.WAITING, age=datetime.timedelta(seconds=5))

    call_command("sweep_ingestion", "--stalled-after", "60")

    assert "Sent 1 ingestion run(s)" in capsys.readouterr().out
    with pytest.raises(CommandError, match="0 or more"):
        call_command("sweep_ingestion", "--stalled-after", "-1")


def test_beat_sweeps_every_minute(settings):
    entry = settings.CELERY_BEAT_SCHEDULE["sweep-ingestion"]

    assert entry["task"] == "sources.tasks.sweep_ingestion"
    assert entry["schedule"] == 60.0


def test_without_a_queue_a_text_too_long_to_read_while_waiting_is_refused(curator_api, settings):
    settings.EAGER_MAX_ARTICLE_CHARACTERS = 500
    long_text = " ".join([TEXT] * 10)

    response = curator_api.post(
        "/api/v1/articles/", {"text": long_text, "language": "en"}, format="json"
    )

    assert response.status_code == 400
    assert "run a worker" in response.json()["text"][0]
    assert not IngestionRun.objects.exists()
