"""What the API accepts for articles and proposals (read shapes: `representations`)."""

from rest_framework import serializers

from core.api.serializers import PartialDateField

from ..models import ArticleLanguage
from ..services.ingestion import MAX_ARTICLE_CHARACTERS, article_text_errors


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
