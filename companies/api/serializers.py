"""Write serializers (validation) and read shapes (schema) for companies, people, products."""

from django.db import transaction
from rest_framework import serializers

from core.api.serializers import (
    AliasOut,
    CitationOut,
    ModelRulesSerializer,
    PartialDateField,
    PartialDateOut,
    ReferenceOut,
    SlugReference,
)

from ..models import Company, CompanyKind, Person, Product
from ..services import primary_aliases_sync


class NamedRecordSerializer(ModelRulesSerializer):
    """Saves the record, its many-to-many links, then keeps its primary names as aliases."""

    @transaction.atomic
    def create(self, validated_data):
        record = super().create(validated_data)
        primary_aliases_sync(record)
        return record

    @transaction.atomic
    def update(self, instance, validated_data):
        record = super().update(instance, validated_data)
        primary_aliases_sync(record)
        return record


class CompanyWrite(NamedRecordSerializer):
    kinds = SlugReference(
        many=True, slug_field="code", queryset=CompanyKind.objects.all(), required=False
    )
    founded = PartialDateField("founded")

    class Meta:
        model = Company
        fields = [
            "slug",
            "name",
            "name_ar",
            "kinds",
            "status",
            "founded",
            "headquarters_country",
            "website",
            "description",
            "description_ar",
            "version",
        ]
        extra_kwargs = {"slug": {"required": False}}


class PersonWrite(NamedRecordSerializer):
    class Meta:
        model = Person
        fields = ["slug", "name", "name_ar", "description", "description_ar", "version"]
        extra_kwargs = {"slug": {"required": False}}


class ProductWrite(NamedRecordSerializer):
    company = SlugReference(slug_field="slug", queryset=Company.objects.all())
    platforms = SlugReference(
        many=True, slug_field="slug", queryset=Product.objects.all(), required=False
    )
    launched = PartialDateField("launched")

    class Meta:
        model = Product
        fields = [
            "slug",
            "company",
            "name",
            "name_ar",
            "kind",
            "launched",
            "platforms",
            "description",
            "description_ar",
            "version",
        ]
        extra_kwargs = {"slug": {"required": False}}


class RoleOut(serializers.Serializer):
    title = serializers.CharField()
    title_ar = serializers.CharField(allow_blank=True)
    started = PartialDateOut()
    ended = PartialDateOut()


class CompanyRoleOut(RoleOut):
    person = ReferenceOut()


class PersonRoleOut(RoleOut):
    company = ReferenceOut()


class ProductReferenceOut(ReferenceOut):
    kind = serializers.CharField()


class RecordOut(serializers.Serializer):
    id = serializers.IntegerField()
    slug = serializers.CharField()
    url = serializers.URLField()
    html_url = serializers.URLField(allow_null=True, help_text="The record's page for readers.")
    name = serializers.CharField()
    name_ar = serializers.CharField(allow_blank=True)
    description = serializers.CharField(allow_blank=True)
    description_ar = serializers.CharField(allow_blank=True)
    aliases = AliasOut(many=True)
    citations = CitationOut(many=True)
    version = serializers.IntegerField()
    updated_at = serializers.DateTimeField()


class CompanyOut(RecordOut):
    kinds = serializers.ListField(child=serializers.CharField())
    status = serializers.CharField()
    founded = PartialDateOut()
    headquarters_country = serializers.CharField(allow_blank=True)
    website = serializers.CharField(allow_blank=True)
    people = CompanyRoleOut(many=True)
    products = ProductReferenceOut(many=True)


class PersonOut(RecordOut):
    roles = PersonRoleOut(many=True)


class ProductOut(RecordOut):
    kind = serializers.CharField()
    company = ReferenceOut()
    launched = PartialDateOut()
    platforms = ReferenceOut(many=True)
