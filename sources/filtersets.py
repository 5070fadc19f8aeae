import django_filters
from django import forms

from core.api.filters import YearFilter

from .models import Article, ArticleLanguage, Proposal, ProposalKind, ProposalStatus


class ArticleFilterSet(django_filters.FilterSet):
    language = django_filters.ChoiceFilter(choices=ArticleLanguage.choices)
    year = YearFilter(field_name="published_on", lookup_expr="year")
    q = django_filters.CharFilter(method="filter_q", label="Words of the title or outlet")

    class Meta:
        model = Article
        fields = []

    def filter_q(self, queryset, name, value):
        return queryset.filter(title__icontains=value) | queryset.filter(outlet__icontains=value)


class ArticleIdFilter(django_filters.Filter):
    """A whole number: an article's id (1.5 or a 30-digit number is a 400)."""

    field_class = forms.IntegerField


class ProposalFilterSet(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(choices=ProposalStatus.choices)
    kind = django_filters.ChoiceFilter(choices=ProposalKind.choices)
    article = ArticleIdFilter(
        field_name="article_id", min_value=1, max_value=2**63 - 1, label="Article id"
    )
    min_confidence = django_filters.NumberFilter(
        field_name="confidence", lookup_expr="gte", min_value=0, max_value=1
    )

    class Meta:
        model = Proposal
        fields = []
