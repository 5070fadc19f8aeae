from django import forms
from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from core.admin import TrackedAdmin

from .models import CITATION_TARGETS, Article, Citation


class CitationInline(admin.TabularInline):
    """A record's citations, edited beside it: the article and the words that state it."""

    model = Citation
    extra = 1
    fields = ["article", "excerpt", "supports"]
    autocomplete_fields = ["article"]
    formfield_overrides = {
        Citation._meta.get_field("excerpt"): {"widget": forms.Textarea(attrs={"rows": 2})}
    }
    verbose_name = _("citation")
    verbose_name_plural = _("citations (the article excerpts that state this record)")


@admin.register(Article)
class ArticleAdmin(TrackedAdmin):
    list_display = ["__str__", "language", "outlet", "published_display", "citation_count"]
    list_filter = ["language", "text_is_public", "published_precision"]
    search_fields = ["title", "outlet", "url", "text"]
    readonly_fields = ["content_hash", "created_at", "updated_at"]
    fieldsets = [
        (None, {"fields": ["title", "language", "outlet", "url", "text"]}),
        (
            _("Publication"),
            {"fields": ["published_on", "published_precision", "published_inferred"]},
        ),
        (_("Rights"), {"fields": ["text_is_public", "attribution"]}),
        (_("Bookkeeping"), {"fields": ["content_hash", "created_at", "updated_at"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(citation_count=Count("citations"))

    @admin.display(description=_("published"), ordering="published_on")
    def published_display(self, article):
        return str(article.published)

    @admin.display(description=_("citations"), ordering="citation_count")
    def citation_count(self, article):
        return article.citation_count


@admin.register(Citation)
class CitationAdmin(TrackedAdmin):
    list_display = ["excerpt_start", "article", "target", "supports"]
    list_filter = ["article"]
    search_fields = ["excerpt", "article__title", "supports"]
    autocomplete_fields = [
        "article",
        "company",
        "person",
        "role",
        "product",
        "statement",
        "rivalry",
        "metric",
        "deal",
        "investment",
        "lawsuit",
        "lawsuit_event",
        "development",
    ]
    list_select_related = ["article", *CITATION_TARGETS]

    @admin.display(description=_("excerpt"))
    def excerpt_start(self, citation):
        return citation.excerpt[:90]
