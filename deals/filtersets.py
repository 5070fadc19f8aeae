"""One FilterSet per model, serving the API (and later the HTML lists)."""

import django_filters
from django.db.models import Q

from companies.search import alias_search
from core.api.filters import YearFilter

from .models import (
    ClaimKind,
    Deal,
    DealKind,
    DealStatus,
    Development,
    DevelopmentKind,
    Investment,
    InvestmentRound,
    InvestmentStatus,
    Lawsuit,
    LawsuitStatus,
)


def party_search(field_prefix: str, value: str) -> Q:
    """Records with a party whose name matches `value` in any spelling."""
    hits = alias_search(value, kinds=["company", "person"], limit=500)
    companies = [hit.record.pk for hit in hits if hit.kind == "company"]
    people = [hit.record.pk for hit in hits if hit.kind == "person"]
    return Q(**{f"{field_prefix}company__in": companies}) | Q(
        **{f"{field_prefix}person__in": people}
    )


class DatedFilterSet(django_filters.FilterSet):
    """Filters every dated record shares: year, date range, company, free text."""

    date_field = ""
    company = django_filters.CharFilter(method="filter_company", label="Company slug, any role")
    year = YearFilter(method="filter_year", label="Year of the date")
    date_after = django_filters.DateFilter(method="filter_after", label="Dated on or after")
    date_before = django_filters.DateFilter(method="filter_before", label="Dated on or before")
    q = django_filters.CharFilter(method="filter_q", label="Title or a party's name, any spelling")

    def filter_year(self, queryset, name, value):
        return queryset.filter(**{f"{self.date_field}__year": value})

    def filter_after(self, queryset, name, value):
        return queryset.filter(**{f"{self.date_field}__gte": value})

    def filter_before(self, queryset, name, value):
        return queryset.filter(**{f"{self.date_field}__lte": value})

    def filter_queryset(self, queryset):
        return super().filter_queryset(queryset).distinct()


class MoneyFilterMixin(django_filters.FilterSet):
    currency = django_filters.CharFilter(field_name="value_currency", lookup_expr="iexact")
    has_value = django_filters.BooleanFilter(
        field_name="value_amount", lookup_expr="isnull", exclude=True, label="Has a stated amount"
    )


class DealFilterSet(MoneyFilterMixin, DatedFilterSet):
    date_field = "announced_on"
    kind = django_filters.MultipleChoiceFilter(field_name="kinds", choices=DealKind.Code.choices)
    status = django_filters.MultipleChoiceFilter(choices=DealStatus.choices)

    class Meta:
        model = Deal
        fields = []

    def filter_company(self, queryset, name, value):
        return queryset.filter(parties__company__slug=value)

    def filter_q(self, queryset, name, value):
        return queryset.filter(
            Q(title__icontains=value)
            | Q(title_ar__icontains=value)
            | party_search("parties__", value)
        )


class InvestmentFilterSet(MoneyFilterMixin, DatedFilterSet):
    date_field = "announced_on"
    status = django_filters.MultipleChoiceFilter(choices=InvestmentStatus.choices)
    round = django_filters.MultipleChoiceFilter(choices=InvestmentRound.choices)

    class Meta:
        model = Investment
        fields = []

    def filter_company(self, queryset, name, value):
        return queryset.filter(Q(investee__slug=value) | Q(investors__slug=value))

    def filter_q(self, queryset, name, value):
        hits = alias_search(value, kinds=["company"], limit=500)
        companies = [hit.record.pk for hit in hits]
        return queryset.filter(Q(investee__in=companies) | Q(investors__in=companies))


class LawsuitFilterSet(DatedFilterSet):
    date_field = "filed_on"
    status = django_filters.MultipleChoiceFilter(choices=LawsuitStatus.choices)
    claim = django_filters.MultipleChoiceFilter(field_name="claims", choices=ClaimKind.Code.choices)

    class Meta:
        model = Lawsuit
        fields = []

    def filter_company(self, queryset, name, value):
        return queryset.filter(parties__company__slug=value)

    def filter_q(self, queryset, name, value):
        return queryset.filter(
            Q(title__icontains=value)
            | Q(title_ar__icontains=value)
            | party_search("parties__", value)
        )


class DevelopmentFilterSet(DatedFilterSet):
    date_field = "occurred_on"
    kind = django_filters.MultipleChoiceFilter(choices=DevelopmentKind.choices)

    class Meta:
        model = Development
        fields = []

    def filter_company(self, queryset, name, value):
        return queryset.filter(companies__slug=value)

    def filter_q(self, queryset, name, value):
        hits = alias_search(value, kinds=["company"], limit=500)
        return queryset.filter(
            Q(title__icontains=value)
            | Q(title_ar__icontains=value)
            | Q(companies__in=[hit.record.pk for hit in hits])
        )
