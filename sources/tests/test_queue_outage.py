"""A broker outage at submission, on a Redis of the test's own: nothing is lost.

The article is kept, the run waits, the submission returns at once; once the broker is
back the sweep sends the run, and the message is in the queue for a worker. (The API's
202 for such a submission: `test_ingestion_queue`.)
"""

import base64
import json
import time

import pytest
import redis

from config.celery import app
from core.tests.own_services import OwnRedis
from sources.models import Article, IngestionStatus
from sources.services import article_submit, ingestion_sweep

from .test_celery_worker import _reset_connections
from .test_ingestion_queue import STALL, TEXT

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def own_broker(tmp_path):
    """Tasks go to a Redis the test starts and stops itself."""
    broker = OwnRedis(tmp_path)
    broker.start()
    saved = {key: app.conf[key] for key in ("broker_url", "task_always_eager")}
    app.conf.update(broker_url=broker.url, task_always_eager=False)
    _reset_connections()
    yield broker
    app.conf.update(saved)
    _reset_connections()
    broker.stop()


def queued_run_ids(url: str) -> list[int]:
    """The run ids of the ingestion tasks waiting in the default queue."""
    messages = redis.Redis.from_url(url).lrange("celery", 0, -1)
    ids = []
    for raw in messages:
        message = json.loads(raw)
        assert message["headers"]["task"] == "sources.tasks.ingest_article"
        args, _kwargs, _embed = json.loads(base64.b64decode(message["body"]))
        ids.extend(args)
    return ids


def test_a_submission_while_the_broker_is_down_is_sent_when_it_returns(own_broker):
    own_broker.stop()

    started = time.monotonic()
    article, run = article_submit(text=TEXT, language="en")
    answered_in = time.monotonic() - started

    assert answered_in < 10
    run.refresh_from_db()
    assert Article.objects.get(pk=article.pk).text == TEXT
    assert run.status == IngestionStatus.WAITING

    assert ingestion_sweep(stalled_after=STALL) == 0  # still down: it keeps waiting

    own_broker.start()
    _reset_connections()
    assert ingestion_sweep(stalled_after=STALL) == 1

    run.refresh_from_db()
    assert (run.status, run.error, run.sends) == (IngestionStatus.PENDING, "", 3)
    assert queued_run_ids(own_broker.url) == [run.pk]
