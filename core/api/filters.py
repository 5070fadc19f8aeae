"""Filtering: one FilterSet per model, and unknown query parameters refused with a 400."""

import django_filters
from django import forms
from django_filters import utils
from django_filters.constants import EMPTY_VALUES
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import extend_schema_field
from rest_framework.exceptions import ValidationError

from core.models import ReviewLevel

#: Parameters every list understands besides its filters.
COMMON_PARAMETERS = {"cursor", "page", "page_size", "format"}


class StrictFilterBackend(DjangoFilterBackend):
    """django-filter, plus a 400 for any query parameter the endpoint does not know.

    A misspelt filter (`?stauts=completed`) would otherwise return the whole list as if
    it had been applied.
    """

    def filter_queryset(self, request, queryset, view):
        self.refuse_unknown_parameters(request, queryset, view)
        return super().filter_queryset(request, queryset, view)

    def refuse_unknown_parameters(self, request, queryset, view):
        allowed = set(COMMON_PARAMETERS) | set(getattr(view, "extra_query_parameters", ()))
        filterset_class = self.get_filterset_class(view, queryset)
        if filterset_class is not None:
            allowed |= set(filterset_class.base_filters)
        unknown = sorted(set(request.query_params) - allowed)
        if unknown:
            accepted = ", ".join(sorted(allowed))
            message = f"Unknown query parameter. This endpoint accepts: {accepted}."
            raise ValidationError({name: [message] for name in unknown})

    def valid_filterset(self, request, queryset, view):
        """The view's filterset bound to the query, once every parameter is known and valid.

        For views whose filters are not applied to a queryset (the timeline).
        """
        self.refuse_unknown_parameters(request, queryset, view)
        filterset = self.get_filterset(request, queryset, view)
        if not filterset.is_valid():
            raise utils.translate_validation(filterset.errors)
        return filterset


@extend_schema_field({"type": "integer", "minimum": 1, "maximum": 9999})
class YearFilter(django_filters.NumberFilter):
    """A year, 1 to 9999: validated and documented as such."""

    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", 9999)
        super().__init__(*args, **kwargs)


class ReviewFilter(django_filters.ChoiceFilter):
    """Records reviewed at least this far: `reviewed` keeps reviewed and verified records,
    `machine` every record (`core.models.ReviewLevel.at_least`)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("choices", ReviewLevel.choices)
        kwargs.setdefault(
            "label",
            "Review level, at least: machine (all), reviewed (reviewed or verified), verified",
        )
        super().__init__(*args, **kwargs)

    def filter(self, qs, value):
        if value in EMPTY_VALUES:
            return qs
        return qs.filter(**{f"{self.field_name}__in": ReviewLevel.at_least(value)})
