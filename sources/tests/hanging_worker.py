"""A Celery worker whose ingestion hangs once it has started: the worker-kill test runs it.

Everything is as in production except the extraction step, which sleeps, so the test can
kill the worker while the task is running and its message not yet acknowledged.
"""

import os
import sys
import time

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
django.setup()

from config.celery import app  # noqa: E402
from sources.services import ingestion  # noqa: E402


def _hang(article):
    time.sleep(600)
    raise RuntimeError("the test should have killed this worker")


ingestion.proposal_drafts = _hang

if __name__ == "__main__":
    app.worker_main(["worker", *sys.argv[1:]])
