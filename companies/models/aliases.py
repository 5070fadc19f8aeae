from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.history import record_history
from core.models import exactly_one_of, the_one_set

from ..normalization import name_keys
from .companies import Company
from .names import validate_name
from .people import Person
from .products import Product

ALIAS_TARGETS = ["company", "person", "product"]


class AliasLanguage(models.TextChoices):
    ARABIC = "ar", _("Arabic")
    ENGLISH = "en", _("English")
    OTHER = "und", _("other")


class Alias(models.Model):
    """One name of a company, person or product, in any script, with its search keys.

    Primary names are aliases too, so search and matching look in one place. `key` is
    the strict normalized form (diacritics, hamza and alef forms folded); `loose_key` is
    a Latin consonant skeleton on which spellings such as جوجل / غوغل / Google meet.
    """

    company = models.ForeignKey(
        Company, on_delete=models.CASCADE, null=True, blank=True, related_name="aliases"
    )
    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, null=True, blank=True, related_name="aliases"
    )
    product = models.ForeignKey(
        Product, on_delete=models.CASCADE, null=True, blank=True, related_name="aliases"
    )
    name = models.CharField(_("name"), max_length=200, validators=[validate_name])
    language = models.CharField(
        _("language"), max_length=3, choices=AliasLanguage.choices, default=AliasLanguage.OTHER
    )
    is_primary = models.BooleanField(
        _("primary"), default=False, help_text=_("The record's own name or Arabic name.")
    )
    key = models.CharField(_("key"), max_length=200, db_index=True, editable=False)
    loose_key = models.CharField(_("loose key"), max_length=200, db_index=True, editable=False)

    history = record_history()

    class Meta:
        ordering = ["name"]
        verbose_name = _("alias")
        verbose_name_plural = _("aliases")
        constraints = [
            exactly_one_of(
                ALIAS_TARGETS,
                name="companies_alias_names_one_record",
                message=_("An alias names exactly one company, person or product."),
            ),
            *(
                models.UniqueConstraint(
                    fields=[target, "key"],
                    name=f"companies_alias_unique_key_per_{target}",
                    violation_error_message=_("This name is already recorded for this record."),
                )
                for target in ALIAS_TARGETS
            ),
        ]

    def __str__(self):
        return self.name

    def save(self, **kwargs):
        self.refresh_keys()
        super().save(**kwargs)

    def clean(self):
        super().clean()
        self.refresh_keys()
        target = self.target
        if target is None or target.pk is None:
            return
        field = next(name for name in ALIAS_TARGETS if getattr(self, f"{name}_id"))
        spelled_alike = Alias.objects.filter(**{field: target}, key=self.key).exclude(pk=self.pk)
        if spelled_alike.exists():
            raise ValidationError(
                {"name": _("This name is already recorded for this record.")}, code="unique"
            )

    @property
    def target(self):
        return the_one_set(self, ALIAS_TARGETS)

    def refresh_keys(self) -> None:
        """Recompute the keys from the name; bulk writers call it before `bulk_create`."""
        self.key, self.loose_key = name_keys(self.name)
