"""The Celery task that delivers a webhook event: a delivery id in, one attempt per run."""

from celery import shared_task
from celery.utils.time import get_exponential_backoff_interval

from . import services

#: Retries after the first attempt (six attempts in all, over about ten minutes).
MAX_RETRIES = 5
#: Seconds of the longest wait between two attempts.
MAX_BACKOFF = 600


@shared_task(bind=True, acks_late=True, reject_on_worker_lost=True, max_retries=MAX_RETRIES)
def deliver(self, delivery_id: int) -> int | None:
    """POST a delivery's event; the receiver's status code (None: no answer).

    A connection error, a timeout, a 5xx, 408 or 429 is tried again with exponential
    backoff and full jitter, each attempt a row of its own; any other answer is final.
    """
    attempt = self.request.retries + 1
    last = self.request.retries >= self.max_retries
    delivery = services.delivery_attempt(delivery_id=delivery_id, attempt=attempt, last=last)
    if delivery is None or not delivery.retry or last:
        return delivery.status_code if delivery else None
    if self.request.is_eager:
        # Without a broker the retry runs at once, in this process.
        return self.retry(throw=False)
    delay = get_exponential_backoff_interval(
        factor=2, retries=self.request.retries, maximum=MAX_BACKOFF, full_jitter=True
    )
    raise self.retry(countdown=delay)
