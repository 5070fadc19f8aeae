from django.utils import translation
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.exceptions import ValidationError
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from core.api.representations import Links
from core.api.views import ConditionalGetMixin
from core.records import record_type

from ..models.aliases import ALIAS_TARGETS
from ..search import SEARCH_TYPES, search_by_type

TYPES = list(SEARCH_TYPES)
RESOURCES = {kind: record_type(kind).resource for kind in TYPES}
MAX_RESULTS = 50


class SearchHitOut(serializers.Serializer):
    type = serializers.ChoiceField(choices=TYPES)
    slug = serializers.CharField(allow_null=True, help_text="Null for an article (see `id`).")
    id = serializers.IntegerField()
    name = serializers.CharField(help_text="The name, or a deal's, lawsuit's or article's title.")
    name_ar = serializers.CharField(allow_blank=True)
    matched = serializers.CharField(
        allow_null=True, help_text="The alias that matched the query; null for a text match."
    )
    score = serializers.IntegerField(
        allow_null=True,
        help_text="Names: 100 exact name, 80 whole words, 60 prefixes, 40 loose, 20 similar. "
        "Null for a text match (ranked by relevance within its type).",
    )
    url = serializers.URLField(help_text="The record in the API.")
    html_url = serializers.URLField(help_text="The record's page for readers, in English.")
    html_url_ar = serializers.URLField(help_text="The record's page for readers, in Arabic.")


class SearchOut(serializers.Serializer):
    query = serializers.CharField()
    results = SearchHitOut(many=True)


def _pages(request, record) -> tuple[str, str]:
    urls = []
    for language in ("en", "ar"):
        with translation.override(language):
            urls.append(request.build_absolute_uri(record.get_absolute_url()))
    return urls[0], urls[1]


def _hit(request, links: Links, kind: str, hit) -> dict:
    record = hit.record
    key = getattr(record, "slug", None)
    html_url, html_url_ar = _pages(request, record)
    named = kind in ALIAS_TARGETS
    return {
        "type": kind,
        "slug": key,
        "id": record.pk,
        "name": record.name if named else hit.title,
        "name_ar": record.name_ar if named else hit.title_ar,
        "matched": hit.alias if named else None,
        "score": hit.score if named else None,
        "url": links.url(RESOURCES[kind], key or record.pk),
        "html_url": html_url,
        "html_url_ar": html_url_ar,
    }


class SearchView(ConditionalGetMixin, APIView):
    """Companies, people and products from any spelling of their names, in either script;
    deals, investments, lawsuits and articles from the words of their titles, summaries
    and (public) texts. Results are grouped by type, best first within each."""

    permission_classes = [AllowAny]
    allowed_parameters = {"q", "type", "limit", "format"}

    @extend_schema(
        parameters=[
            OpenApiParameter("q", str, required=True, description="Words of a name or a text."),
            OpenApiParameter("type", str, many=True, enum=TYPES),
            OpenApiParameter(
                "limit", int, description=f"Results per type, 1 to {MAX_RESULTS} (default 20)."
            ),
        ],
        responses=SearchOut,
    )
    def get(self, request):
        params = request.query_params
        errors = {
            name: ["Unknown query parameter."] for name in set(params) - self.allowed_parameters
        }
        query = params.get("q", "").strip()
        if not query:
            errors["q"] = ["Give the name to look for, such as q=غوغل."]
        types = params.getlist("type")
        if set(types) - set(TYPES):
            errors["type"] = [f"Use one or more of: {', '.join(TYPES)}."]
        limit = params.get("limit", "20")
        if not (limit.isascii() and limit.isdigit() and 1 <= int(limit) <= MAX_RESULTS):
            errors["limit"] = [f"Give a whole number from 1 to {MAX_RESULTS}."]
        if errors:
            raise ValidationError(errors)
        links = Links(request)
        groups = search_by_type(query, types=types or None, limit=int(limit))
        results = [_hit(request, links, kind, hit) for kind, hits in groups.items() for hit in hits]
        return Response({"query": query, "results": results})
