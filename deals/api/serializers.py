"""Write serializers (validation) for deals, investments, lawsuits and developments."""

from django.db import transaction
from rest_framework import serializers

from companies.models import Company, Person
from core.api.serializers import (
    MoneyField,
    PartialDateField,
    ServiceWriteSerializer,
    SlugReference,
)
from core.editing import RecordServices
from sources.models import Article
from sources.services import citations_replace

from .. import services
from ..models import (
    ClaimKind,
    Deal,
    DealKind,
    DealPartyRole,
    DealStatus,
    Development,
    Investment,
    Lawsuit,
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


#: Fields every titled record shares, and the summaries every record has.
TITLED = ["slug", "title", "title_ar"]
SUMMARISED = ["summary", "summary_ar"]
#: The review level a curator raises or lowers (`core.models.ReviewLevel`).
REVIEW = ["review"]
SLUG_OPTIONAL = {"slug": {"required": False}}


class CitedRecordWrite(RecordServices, ServiceWriteSerializer):
    """A record written by its service with its parties; given citations replace the old.

    Its services are found by `RecordServices` (`record_arg` names the record type);
    `role_key` is the name of a party's role ("role" in deals, "side" in lawsuits).
    """

    service_module = services
    role_key = "role"

    def _arguments(self, data: dict) -> tuple[dict, list | None]:
        data = dict(data)
        citations = data.pop("citations", None)
        if "parties" in data:
            data["parties"] = [
                services.Party.from_fields(party, self.role_key) for party in data["parties"]
            ]
        return {**data, "user": self.user, "reason": self.reason}, citations

    def _cite(self, record, citations):
        if citations is not None:
            citations_replace(record=record, citations=citations, user=self.user)
        return record

    @transaction.atomic
    def service_create(self, data):
        arguments, citations = self._arguments(data)
        return self._cite(self.create_service(**arguments), citations)

    @transaction.atomic
    def service_update(self, record, data):
        arguments, citations = self._arguments(data)
        updated = self.update_service(record, **arguments)
        return self._cite(updated, citations)


class DealWrite(CitedRecordWrite):
    record_arg = "deal"
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
        fields = [*TITLED, "kinds", "status", "announced", "announced_by", "announced_via"]
        fields += ["value", *SUMMARISED, "parties", "citations", *REVIEW, "version"]
        extra_kwargs = SLUG_OPTIONAL


class InvestmentWrite(CitedRecordWrite):
    record_arg = "investment"
    investee = SlugReference(slug_field="slug", queryset=Company.objects.all())
    investors = SlugReference(
        many=True, slug_field="slug", queryset=Company.objects.all(), required=False
    )
    announced = PartialDateField("announced")
    value = MoneyField()
    citations = CitationWrite(many=True, required=False)

    class Meta:
        model = Investment
        fields = ["slug", "investee", "investors", "status", "round", "announced", "value"]
        fields += ["stake_percent", *SUMMARISED, "citations", *REVIEW, "version"]
        extra_kwargs = SLUG_OPTIONAL


class LawsuitWrite(CitedRecordWrite):
    record_arg = "lawsuit"
    role_key = "side"
    claims = SlugReference(
        many=True, slug_field="code", queryset=ClaimKind.objects.all(), required=False
    )
    filed = PartialDateField("filed")
    parties = LawsuitPartyWrite(many=True, required=False)
    citations = CitationWrite(many=True, required=False)

    class Meta:
        model = Lawsuit
        fields = [*TITLED, "court", "docket_number", "docket_url", "jurisdiction", "status"]
        fields += ["filed", "claims"]
        fields += [*SUMMARISED, "parties", "citations", *REVIEW, "version"]
        extra_kwargs = SLUG_OPTIONAL


class DevelopmentWrite(CitedRecordWrite):
    record_arg = "development"
    companies = SlugReference(
        many=True, slug_field="slug", queryset=Company.objects.all(), required=False
    )
    occurred = PartialDateField("occurred")
    citations = CitationWrite(many=True, required=False)

    class Meta:
        model = Development
        fields = [*TITLED, "kind", "jurisdiction", "occurred", "companies", *SUMMARISED]
        fields += ["citations", *REVIEW, "version"]
        extra_kwargs = SLUG_OPTIONAL


class TransitionWrite(serializers.Serializer):
    """A step of a deal's lifecycle, with the excerpts that state it; the deal's status
    becomes the latest step's."""

    status = serializers.ChoiceField(choices=DealStatus.choices)
    occurred = PartialDateField("occurred")
    note = serializers.CharField(required=False, allow_blank=True, default="")
    note_ar = serializers.CharField(required=False, allow_blank=True, default="")
    citations = CitationWrite(many=True, required=False)

    @transaction.atomic
    def create(self, validated_data):
        data = dict(validated_data)
        citations = data.pop("citations", [])
        request = self.context.get("request")
        user = getattr(request, "user", None) if request else None
        step = services.deal_transition_add(deal=self.context["deal"], user=user, **data)
        if citations:
            citations_replace(record=step, citations=citations, user=user)
        return step
