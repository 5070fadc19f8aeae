from django.db import models
from django.utils.translation import gettext_lazy as _

from core.dates import partial_date_constraints, partial_date_fields
from core.history import record_history
from core.models import HasWikidata, Reviewed, TrackedModel, wikidata_constraints
from core.records import HasPage
from core.slugs import unique_slug

from .companies import Company
from .names import validate_name


class ProductKind(models.TextChoices):
    IMAGE_MODEL = "image_model", _("image model")
    VIDEO_MODEL = "video_model", _("video model")
    LANGUAGE_MODEL = "language_model", _("language model")
    VOICE_MODEL = "voice_model", _("voice model")
    APP = "app", _("app")
    SERVICE = "service", _("service")
    OTHER = "other", _("other")


class Product(
    HasPage, partial_date_fields("launched", _("launched")), HasWikidata, Reviewed, TrackedModel
):
    """A model, an app or a service a company makes (Sora, Imagine, Instagram)."""

    slug = models.SlugField(_("slug"), max_length=80, unique=True, allow_unicode=True, blank=True)
    company = models.ForeignKey(
        Company, on_delete=models.PROTECT, related_name="products", verbose_name=_("company")
    )
    name = models.CharField(_("name"), max_length=200, validators=[validate_name])
    name_ar = models.CharField(
        _("Arabic name"), max_length=200, blank=True, validators=[validate_name]
    )
    kind = models.CharField(_("kind"), max_length=16, choices=ProductKind.choices)
    description = models.TextField(_("description"), blank=True)
    description_ar = models.TextField(_("Arabic description"), blank=True)
    platforms = models.ManyToManyField(
        "self",
        symmetrical=False,
        blank=True,
        related_name="hosted_products",
        verbose_name=_("available in"),
        help_text=_("Products or platforms this one ships inside (Imagine inside Instagram)."),
    )

    history = record_history("platforms")
    revert_children = (
        "aliases",
        "citations",
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("product")
        verbose_name_plural = _("products")
        constraints = [*partial_date_constraints("launched"), *wikidata_constraints()]

    def __str__(self):
        return self.name or self.name_ar

    def save(self, **kwargs):
        if not self.slug:
            self.slug = unique_slug(Product, self.name, self.name_ar, instance_pk=self.pk)
        super().save(**kwargs)
