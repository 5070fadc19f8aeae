"""Shapes of articles, their ingestion and proposals, in and out of the API."""

from rest_framework import serializers

from core.api.serializers import PartialDateField, PartialDateOut

from ..models import ArticleLanguage, IngestionStatus, ProposalKind, ProposalStatus
from ..services.ingestion import MAX_ARTICLE_CHARACTERS, article_text_errors


class IngestionOut(serializers.Serializer):
    status = serializers.ChoiceField(choices=IngestionStatus.choices)
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


class ArticleSubmit(serializers.Serializer):
    """A new article to ingest: its text and what is known about its publication."""

    text = serializers.CharField(
        trim_whitespace=False,
        allow_blank=True,
        max_length=MAX_ARTICLE_CHARACTERS,
        help_text="The article's full text, as plain text.",
    )
    language = serializers.ChoiceField(choices=ArticleLanguage.choices)
    title = serializers.CharField(required=False, allow_blank=True, max_length=500, default="")
    outlet = serializers.CharField(required=False, allow_blank=True, max_length=200, default="")
    url = serializers.URLField(required=False, allow_blank=True, max_length=1000, default="")
    published = PartialDateField(
        "published", help_text="Publication date; a full day resolves «last Friday»."
    )

    def validate_text(self, text):
        errors = article_text_errors(text)
        if errors:
            raise serializers.ValidationError(errors)
        return text

    def validate_title(self, title):
        if "\x00" in title:
            raise serializers.ValidationError("The title contains a NUL character.")
        return title

    def validate_outlet(self, outlet):
        if "\x00" in outlet:
            raise serializers.ValidationError("The outlet contains a NUL character.")
        return outlet


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
    kind = serializers.ChoiceField(choices=ProposalKind.choices)
    status = serializers.ChoiceField(choices=ProposalStatus.choices)
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


class ProposalAccept(serializers.Serializer):
    payload = serializers.JSONField(
        required=False, help_text="An edited payload to accept instead of the proposed one."
    )

    def validate_payload(self, payload):
        if not isinstance(payload, dict):
            raise serializers.ValidationError("The payload is a JSON object.")
        return payload


class ProposalMerge(serializers.Serializer):
    into = serializers.CharField(
        help_text="The slug of the existing record of the proposal's kind to merge into."
    )
    note = serializers.CharField(required=False, allow_blank=True, max_length=500, default="")


class ProposalReject(serializers.Serializer):
    note = serializers.CharField(required=False, allow_blank=True, max_length=500, default="")
