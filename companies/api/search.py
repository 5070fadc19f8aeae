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
from ..search import alias_search

RESOURCES = {kind: record_type(kind).resource for kind in ALIAS_TARGETS}
MAX_RESULTS = 50


class SearchHitOut(serializers.Serializer):
    type = serializers.ChoiceField(choices=list(RESOURCES))
    slug = serializers.CharField()
    name = serializers.CharField()
    name_ar = serializers.CharField(allow_blank=True)
    matched = serializers.CharField(help_text="The alias that matched the query.")
    score = serializers.IntegerField(help_text="100 exact name, 80 whole words, 60 prefixes…")
    url = serializers.URLField()


class SearchOut(serializers.Serializer):
    query = serializers.CharField()
    results = SearchHitOut(many=True)


class SearchView(ConditionalGetMixin, APIView):
    """Companies, people and products from any spelling of their names, in either script."""

    permission_classes = [AllowAny]
    allowed_parameters = {"q", "type", "limit", "format"}

    @extend_schema(
        parameters=[
            OpenApiParameter("q", str, required=True, description="Words of a name, any script."),
            OpenApiParameter("type", str, many=True, enum=list(RESOURCES)),
            OpenApiParameter("limit", int, description=f"1 to {MAX_RESULTS} (default 20)."),
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
        if set(types) - set(RESOURCES):
            errors["type"] = [f"Use one or more of: {', '.join(RESOURCES)}."]
        limit = params.get("limit", "20")
        if not (limit.isascii() and limit.isdigit() and 1 <= int(limit) <= MAX_RESULTS):
            errors["limit"] = [f"Give a whole number from 1 to {MAX_RESULTS}."]
        if errors:
            raise ValidationError(errors)
        links = Links(request)
        hits = alias_search(query, kinds=types or None, limit=int(limit))
        return Response(
            {
                "query": query,
                "results": [
                    {
                        "type": hit.kind,
                        "slug": hit.record.slug,
                        "name": hit.record.name,
                        "name_ar": hit.record.name_ar,
                        "matched": hit.alias,
                        "score": hit.score,
                        "url": links.url(RESOURCES[hit.kind], hit.record.slug),
                    }
                    for hit in hits
                ],
            }
        )
