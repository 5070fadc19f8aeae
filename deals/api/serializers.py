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
from sources.models import Article
from sources.services import citations_replace

from .. import services
from ..models import (
    ClaimKind,
    Deal,
    DealKind,
    DealPartyRole,
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


class CitedRecordWrite(ServiceWriteSerializer):
    """A record written by its service with its parties; given citations replace the old.

    `create_service` and `update_service` are the record type's services, `record_arg`
    the name under which the update service takes the record, `role_key` the name of a
    party's role ("role" in deals, "side" in lawsuits).
    """

    create_service = None
    update_service = None
    record_arg = ""
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
        return self._cite(type(self).create_service(**arguments), citations)

    @transaction.atomic
    def service_update(self, record, data):
        arguments, citations = self._arguments(data)
        updated = type(self).update_service(**{self.record_arg: record}, **arguments)
        return self._cite(updated, citations)


class DealWrite(CitedRecordWrite):
    create_service = services.deal_create
    update_service = services.deal_update
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


class InvestmentWrite(CitedRecordWrite):
    create_service = services.investment_create
    update_service = services.investment_update
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


class LawsuitWrite(CitedRecordWrite):
    create_service = services.lawsuit_create
    update_service = services.lawsuit_update
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


class DevelopmentWrite(CitedRecordWrite):
    create_service = services.development_create
    update_service = services.development_update
    record_arg = "development"
    companies = SlugReference(
        many=True, slug_field="slug", queryset=Company.objects.all(), required=False
    )
    occurred = PartialDateField("occurred")
    citations = CitationWrite(many=True, required=False)

    class Meta:
        model = Development
        fields = [
            "slug",
            "title",
            "title_ar",
            "kind",
            "jurisdiction",
            "occurred",
            "companies",
            "summary",
            "summary_ar",
            "citations",
            "version",
        ]
        extra_kwargs = {"slug": {"required": False}}
