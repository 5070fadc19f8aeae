"""One FilterSet per model, serving the API and the pages."""

import datetime
from functools import reduce
from operator import or_

import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from companies.models import Company
from companies.search import alias_search
from core.api.filters import ReviewFilter, YearFilter
from core.cursors import decode_cursor
from core.models import Reviewed, money_names, value_columns

from .models import (
    ClaimKind,
    Deal,
    DealKind,
    DealStatus,
    Development,
    Lawsuit,
    LawsuitStatus,
)
from .timeline import Position, TimelineKind, timeline_statuses


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
    review = ReviewFilter()

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


class PartiesFilterMixin:
    """A record with parties (a deal, a lawsuit): by a company in any role, by title or a
    party's name in any spelling."""

    def filter_company(self, queryset, name, value):
        return queryset.filter(parties__company__slug=value)

    def filter_q(self, queryset, name, value):
        return queryset.filter(
            Q(title__icontains=value)
            | Q(title_ar__icontains=value)
            | party_search("parties__", value)
        )


class DealFilterSet(PartiesFilterMixin, MoneyFilterMixin, DatedFilterSet):
    date_field = "announced_on"
    kind = django_filters.MultipleChoiceFilter(field_name="kinds", choices=DealKind.Code.choices)
    status = django_filters.MultipleChoiceFilter(choices=DealStatus.choices)

    class Meta:
        model = Deal
        fields = []


class LawsuitFilterSet(PartiesFilterMixin, DatedFilterSet):
    date_field = "filed_on"
    status = django_filters.MultipleChoiceFilter(choices=LawsuitStatus.choices)
    claim = django_filters.MultipleChoiceFilter(field_name="claims", choices=ClaimKind.Code.choices)

    class Meta:
        model = Lawsuit
        fields = []


def _company_fields(model) -> list[str]:
    """The model's foreign keys and many-to-many links to companies."""
    return [
        field.name
        for field in model._meta.get_fields()
        if (field.many_to_one or field.many_to_many)
        and not field.auto_created
        and field.related_model is Company
    ]


def _choice_fields(model) -> list:
    """The model's own fields with choices, not counting parts of its dates and values."""
    parts = value_columns(model)
    parts |= {field.name for field in Reviewed._meta.fields}
    return [
        field for field in model._meta.concrete_fields if field.choices and field.name not in parts
    ]


def record_filterset(model, date: str) -> type[DatedFilterSet]:
    """The FilterSet of a dated record type that needs no filters of its own.

    Read off the model: `date` names its partial date; each field with choices is a
    filter taking one or more values (`?status=announced&status=completed`); a money
    value adds `currency` and `has_value`; `company` is a company it links to (any
    foreign key or many-to-many to `Company`) and `q` its titles or such a company's
    name in any spelling.
    """
    links = _company_fields(model)
    own = {field.name for field in model._meta.fields}
    titles = [name for name in ("title", "title_ar") if name in own]

    def filter_company(self, queryset, name, value):
        return queryset.filter(reduce(or_, (Q(**{f"{link}__slug": value}) for link in links)))

    def filter_q(self, queryset, name, value):
        hits = alias_search(value, kinds=["company"], limit=500)
        companies = [hit.record.pk for hit in hits]
        matches = [Q(**{f"{title}__icontains": value}) for title in titles]
        matches += [Q(**{f"{link}__in": companies}) for link in links]
        return queryset.filter(reduce(or_, matches))

    attrs = {
        field.name: django_filters.MultipleChoiceFilter(choices=field.choices)
        for field in _choice_fields(model)
    }
    attrs |= {
        "date_field": f"{date}_on",
        "filter_company": filter_company,
        "filter_q": filter_q,
        "Meta": type("Meta", (), {"model": model, "fields": []}),
    }
    bases = (DatedFilterSet,)
    if "value" in money_names(model):
        bases = (MoneyFilterMixin, *bases)
    return type(f"{model.__name__}FilterSet", bases, attrs)


class OneOfManySelect(forms.Select):
    """One choice on the page, for a parameter the API also takes repeated (`?kind=a&kind=b`).

    Reads every value given and drops blanks; offers a blank option meaning "all".
    """

    def __init__(self, blank_label, attrs=None):
        super().__init__(attrs)
        self.blank_label = blank_label

    def value_from_datadict(self, data, files, name):
        return [value for value in data.getlist(name) if value]

    def optgroups(self, name, value, attrs=None):
        chosen = [given for given in value if given]
        blank = self.create_option(name, "", self.blank_label, not chosen, 0, attrs=attrs)
        return [(None, [blank], 0), *super().optgroups(name, value, attrs)]


class CompanySelect(forms.Select):
    """Every company, by name, read only when the page draws the form: the API checks the
    same parameter without loading them all.

    Each option shows both names, the page's language first, and the options are in the
    order of what they show, so a reader can type the start of a name in either script.
    """

    def optgroups(self, name, value, attrs=None):
        companies = Company.objects.values_list("slug", "name", "name_ar")
        arabic = (get_language() or "").startswith("ar")
        labels = sorted(
            (
                (slug, " — ".join(dict.fromkeys(filter(None, names[::-1] if arabic else names))))
                for slug, *names in companies
            ),
            key=lambda choice: choice[1].casefold(),
        )
        self.choices = [("", _("All companies")), *labels]
        return super().optgroups(name, value, attrs)


class TimelineFilterSet(django_filters.FilterSet):
    """The timeline's filters, for the page (its form) and the API (its parameters).

    The timeline is one union of seven kinds of record, which Django cannot filter after
    the union; so this FilterSet validates and documents the parameters, and
    `timeline_filters()` hands the cleaned values to `timeline_entries`, which applies
    them to each kind. Its queryset is an empty stand-in that django-filter and the
    schema generator ask for.
    """

    stand_in = Development.objects.none()

    company = django_filters.CharFilter(
        label=_("Company"),
        widget=CompanySelect,
    )
    kind = django_filters.MultipleChoiceFilter(
        label=_("Kind"),
        choices=TimelineKind.choices,
        widget=OneOfManySelect(blank_label=_("All kinds")),
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=timeline_statuses(),
        empty_label=_("Any status"),
    )
    review = ReviewFilter(label=_("Review"), empty_label=_("Any review level"))
    year = YearFilter(label=_("Year"))

    def __init__(self, data=None, queryset=None, *, request=None, prefix=None):
        queryset = self.stand_in if queryset is None else queryset
        super().__init__(data, queryset, request=request, prefix=prefix)

    def timeline_filters(self) -> dict:
        """The cleaned filters as `timeline_entries` arguments; call `is_valid()` first."""
        data = self.form.cleaned_data
        return {
            "kinds": data.get("kind") or None,
            "company": data.get("company") or None,
            "status": data.get("status") or None,
            "review": data.get("review") or None,
            "year": data.get("year"),
        }


def timeline_position(cursor: str) -> Position | None:
    """The (date, kind:id) a timeline cursor continues from (no date in the group whose
    date is not known); None if it is not one."""
    try:
        day, uid = decode_cursor(cursor)
    except ValueError:
        return None
    placed = day is None or isinstance(day, datetime.date)
    return (day, uid) if placed and isinstance(uid, str) else None
