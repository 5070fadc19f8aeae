"""Filtering: one FilterSet per model, and unknown query parameters refused with a 400."""

from django_filters.rest_framework import DjangoFilterBackend
from rest_framework.exceptions import ValidationError

#: Parameters every list understands besides its filters.
COMMON_PARAMETERS = {"cursor", "page", "page_size", "format"}


class StrictFilterBackend(DjangoFilterBackend):
    """django-filter, plus a 400 for any query parameter the endpoint does not know.

    A misspelt filter (`?stauts=completed`) would otherwise return the whole list as if
    it had been applied.
    """

    def filter_queryset(self, request, queryset, view):
        allowed = set(COMMON_PARAMETERS) | set(getattr(view, "extra_query_parameters", ()))
        filterset_class = self.get_filterset_class(view, queryset)
        if filterset_class is not None:
            allowed |= set(filterset_class.base_filters)
        unknown = sorted(set(request.query_params) - allowed)
        if unknown:
            accepted = ", ".join(sorted(allowed))
            message = f"Unknown query parameter. This endpoint accepts: {accepted}."
            raise ValidationError({name: [message] for name in unknown})
        return super().filter_queryset(request, queryset, view)
