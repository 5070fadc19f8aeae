import django_filters

from core.api.filters import YearFilter

from .models import Article, ArticleLanguage


class ArticleFilterSet(django_filters.FilterSet):
    language = django_filters.ChoiceFilter(choices=ArticleLanguage.choices)
    year = YearFilter(field_name="published_on", lookup_expr="year")
    q = django_filters.CharFilter(method="filter_q", label="Words of the title or outlet")

    class Meta:
        model = Article
        fields = []

    def filter_q(self, queryset, name, value):
        return queryset.filter(title__icontains=value) | queryset.filter(outlet__icontains=value)
