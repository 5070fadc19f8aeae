"""Submitting an article and reading it into proposals.

`article_submit` stores the text and sends `sources.tasks.ingest_article` to the task
queue once the transaction commits; the task calls `article_ingest`, which is safe to run
any number of times for the same run or article: a finished run is not redone, and a
proposal already made from the article (same fingerprint) is not made again. That is
what lets `ingestion_sweep` send again, without asking, runs the queue could not take
and runs that stalled.
"""

import datetime
import logging
import math
from functools import partial

from celery import current_app
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from kombu.exceptions import OperationalError as QueueUnreachable

from core.dates import PartialDate

from ..extraction.pipeline import proposal_drafts
from ..models import Article, IngestionRun, IngestionStatus, Proposal, content_hash

#: Longer than any news article; a paste this long is a mistake, not an article.
MAX_ARTICLE_CHARACTERS = 100_000
#: Runs that got this far without finishing (workers killed mid-task) are given up.
MAX_ATTEMPTS = 10
#: Runs sent to the queue this often (by the sweep) without finishing are given up.
MAX_SENDS = 20
#: What sending a task raises when the broker cannot be reached.
QUEUE_ERRORS = (QueueUnreachable, ConnectionError, TimeoutError)
UNSTARTED = (IngestionStatus.PENDING, IngestionStatus.WAITING)

logger = logging.getLogger(__name__)


class DuplicateArticle(Exception):
    """The same text (by content hash) is already in the tracker."""

    def __init__(self, article: Article):
        self.article = article
        super().__init__(
            _("This article's text is already in the tracker, as article %(id)s.")
            % {"id": article.pk}
        )


def _read_while_waiting() -> int | float:
    """The longest text read inside the submitting request: all, with a task queue."""
    if current_app.conf.task_always_eager:
        return settings.EAGER_MAX_ARTICLE_CHARACTERS
    return math.inf


def article_text_errors(text: str) -> list[str]:
    """Why `text` cannot be ingested as an article (empty list: it can)."""
    errors = []
    if not text or not text.strip():
        errors.append(_("An article needs its text."))
    elif len(text) > MAX_ARTICLE_CHARACTERS:
        errors.append(
            _("The text has %(count)s characters; an article has at most %(max)s.")
            % {"count": len(text), "max": MAX_ARTICLE_CHARACTERS}
        )
    elif len(text) > _read_while_waiting():
        errors.append(
            _(
                "The text has %(count)s characters; without a task queue this server reads "
                "articles of up to %(max)s while you wait. Shorten it to the article itself, "
                "or ask the operator to run a worker (CELERY_BROKER_URL)."
            )
            % {"count": len(text), "max": _read_while_waiting()}
        )
    if "\x00" in (text or ""):
        errors.append(_("The text contains a NUL character: paste it as plain text."))
    return errors


@transaction.atomic
def article_submit(
    *,
    text: str,
    language: str,
    title: str = "",
    outlet: str = "",
    url: str = "",
    published: PartialDate | None = None,
    user=None,
) -> tuple[Article, IngestionRun]:
    """Store a new article and queue its ingestion.

    Raises `DuplicateArticle` when the text is already in the tracker and
    `ValidationError` (with field messages) when the article is not valid.
    """
    errors = article_text_errors(text)
    if errors:
        raise ValidationError({"text": errors})
    existing = Article.objects.filter(content_hash=content_hash(text)).first()
    if existing is not None:
        raise DuplicateArticle(existing)
    article = Article(
        text=text.strip(), language=language, title=title.strip(), outlet=outlet, url=url
    )
    article.published = published or PartialDate()
    article.full_clean()
    try:
        with transaction.atomic():
            article.save()
    except IntegrityError:
        # The same text was submitted at the same moment and committed first.
        raise DuplicateArticle(Article.objects.get(content_hash=article.content_hash)) from None
    return article, ingestion_request(article, user=user)


def ingestion_request(article: Article, *, user=None) -> IngestionRun:
    """A new ingestion run for `article`, sent to the task queue when the transaction
    commits (`ingestion_send`)."""
    run = IngestionRun.objects.create(article=article, requested_by=user)
    transaction.on_commit(partial(ingestion_send, run.pk))
    return run


