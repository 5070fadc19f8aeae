from django.db.models import Count, F
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import serializers

from core.api.representations import Links, ordered, partial_date, partial_date_fields
from core.api.serializers import PartialDateOut, keyset_page
from core.api.views import KEYSET_PARAMETERS, RecordViewSet

from ..filtersets import ArticleFilterSet
from ..models import Article


class ArticleOut(serializers.Serializer):
    id = serializers.IntegerField()
    url = serializers.URLField()
    html_url = serializers.URLField(help_text="The article's page for readers.")
    title = serializers.CharField(allow_blank=True)
    language = serializers.CharField()
    outlet = serializers.CharField(allow_blank=True)
    source_url = serializers.CharField(allow_blank=True, help_text="Where it was published.")
    published = PartialDateOut()
    text_is_public = serializers.BooleanField()
    text = serializers.CharField(
        allow_null=True, help_text="Full text: public seed articles, or for curators; else null."
    )
    attribution = serializers.CharField(allow_blank=True)
    citation_count = serializers.IntegerField()


@extend_schema_view(
    list=extend_schema(
        responses=keyset_page(ArticleOut, "ArticlePage"), parameters=KEYSET_PARAMETERS
    ),
    retrieve=extend_schema(responses=ArticleOut),
)
class ArticleViewSet(RecordViewSet):
    """The articles facts are cited from. Full texts of news articles are for curators;
    readers get the cited excerpts (on each record) and the link."""

    resource = "articles"
    lookup_field = "pk"
    queryset = Article.objects.all()
    filterset_class = ArticleFilterSet
    sort_key = F("id")
    pagination_class = None

    def get_record_id(self) -> int:
        key = self.kwargs["pk"]
        if not (key.isascii() and key.isdigit()) or not Article.objects.filter(pk=key).exists():
            raise self.not_found(key)
        return int(key)

    def build(self, ids):
        links = Links(self.request)
        curator = self.request.user.is_staff
        rows = (
            Article.objects.filter(pk__in=ids)
            .annotate(citation_count=Count("citations"))
            .values(
                "id",
                "title",
                "language",
                "outlet",
                "url",
                "text",
                "text_is_public",
                "attribution",
                "citation_count",
                *partial_date_fields("published"),
            )
        )
        records = {
            row["id"]: {
                "id": row["id"],
                "url": links.url("articles", row["id"]),
                "html_url": links.page("articles", row["id"]),
                "title": row["title"],
                "language": row["language"],
                "outlet": row["outlet"],
                "source_url": row["url"],
                "published": partial_date(row, "published"),
                "text_is_public": row["text_is_public"],
                "text": row["text"] if row["text_is_public"] or curator else None,
                "attribution": row["attribution"],
                "citation_count": row["citation_count"],
            }
            for row in rows
        }
        return ordered(records, ids)
