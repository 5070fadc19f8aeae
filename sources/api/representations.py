"""Read shapes of articles, proposals and citations: queries, dicts and schema together."""

from collections import defaultdict

from django.db.models import Count, Q
from rest_framework import serializers

from core.api.representations import Links, Representation, partial_date, partial_date_fields
from core.api.serializers import PartialDateOut
from core.records import record_type

from .. import models
from ..access import is_curator, may_read_text
from ..selectors import CITED_COLUMNS, Cited, Corroboration, corroboration


def citations_by_record(target: str, ids: list[int], links: Links) -> dict[int, list[dict]]:
    """The citations of the records `ids` of one citable kind, by record id (one query).

    `target` is the citation's foreign key to the record ("deal", "lawsuit_event", ...).
    """
    return citations_by_targets({target: ids}, links)[target]


def citations_by_targets(
    targets: dict[str, list[int]], links: Links
) -> dict[str, dict[int, list[dict]]]:
    """The citations of records of several citable kinds, by kind and record id (one
    query): `targets` maps each citation foreign key ("metric") to the records' ids."""
    return sources_by_targets(targets, links)[0]


def sources_by_targets(targets: dict[str, list[int]], links: Links) -> tuple[dict, dict]:
    """As `citations_by_targets`, with what corroboration reads of the same citations:
    (citations, `Cited` rows), each by kind and record id, from one query."""
    wanted = Q()
    for target, ids in targets.items():
        wanted |= Q(**{f"{target}_id__in": ids})
    columns = dict.fromkeys(
        (*(f"{target}_id" for target in targets), "article__title", *CITED_COLUMNS)
    )
    rows = models.Citation.objects.filter(wanted).order_by("id").values(*columns)
    cited = {target: defaultdict(list) for target in targets}
    sources = {target: defaultdict(list) for target in targets}
    for row in rows:
        citation = {
            "article": {
                "id": row["article_id"],
                "title": row["article__title"],
                "url": links.url("articles", row["article_id"]),
            },
            "excerpt": row["excerpt"],
            "supports": row["supports"],
        }
        source = Cited.from_row(row)
        for target in targets:
            if row[f"{target}_id"] is not None:
                cited[target][row[f"{target}_id"]].append(citation)
                sources[target][row[f"{target}_id"]].append(source)
    return cited, sources


def citations_and_corroboration(
    target: str, ids: list[int], links: Links, model
) -> tuple[dict[int, list[dict]], dict[int, dict]]:
    """The citations of the records `ids` and each record's corroboration (one query)."""
    citations, sources = sources_by_targets({target: ids}, links)
    return citations[target], corroborations(sources[target], ids, links, model)


def corroborations(sources: dict[int, list], ids: list[int], links: Links, model) -> dict:
    """Each record's corroboration in the API's shape, from its `Cited` rows."""
    return {pk: corroboration_out(corroboration(sources.get(pk, []), model), links) for pk in ids}


def corroboration_out(found: Corroboration, links: Links) -> dict:
    return {
        **found.whole.as_dict(),
        "fields": {name: support.as_dict() for name, support in found.fields.items()},
        "conflicts": [
            {
                "field": conflict.field,
                "kind": conflict.kind,
                "citations": [
                    {
                        "article": {
                            "id": one.article_id,
                            "url": links.url("articles", one.article_id),
                        },
                        "excerpt": one.excerpt,
                    }
                    for one in (conflict.first, conflict.second)
                ],
            }
            for conflict in found.conflicts
        ],
    }


class SupportOut(serializers.Serializer):
    articles = serializers.IntegerField(help_text="Distinct articles citing it.")
    outlets = serializers.IntegerField(
        help_text="Distinct named outlets of those articles (an unnamed one adds none)."
    )
    languages = serializers.DictField(
        child=serializers.IntegerField(),
        help_text='Articles by language code: {"ar": 2, "en": 1}.',
    )
    single_source = serializers.BooleanField(help_text="Exactly one article supports it.")


class ConflictArticleOut(serializers.Serializer):
    id = serializers.IntegerField()
    url = serializers.URLField()


class ConflictCitationOut(serializers.Serializer):
    article = ConflictArticleOut()
    excerpt = serializers.CharField()


class ConflictOut(serializers.Serializer):
    field = serializers.CharField(help_text="The cited field the two excerpts disagree on.")
    kind = serializers.ChoiceField(choices=["money", "date"])
    citations = ConflictCitationOut(
        many=True, help_text="The two citations, from different articles, that disagree."
    )


class CorroborationOut(SupportOut):
    fields = serializers.DictField(
        child=SupportOut(),
        help_text='The same counts for each field citations name in "supports".',
    )
    conflicts = ConflictOut(
        many=True,
        help_text="Amounts or dates of one field that two articles state differently, "
        "not yet resolved by a curator.",
    )


class IngestionOut(serializers.Serializer):
    status = serializers.ChoiceField(choices=models.IngestionStatus.choices)
    attempts = serializers.IntegerField(help_text="Worker runs so far, retries included.")
    error = serializers.CharField(allow_blank=True, help_text="Why it failed, when it did.")
    proposal_count = serializers.IntegerField()
    requested_at = serializers.DateTimeField()
    started_at = serializers.DateTimeField(allow_null=True)
    finished_at = serializers.DateTimeField(allow_null=True)
    proposals_url = serializers.URLField()


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
    ingestion = IngestionOut(
        allow_null=True,
        help_text="The latest ingestion run (curators only; null for others or if none).",
    )


