"""Write serializers (validation) for companies, people and products."""

from django.db import transaction

from core.api.serializers import (
    ModelRulesSerializer,
    PartialDateField,
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
