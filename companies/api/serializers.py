"""Write serializers (validation) and read shapes (schema) for companies, people, products."""

from rest_framework import serializers

from core.api.serializers import (
    AliasOut,
    CitationOut,
    PartialDateField,
    PartialDateOut,
    ReferenceOut,
    ServiceWriteSerializer,
    SlugReference,
)

from ..models import Company, CompanyKind, Person, Product
from ..services import (
    company_create,
    company_update,
    person_create,
    person_update,
    product_create,
    product_update,
)


class NamedRecordSerializer(ServiceWriteSerializer):
    """A company, person or product written by its service (which keeps names as aliases).

    `create_service` and `update_service` are the record type's services and
    `record_arg` the name under which the update service takes the record.
    """

    create_service = None
    update_service = None
    record_arg = ""

    def service_create(self, data):
        return type(self).create_service(**data, user=self.user, reason=self.reason)

    def service_update(self, record, data):
        return type(self).update_service(
            **{self.record_arg: record}, **data, user=self.user, reason=self.reason
        )


class CompanyWrite(NamedRecordSerializer):
    create_service = company_create
    update_service = company_update
    record_arg = "company"
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
    create_service = person_create
    update_service = person_update
    record_arg = "person"

    class Meta:
        model = Person
        fields = ["slug", "name", "name_ar", "description", "description_ar", "version"]
        extra_kwargs = {"slug": {"required": False}}


class ProductWrite(NamedRecordSerializer):
    create_service = product_create
    update_service = product_update
    record_arg = "product"
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
