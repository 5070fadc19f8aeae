"""Write serializers (validation) for deals, investments and lawsuits."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import transaction
from rest_framework import serializers

from companies.models import Company, Person
from core.api.serializers import (
    ModelRulesSerializer,
    MoneyField,
    PartialDateField,
    SlugReference,
)
from sources.models import Article, Citation

from ..models import (
    ClaimKind,
    Deal,
    DealKind,
    DealParty,
    DealPartyRole,
    Investment,
    Lawsuit,
    LawsuitParty,
    LawsuitSide,
)


class CitationWrite(serializers.Serializer):
    article = serializers.PrimaryKeyRelatedField(queryset=Article.objects.all())
    excerpt = serializers.CharField()
    supports = serializers.CharField(required=False, allow_blank=True, default="")


class DealPartyWrite(serializers.Serializer):
    company = SlugReference(
        slug_field="slug", queryset=Company.objects.all(), required=False, allow_null=True
    )
    person = SlugReference(
        slug_field="slug", queryset=Person.objects.all(), required=False, allow_null=True
    )
    unnamed = serializers.CharField(required=False, allow_blank=True, default="")
    unnamed_ar = serializers.CharField(required=False, allow_blank=True, default="")
    count = serializers.IntegerField(required=False, allow_null=True, min_value=0)
    role = serializers.ChoiceField(choices=DealPartyRole.choices)


class LawsuitPartyWrite(serializers.Serializer):
    company = SlugReference(
        slug_field="slug", queryset=Company.objects.all(), required=False, allow_null=True
    )
    person = SlugReference(
        slug_field="slug", queryset=Person.objects.all(), required=False, allow_null=True
    )
    side = serializers.ChoiceField(choices=LawsuitSide.choices)


def _full_clean_each(rows, field: str):
    """Validate child rows with the model's rules; errors come back under `field`."""
    errors = []
    for row in rows:
        try:
            row.full_clean()
            errors.append({})
        except DjangoValidationError as error:
            errors.append(error.message_dict if hasattr(error, "error_dict") else error.messages)
    if any(errors):
        raise serializers.ValidationError({field: errors})


class ChildrenMixin:
    """Parties and citations written with their record; given lists replace the old ones."""

    party_model = None
    record_field = ""

    def _party_rows(self, record, parties):
        rows = []
        for party in parties:
            values = dict(party)
            if self.party_model is DealParty:
                values["unnamed_description"] = values.pop("unnamed", "")
                values["unnamed_description_ar"] = values.pop("unnamed_ar", "")
                values["unnamed_count"] = values.pop("count", None)
            rows.append(self.party_model(**{self.record_field: record}, **values))
        return rows

    def _citation_rows(self, record, citations):
        return [Citation(**{self.record_field: record}, **citation) for citation in citations]

    def _save_children(self, record, parties, citations):
        if parties is not None:
            record.parties.all().delete()
            rows = self._party_rows(record, parties)
            _full_clean_each(rows, "parties")
            seen = set()
            for row in rows:
                key = (row.company_id, row.person_id, getattr(row, "role", None))
                if key in seen and (row.company_id or row.person_id):
                    raise serializers.ValidationError({"parties": ["A party is listed twice."]})
                seen.add(key)
                row.save()
        if citations is not None:
            record.citations.all().delete()
            rows = self._citation_rows(record, citations)
            _full_clean_each(rows, "citations")
            for row in rows:
                row.save()

    @transaction.atomic
    def create(self, validated_data):
        parties = validated_data.pop("parties", None)
        citations = validated_data.pop("citations", None)
        record = super().create(validated_data)
        self._save_children(record, parties, citations)
        return record

    @transaction.atomic
    def update(self, instance, validated_data):
        parties = validated_data.pop("parties", None)
        citations = validated_data.pop("citations", None)
        record = super().update(instance, validated_data)
        self._save_children(record, parties, citations)
        return record


class DealWrite(ChildrenMixin, ModelRulesSerializer):
    party_model = DealParty
    record_field = "deal"
    kinds = SlugReference(
        many=True, slug_field="code", queryset=DealKind.objects.all(), allow_empty=False
    )
    announced = PartialDateField("announced")
    announced_by = SlugReference(
        slug_field="slug", queryset=Person.objects.all(), required=False, allow_null=True
    )
    value = MoneyField()
    parties = DealPartyWrite(many=True, required=False)
    citations = CitationWrite(many=True, required=False)

    class Meta:
        model = Deal
        fields = [
            "slug",
            "title",
            "title_ar",
            "kinds",
            "status",
            "announced",
            "announced_by",
            "announced_via",
            "value",
            "summary",
            "summary_ar",
            "parties",
            "citations",
            "version",
        ]
        extra_kwargs = {"slug": {"required": False}}


class InvestmentWrite(ChildrenMixin, ModelRulesSerializer):
    record_field = "investment"
    investee = SlugReference(slug_field="slug", queryset=Company.objects.all())
    investors = SlugReference(
        many=True, slug_field="slug", queryset=Company.objects.all(), required=False
    )
    announced = PartialDateField("announced")
    value = MoneyField()
    citations = CitationWrite(many=True, required=False)

    class Meta:
        model = Investment
        fields = [
            "slug",
            "investee",
            "investors",
            "status",
            "round",
            "announced",
            "value",
            "stake_percent",
            "summary",
            "summary_ar",
            "citations",
            "version",
        ]
        extra_kwargs = {"slug": {"required": False}}


class LawsuitWrite(ChildrenMixin, ModelRulesSerializer):
    party_model = LawsuitParty
    record_field = "lawsuit"
    claims = SlugReference(
        many=True, slug_field="code", queryset=ClaimKind.objects.all(), required=False
    )
    filed = PartialDateField("filed")
    parties = LawsuitPartyWrite(many=True, required=False)
    citations = CitationWrite(many=True, required=False)

    class Meta:
        model = Lawsuit
        fields = [
            "slug",
            "title",
            "title_ar",
            "court",
            "docket_number",
            "jurisdiction",
            "status",
            "filed",
            "claims",
            "summary",
            "summary_ar",
            "parties",
            "citations",
            "version",
        ]
        extra_kwargs = {"slug": {"required": False}}
