"""Ingestion on a real Celery worker with Redis as the broker, and a worker killed mid-task.

The worker is a separate process, so it reads the test database through a committed
transaction: these tests need PostgreSQL (a transactional test database) and Redis.
"""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from kombu import pools

from config.celery import app
from core.tests.own_services import database_url_of_tests, wait_for
from sources.models import IngestionRun, IngestionStatus, Proposal
from sources.services import article_submit

pytestmark = [
    pytest.mark.postgresql,
    pytest.mark.redis,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

ROOT = Path(__file__).resolve().parents[2]
VISIBILITY_TIMEOUT = 3
ARTICLE = (
    "استحوذت شركة Nimbus Robotics على شركة Lumen Vision مقابل 120 مليون دولار "
    "في مارس/آذار 2024.\nوأعلنت شركة Lumen Vision عن شراكة مع شركة Quartz Labs."
)


def _reset_connections() -> None:
    """Forget pooled broker connections, so the next send connects to the current URL."""
    pools.reset()
    app._pool = None
    app.amqp._producer_pool = None


@pytest.fixture
def broker(redis_url):
    """The test process sends tasks to Redis instead of running them eagerly."""
    import redis

    redis.Redis.from_url(redis_url).flushdb()
    saved = {key: app.conf[key] for key in ("broker_url", "task_always_eager")}
    app.conf.update(broker_url=redis_url, task_always_eager=False)
    _reset_connections()
    yield redis_url
    app.conf.update(saved)
    _reset_connections()


def start_worker(script: list[str], log: Path, broker_url: str) -> subprocess.Popen:
    env = {
        **os.environ,
        "CELERY_BROKER_URL": broker_url,
        "CELERY_VISIBILITY_TIMEOUT": str(VISIBILITY_TIMEOUT),
        "DATABASE_URL": database_url_of_tests(),
        "SECRET_KEY": "celery-test-worker",
        "PYTHONPATH": str(ROOT),
    }
    arguments = ["--pool=solo", "--without-gossip", "--without-mingle", "--loglevel=INFO"]
    return subprocess.Popen(
        [sys.executable, *script, *arguments],
        cwd=ROOT,
        env=env,
        stdout=log.open("ab"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )


def stop(worker: subprocess.Popen, sig=signal.SIGTERM) -> None:
    if worker.poll() is None:
        os.killpg(worker.pid, sig)
        worker.wait(timeout=30)


def run_of(article) -> IngestionRun:
    return IngestionRun.objects.get(article=article)


def test_a_worker_ingests_an_article_sent_through_redis(broker, tmp_path):
    log = tmp_path / "worker.log"
    worker = start_worker(["-m", "celery", "-A", "config", "worker"], log, broker)
    try:
        article, run = article_submit(text=ARTICLE, language="ar", title="Nimbus buys Lumen")
        assert run.status == IngestionStatus.PENDING
        wait_for(
            lambda: run_of(article).status == IngestionStatus.DONE,
            60,
            "the worker to finish the ingestion",
            log,
        )
    finally:
        stop(worker)
    run = run_of(article)
    assert run.attempts == 1
    assert run.error == ""
    deal = Proposal.objects.get(article=article, kind="deal", payload__kinds=["acquisition"])
    assert deal.payload["value"]["amount"] == "120000000"
    assert {party["name"] for party in deal.payload["parties"]} == {
        "Nimbus Robotics",
        "Lumen Vision",
    }
    assert run.proposal_count == Proposal.objects.filter(article=article).count()


def test_an_article_whose_worker_dies_mid_task_is_ingested_when_a_worker_returns(broker, tmp_path):
    log = tmp_path / "worker.log"
    doomed = start_worker([str(ROOT / "sources" / "tests" / "hanging_worker.py")], log, broker)
    try:
        article, _run = article_submit(text=ARTICLE, language="ar")
        wait_for(
            lambda: run_of(article).status == IngestionStatus.RUNNING,
            60,
            "the first worker to start the task",
            log,
        )
    finally:
        stop(doomed, signal.SIGKILL)
    assert run_of(article).status == IngestionStatus.RUNNING
    assert not Proposal.objects.filter(article=article).exists()

    time.sleep(VISIBILITY_TIMEOUT + 1)
    worker = start_worker(["-m", "celery", "-A", "config", "worker"], log, broker)
    try:
        wait_for(
            lambda: run_of(article).status == IngestionStatus.DONE,
            60,
            "the redelivered task to finish on the second worker",
            log,
        )
    finally:
        stop(worker)
    run = run_of(article)
    assert run.attempts == 2
    assert Proposal.objects.filter(article=article, kind="deal").exists()
