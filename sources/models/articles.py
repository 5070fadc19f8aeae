import hashlib
import unicodedata

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.dates import partial_date_constraints, partial_date_fields
from core.history import record_history
from core.models import TrackedModel, exactly_one_of, related_label, the_one_set
from core.records import HasPage, citation_fields, citation_models


def content_hash(text: str) -> str:
    """SHA-256 of the text with Unicode and whitespace normalized.

    The same article pasted with different line breaks or trailing spaces hashes the same.
    """
    normalized = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.sha256(normalized.encode()).hexdigest()


class ArticleLanguage(models.TextChoices):
    ARABIC = "ar", _("Arabic")
    ENGLISH = "en", _("English")


class Article(HasPage, partial_date_fields("published", _("published")), TrackedModel):
    """A news article the tracker's facts come from.

    Its full text is shown to curators only, unless `text_is_public` (seed articles that
    ship with attribution); readers see the cited excerpts and the link.
    """

    title = models.CharField(_("title"), max_length=500, blank=True)
    language = models.CharField(_("language"), max_length=2, choices=ArticleLanguage.choices)
    outlet = models.CharField(_("outlet"), max_length=200, blank=True)
    url = models.URLField(_("URL"), max_length=1000, blank=True)
    text = models.TextField(_("text"))
    content_hash = models.CharField(
        _("content hash"),
        max_length=64,
        unique=True,
        editable=False,
        error_messages={"unique": _("This article's text is already in the tracker.")},
    )
    text_is_public = models.BooleanField(
        _("text is public"),
        default=False,
        help_text=_("Readers may see the full text (attributed seed data); otherwise excerpts."),
    )
    attribution = models.CharField(_("attribution"), max_length=500, blank=True)

    history = record_history()

    class Meta:
        ordering = ["-published_on", "-id"]
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        constraints = [*partial_date_constraints("published")]

    def __str__(self):
        return self.title or self.text[:80]

    def refresh_hash(self) -> None:
        self.content_hash = content_hash(self.text)

    def clean(self):
        super().clean()
        if not self.text.strip():
            raise ValidationError({"text": _("An article needs its text.")})
        self.refresh_hash()

    def save(self, **kwargs):
        self.refresh_hash()
        super().save(**kwargs)


#: The foreign keys a citation may set, one per citable record type.
CITATION_TARGETS = citation_fields()


def _target_field(model_label: str) -> models.ForeignKey:
    return models.ForeignKey(
        model_label, on_delete=models.CASCADE, null=True, blank=True, related_name="citations"
    )


class Citation(TrackedModel):
    """The excerpt of an article that states a fact, tied to the record it supports.

    One nullable foreign key per citable model, exactly one set (a database check). Lower
    apps read citations through `related_name="citations"` without importing this app.
    """

    article = models.ForeignKey(
        Article, on_delete=models.PROTECT, related_name="citations", verbose_name=_("article")
    )
    excerpt = models.TextField(
        _("excerpt"), help_text=_("The words of the article that state the fact, verbatim.")
    )
    supports = models.CharField(
        _("supports"),
        max_length=100,
        blank=True,
        help_text=_('Which field or claim it supports ("founded", "value"); empty for the whole.'),
    )
    conflict_resolved_at = models.DateTimeField(
        _("conflict resolved"),
        null=True,
        blank=True,
        help_text=_(
            "Set when a curator resolved a disagreement between this citation and another "
            "of the same field; a conflict is flagged while one of its two citations is not."
        ),
    )
    conflict_resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("conflict resolved by"),
    )
    # One key per citable record type, named as its `citation_field`: the class body's
    # namespace is the one the model is built from, so the keys are columns like any.
    locals().update({name: _target_field(model) for name, model in citation_models().items()})

    history = record_history()

    class Meta:
        ordering = ["article", "id"]
        verbose_name = _("citation")
        verbose_name_plural = _("citations")
        constraints = [
            exactly_one_of(
                CITATION_TARGETS,
                name="sources_citation_supports_one_record",
                message=_("A citation supports exactly one record."),
            ),
        ]

    def __str__(self):
        return f"{related_label(self, 'article')}: «{self.excerpt[:60]}»"

    @property
    def target(self):
        return the_one_set(self, CITATION_TARGETS)

    def clean(self):
        super().clean()
        if not self.excerpt.strip():
            raise ValidationError({"excerpt": _("Quote the words that state the fact.")})
        if self.article_id is not None and self.excerpt not in self.article.text:
            raise ValidationError(
                {"excerpt": _("The excerpt must be quoted verbatim from the article's text.")}
            )
