"""Submitting an article and reading it into proposals.

`article_submit` stores the text and queues `sources.tasks.ingest_article` once the
transaction commits; the task calls `article_ingest`, which is safe to run any number of
times for the same run or article: a finished run is not redone, and a proposal already
made from the article (same fingerprint) is not made again.
"""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.dates import PartialDate

from ..extraction.pipeline import proposal_drafts
from ..models import Article, IngestionRun, IngestionStatus, Proposal, content_hash

#: Longer than any news article; a paste this long is a mistake, not an article.
MAX_ARTICLE_CHARACTERS = 100_000
#: Runs that got this far without finishing (workers killed mid-task) are given up.
MAX_ATTEMPTS = 10


class DuplicateArticle(Exception):
    """The same text (by content hash) is already in the tracker."""

    def __init__(self, article: Article):
        self.article = article
        super().__init__(
            _("This article's text is already in the tracker, as article %(id)s.")
            % {"id": article.pk}
        )


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
    """A new ingestion run for `article`, queued for when the transaction commits."""
    from ..tasks import ingest_article

    run = IngestionRun.objects.create(article=article, requested_by=user)
    ingest_article.delay_on_commit(run.pk)
    return run


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
