"""Celery tasks of the ingestion pipeline: ids in, one service call, safe to run twice."""

import datetime

from celery import shared_task
from celery.utils.time import get_exponential_backoff_interval
from django.conf import settings
from django.db import InterfaceError, OperationalError

from . import services

#: Errors worth another try: the database went away, a lock timed out, a deadlock.
TRANSIENT_ERRORS = (OperationalError, InterfaceError)
MAX_RETRIES = 5


@shared_task(bind=True, acks_late=True, reject_on_worker_lost=True, max_retries=MAX_RETRIES)
def ingest_article(self, run_id: int) -> int:
    """Ingest the article of an ingestion run; returns the number of proposals it found.

    Transient errors are retried with exponential backoff and full jitter; after the
    last retry, or on any other error, the run is marked failed with the reason.
    """
    try:
        run = services.article_ingest(run_id)
        return run.proposal_count if run is not None else 0
    except TRANSIENT_ERRORS as error:
        if self.request.retries < self.max_retries:
            if self.request.is_eager:
                # Without a broker the retry runs at once, in this process.
                return self.retry(exc=error, throw=False)
            delay = get_exponential_backoff_interval(
                factor=2, retries=self.request.retries, maximum=120, full_jitter=True
            )
            raise self.retry(exc=error, countdown=delay) from error
        services.ingestion_fail(run_id, error)
        raise
    except Exception as error:
        services.ingestion_fail(run_id, error)
        raise


@shared_task
def sweep_ingestion() -> int:
    """Send again the runs waiting for the queue or stalled (Celery beat, every minute)."""
    stalled_after = datetime.timedelta(seconds=settings.INGESTION_STALL_SECONDS)
    return services.ingestion_sweep(stalled_after=stalled_after)
