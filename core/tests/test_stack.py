"""`make stack` against real services: gunicorn, a Celery worker and beat, over HTTP.

The stack reads the test database (PostgreSQL, committed transactions) and uses a Redis
of the test's own as broker and cache. The test submits an article as a curator and
waits for the worker's proposals, and beat's sweep sends a run left waiting for the queue.
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


@pytest.fixture
def stack(curator, tmp_path):
    """`make stack` on the test database and an own Redis.

    Started once the test's rows are in place: `make stack` migrates, and on a database
    just emptied by another test that would add content types and permissions anew,
    which later tests restoring the database's rows would collide with.
    """
    if connection.vendor != "postgresql":
        missing_service("PostgreSQL not configured: set DATABASE_URL=postgres://...")
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


def test_the_stack_serves_ingests_on_its_worker_and_sweeps_with_beat(stack, curator):
    base, log = stack
    waiting = IngestionRun.objects.create(
        article=ArticleFactory(text=WAITING_ARTICLE), status=IngestionStatus.WAITING
    )
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

    # Beat's sweep sends the run nothing else would (it waited for the queue).
    def finished():
        waiting.refresh_from_db()
        return waiting.status == IngestionStatus.DONE

    wait_for(finished, 90, "beat's sweep and the worker to finish the waiting run", log)
    assert waiting.sends >= 1