def ingestion_send(run_id: int) -> bool:
    """Send the run to the task queue; False if the queue could not be reached.

    A run the queue cannot take is not lost: it is marked waiting, with the reason, and
    `ingestion_sweep` sends it again. Without a broker the task runs here and now.
    """
    from ..tasks import ingest_article

    IngestionRun.objects.filter(pk=run_id).update(queued_at=timezone.now(), sends=F("sends") + 1)
    try:
        ingest_article.delay(run_id)
    except QUEUE_ERRORS as error:
        logger.warning(
            "Ingestion run %s is waiting: the task queue is unreachable (%s).", run_id, error
        )
        IngestionRun.objects.filter(pk=run_id, status__in=UNSTARTED).update(
            status=IngestionStatus.WAITING,
            error=_("Waiting for a worker: the task queue could not be reached (%(error)s).")
            % {"error": error},
        )
        return False
    IngestionRun.objects.filter(pk=run_id, status=IngestionStatus.WAITING).update(
        status=IngestionStatus.PENDING, error=""
    )
    return True


def ingestion_sweep(*, stalled_after: datetime.timedelta) -> int:
    """Send again the runs that are waiting for the queue or have stalled; the number sent.

    Stalled: sent but not started, or started but not finished, `stalled_after` ago (a
    message lost with the broker, a worker killed mid-task). A run sent `MAX_SENDS` times
    is given up, with the reason. The sweep stops at the first send the queue refuses:
    the others would wait for it too.
    """
    cutoff = timezone.now() - stalled_after
    due = IngestionRun.objects.filter(
        Q(status=IngestionStatus.WAITING)
        | Q(status=IngestionStatus.PENDING, queued_at__lt=cutoff)
        | Q(status=IngestionStatus.PENDING, queued_at__isnull=True, created_at__lt=cutoff)
        | Q(status=IngestionStatus.RUNNING, started_at__lt=cutoff)
    ).order_by("created_at", "id")
    sent = 0
    for run_id, sends in due.values_list("pk", "sends"):
        if sends >= MAX_SENDS:
            _give_up(
                run_id,
                _("Gave up after sending it to the queue %(count)s times.") % {"count": sends},
            )
        elif ingestion_send(run_id):
            sent += 1
        else:
            break
    return sent


def _give_up(run_id: int, reason: str) -> None:
    IngestionRun.objects.filter(pk=run_id).exclude(status=IngestionStatus.DONE).update(
        status=IngestionStatus.FAILED, error=reason, finished_at=timezone.now()
    )


def article_ingest(run_id: int) -> IngestionRun | None:
    """Read the run's article and record what it proposes.

    A finished run is left alone; a run deleted with its article is None.
    """
    with transaction.atomic():
        run = (
            IngestionRun.objects.select_for_update()
            .select_related("article")
            .filter(pk=run_id)
            .first()
        )
        if run is None or run.status == IngestionStatus.DONE:
            return run
        if run.attempts >= MAX_ATTEMPTS:
            run.status = IngestionStatus.FAILED
            run.error = f"Gave up after {run.attempts} attempts that did not finish."
            run.finished_at = timezone.now()
            run.save(update_fields=["status", "error", "finished_at"])
            return run
        run.status = IngestionStatus.RUNNING
        run.attempts += 1
        run.error = ""
        run.started_at = timezone.now()
        run.save(update_fields=["status", "attempts", "error", "started_at"])
    drafts = proposal_drafts(run.article)
    with transaction.atomic():
        for draft in drafts:
            Proposal.objects.get_or_create(
                article=run.article,
                fingerprint=draft.fingerprint,
                defaults={
                    "run": run,
                    "kind": draft.kind,
                    "summary": draft.summary[:500],
                    "payload": draft.payload,
                    "confidence": draft.confidence,
                    "evidence": draft.evidence,
                },
            )
        run.status = IngestionStatus.DONE
        run.proposal_count = len(drafts)
        run.finished_at = timezone.now()
        run.save(update_fields=["status", "proposal_count", "finished_at"])
    return run


def ingestion_fail(run_id: int, error: BaseException) -> None:
    """Record that the run gave up, and why."""
    IngestionRun.objects.filter(pk=run_id).update(
        status=IngestionStatus.FAILED,
        error=f"{type(error).__name__}: {error}"[:2000],
        finished_at=timezone.now(),
    )
