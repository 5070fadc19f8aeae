"""One FilterSet per model, serving the API (and later the HTML lists)."""

import django_filters

from core.api.filters import ReviewFilter, YearFilter
from core.models import wikidata_validator

from .models import Company, CompanyKind, CompanyStatus, Person, Product, ProductKind
from .search import alias_search


class AliasQueryFilterSet(django_filters.FilterSet):
    """`q`: records whose names match in any spelling (Arabic variants, Latin, prefixes);
    `wikidata`: the record of a Wikidata item; `review`: records reviewed at least so far."""

    alias_kind = ""
    q = django_filters.CharFilter(method="filter_q", label="Names in any spelling or script")
    wikidata = django_filters.CharFilter(
        label="Wikidata QID, such as Q380", validators=[wikidata_validator]
    )
    review = ReviewFilter()

    def filter_q(self, queryset, name, value):
        hits = alias_search(value, kinds=[self.alias_kind], limit=500)
        return queryset.filter(pk__in=[hit.record.pk for hit in hits])


class CompanyFilterSet(AliasQueryFilterSet):
    alias_kind = "company"
    kind = django_filters.MultipleChoiceFilter(
        field_name="kinds", choices=CompanyKind.Code.choices, label="Kind (repeat for any of)"
    )
    status = django_filters.ChoiceFilter(choices=CompanyStatus.choices)
    founded_year = YearFilter(field_name="founded_on", lookup_expr="year")
    country = django_filters.CharFilter(field_name="headquarters_country", lookup_expr="iexact")

    class Meta:
        model = Company
        fields = []


class PersonFilterSet(AliasQueryFilterSet):
    alias_kind = "person"
    company = django_filters.CharFilter(
        field_name="roles__company__slug", label="Has a role at the company (slug)"
    )

    class Meta:
        model = Person
        fields = []

    def filter_queryset(self, queryset):
        return super().filter_queryset(queryset).distinct()


class ProductFilterSet(AliasQueryFilterSet):
    alias_kind = "product"
    company = django_filters.CharFilter(field_name="company__slug", label="Maker (slug)")
    kind = django_filters.MultipleChoiceFilter(choices=ProductKind.choices)
    launched_year = YearFilter(field_name="launched_on", lookup_expr="year")

    class Meta:
        model = Product
        fields = []
