"""Citations: the words of an article that state a fact, tied to the record they support.

Every path that cites (the API, the admin, the seed, accepted proposals) goes through
`citation_add` or `citations_replace`, so the rules hold everywhere: the excerpt is
quoted verbatim from the article, and the same excerpt never cites one record twice.
"""

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.editing import change_announce, field_errors

from ..models import CITATION_TARGETS, Article, Citation


def _target_field(record: models.Model) -> str:
    for name in CITATION_TARGETS:
        if Citation._meta.get_field(name).related_model is type(record):
            return name
    raise ValueError(f"A {record._meta.verbose_name} cannot be cited.")


@transaction.atomic
def citation_add(
    *, record: models.Model, article: Article, excerpt: str, supports: str = "", user=None
) -> Citation:
    """Cite `excerpt` of `article` for `record`; an existing identical citation is kept.

    Raises `ValidationError` when the excerpt is not the article's words verbatim.
    """
    target = {_target_field(record): record}
    existing = Citation.objects.filter(
        article=article, excerpt=excerpt, supports=supports, **target
    ).first()
    if existing is not None:
        return existing
    citation = Citation(article=article, excerpt=excerpt, supports=supports, **target)
    citation._history_user = user
    citation.full_clean()
    citation.save()
    change_announce(citation, created=True, changed=[])
    return citation


@transaction.atomic
def citations_replace(*, record: models.Model, citations: list[dict], user=None) -> None:
    """Make `record`'s citations exactly `citations` (dicts of article, excerpt, supports).

    Citations that stay are kept as they are; the others are deleted.
    """
    kept = []
    for number, cited in enumerate(citations, start=1):
        try:
            kept.append(citation_add(record=record, user=user, **cited).pk)
        except ValidationError as error:
            prefix = _("Citation %(number)s") % {"number": number}
            raise field_errors(error, "citations", prefix) from None
    for citation in record.citations.exclude(pk__in=kept):
        citation._history_user = user
        citation.delete()


@transaction.atomic
def conflict_resolve(*, record: models.Model, field: str, user=None) -> int:
    """Mark the citations of `record` that support `field` as reviewed by a curator, so
    their disagreement is no longer flagged; returns how many were marked.

    A citation added later is not marked: if it disagrees again, the conflict is back.
    """
    if not field:
        raise ValidationError({"supports": _("A conflict is about one cited field.")})
    now = timezone.now()
    marked = 0
    for citation in record.citations.filter(supports=field, conflict_resolved_at__isnull=True):
        citation.conflict_resolved_at = now
        citation.conflict_resolved_by = user
        citation.version += 1
        citation._history_user = user
        citation.save(
            update_fields=["conflict_resolved_at", "conflict_resolved_by", "version", "updated_at"]
        )
        marked += 1
    return marked
