"""`make stack` against real services: gunicorn, a Celery worker and beat, over HTTP.

The stack reads the test database (PostgreSQL, committed transactions) and uses a Redis
of the test's own as broker and cache. The test submits an article as a curator and
waits for the worker's proposals; beat's sweep sends a run left waiting for the queue.
"""

import os
import signal
import subprocess
from pathlib import Path

import httpx
import pytest
from django.db import connection
from rest_framework.authtoken.models import Token

from conftest import missing_service
from sources.models import IngestionRun, IngestionStatus
from sources.tests.factories import ArticleFactory

from .own_services import OwnRedis, database_url_of_tests, free_port, wait_for

pytestmark = [
    pytest.mark.postgresql,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

ROOT = Path(__file__).resolve().parents[2]
ARTICLE = (
    "Nimbus Robotics agreed to acquire Lumen Vision for $120 million in March 2024.\n"
    "Lumen Vision later announced a partnership with Quartz Labs."
)
WAITING_ARTICLE = "Quartz Labs sued Nimbus Robotics over a patent in May 2024."


@pytest.fixture(scope="module")
def stack(django_db_setup, tmp_path_factory):
    """`make stack` on the test database and an own Redis, for the module's tests."""
    if connection.vendor != "postgresql":
        missing_service("PostgreSQL not configured: set DATABASE_URL=postgres://...")
    tmp_path = tmp_path_factory.mktemp("stack")
    redis = OwnRedis(tmp_path)
    redis.start()
    port = free_port()
    env = {
        **os.environ,
        "DATABASE_URL": database_url_of_tests(),
        "CELERY_BROKER_URL": redis.url,
        "CACHE_URL": redis.url.replace("/0", "/1"),
        "SECRET_KEY": "stack-test-" + "k" * 50,
        "DEBUG": "0",
        "ALLOWED_HOSTS": "127.0.0.1",
        "STACK_BIND": f"127.0.0.1:{port}",
        "WEB_CONCURRENCY": "2",
        "WORKER_CONCURRENCY": "1",
        "INGESTION_SWEEP_SECONDS": "2",
        "BEAT_SCHEDULE_FILE": str(tmp_path / "beat-schedule"),
    }
    log = tmp_path / "stack.log"
    process = subprocess.Popen(
        ["make", "--no-print-directory", "stack"],
        cwd=ROOT,
        env=env,
        stdout=log.open("ab"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(lambda: answers(f"{base}/api/v1/"), 120, "gunicorn to answer", log)
        yield base, log
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)
        redis.stop()


def answers(url: str) -> bool:
    try:
        return httpx.get(url, timeout=2).status_code == 200
    except httpx.HTTPError:
        return False


def test_the_stack_serves_pages_and_the_api_and_ingests_on_its_worker(stack, curator):
    base, log = stack
    token = Token.objects.create(user=curator).key

    for path in ("/", "/ar/", "/timeline/", "/api/v1/deals/", "/api/v1/schema/"):
        assert httpx.get(f"{base}{path}", timeout=10).status_code == 200, path
    assert "rtl" in httpx.get(f"{base}/ar/", timeout=10).text

    submitted = httpx.post(
        f"{base}/api/v1/articles/",
        json={"text": ARTICLE, "language": "en"},
        headers={"Authorization": f"Token {token}"},
        timeout=10,
    )
    assert submitted.status_code == 202, submitted.text

    def ingested():
        article = httpx.get(
            submitted.headers["Location"], headers={"Authorization": f"Token {token}"}, timeout=10
        ).json()
        return article["ingestion"]["status"] == "done" and article

    article = wait_for(ingested, 90, "the worker to ingest the article", log)
    assert article["ingestion"]["proposal_count"] > 0


def test_beat_sweeps_a_run_left_waiting_for_the_queue(stack):
    _base, log = stack
    run = IngestionRun.objects.create(
        article=ArticleFactory(text=WAITING_ARTICLE), status=IngestionStatus.WAITING
    )

    def finished():
        run.refresh_from_db()
        return run.status == IngestionStatus.DONE

    wait_for(finished, 90, "beat's sweep and the worker to finish the waiting run", log)
    assert run.sends >= 1