class DuplicateArticleOut(serializers.Serializer):
    detail = serializers.CharField()
    code = serializers.CharField(help_text='Always "duplicate".')
    article = ArticleOut(help_text="The article already in the tracker with this text.")


def latest_runs(article_ids) -> dict[int, models.IngestionRun]:
    """The latest ingestion run of each article (one query)."""
    runs = {}
    for run in models.IngestionRun.objects.filter(article_id__in=article_ids).order_by(
        "article_id", "-created_at", "-id"
    ):
        runs.setdefault(run.article_id, run)
    return runs


class ArticleRepresentation(Representation):
    """Articles; the full text of news is for curators, as is the latest ingestion run."""

    resource = "articles"
    model = models.Article
    out = ArticleOut
    fields = (
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

    def __init__(self, request):
        super().__init__(request)
        self.curator = is_curator(request.user)

    def rows(self, ids):
        articles = models.Article.objects.filter(pk__in=ids).annotate(
            citation_count=Count("citations")
        )
        return articles.values(*self.fields)

    def get_attrs(self, ids):
        runs = latest_runs(ids) if self.curator else {}
        return {pk: {"run": runs.get(pk)} for pk in ids}

    def serialize(self, row, attrs):
        return {
            "id": row["id"],
            "url": self.links.url("articles", row["id"]),
            "html_url": self.links.page("articles", row["id"]),
            "title": row["title"],
            "language": row["language"],
            "outlet": row["outlet"],
            "source_url": row["url"],
            "published": partial_date(row, "published"),
            "text_is_public": row["text_is_public"],
            "text": row["text"]
            if may_read_text(self.request.user, text_is_public=row["text_is_public"])
            else None,
            "attribution": row["attribution"],
            "citation_count": row["citation_count"],
            "ingestion": self.ingestion(attrs["run"]),
        }

    def ingestion(self, run: models.IngestionRun | None) -> dict | None:
        if run is None:
            return None
        return {
            "status": run.status,
            "attempts": run.attempts,
            "error": run.error,
            "proposal_count": run.proposal_count,
            "requested_at": run.created_at,
            "started_at": run.started_at,
            "finished_at": run.finished_at,
            "proposals_url": f"{self.links.prefix('proposals')}?article={run.article_id}",
        }


class RecordLinkOut(serializers.Serializer):
    type = serializers.CharField()
    slug = serializers.CharField()
    url = serializers.URLField(allow_null=True)


class ProposalArticleOut(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField(allow_blank=True)
    url = serializers.URLField()


class ProposalOut(serializers.Serializer):
    id = serializers.IntegerField()
    url = serializers.URLField()
    article = ProposalArticleOut()
    kind = serializers.ChoiceField(choices=models.ProposalKind.choices)
    status = serializers.ChoiceField(choices=models.ProposalStatus.choices)
    summary = serializers.CharField()
    confidence = serializers.FloatField()
    evidence = serializers.CharField(help_text="The sentence it comes from; the citation.")
    payload = serializers.JSONField(
        help_text="The would-be record, in the write API's shape; companies and people it "
        'names are {"type", "name", "name_ar", "slug"} with slug null for a new name.'
    )
    record = RecordLinkOut(allow_null=True, help_text="What it became or was merged into.")
    decided_by = serializers.CharField(allow_null=True)
    decided_at = serializers.DateTimeField(allow_null=True)
    note = serializers.CharField(allow_blank=True)
    created_at = serializers.DateTimeField()
    version = serializers.IntegerField()


class ProposalRepresentation(Representation):
    """Proposals, read from model instances: the record each became is one of seven kinds."""

    resource = "proposals"
    model = models.Proposal
    out = ProposalOut

    def rows(self, ids):
        return models.Proposal.objects.filter(pk__in=ids).select_related(
            "article", "decided_by", *models.PROPOSAL_RESULTS
        )

    @staticmethod
    def record_id(row) -> int:
        return row.pk

    def serialize(self, proposal, attrs):
        return {
            "id": proposal.pk,
            "url": self.links.url("proposals", proposal.pk),
            "article": {
                "id": proposal.article_id,
                "title": proposal.article.title,
                "url": self.links.url("articles", proposal.article_id),
            },
            "kind": proposal.kind,
            "status": proposal.status,
            "summary": proposal.summary,
            "confidence": proposal.confidence,
            "evidence": proposal.evidence,
            "payload": proposal.payload,
            "record": self.record_link(proposal.record),
            "decided_by": proposal.decided_by.get_username() if proposal.decided_by else None,
            "decided_at": proposal.decided_at,
            "note": proposal.note,
            "created_at": proposal.created_at,
            "version": proposal.version,
        }

    def record_link(self, record) -> dict | None:
        if record is None:
            return None
        kind = record._meta.model_name
        resource = record_type(kind).resource
        return {
            "type": kind,
            "slug": record.slug,
            "url": self.links.url(resource, record.slug) if resource else None,
        }
