"""Write serializers (validation) for companies, people and products."""

from rest_framework import serializers, status
from rest_framework.exceptions import APIException

from core.api.representations import Links, reference
from core.api.serializers import (
    PartialDateField,
    ServiceWriteSerializer,
    SlugReference,
)

from .. import services
from ..duplicates import PossibleDuplicate
from ..models import Company, CompanyKind, Person, Product


class DuplicateConflict(APIException):
    """A 409: the new record's name is one an existing record already has."""

    status_code = status.HTTP_409_CONFLICT
    default_code = "possible_duplicate"


class NamedRecordSerializer(ServiceWriteSerializer):
    """A company, person or product written by its service (which keeps names as aliases).

    `create_service` and `update_service` are the record type's services, `record_arg`
    the name under which the update service takes the record and `resource` its API
    resource. Creating a name an existing record has is a 409 listing the candidates,
    unless `confirm_new` says it is a different one.
    """

    create_service = None
    update_service = None
    record_arg = ""
    resource = ""
    confirm_new = serializers.BooleanField(
        write_only=True,
        required=False,
        default=False,
        help_text="Create it even though a record with the same name exists: it is another one.",
    )

    def service_create(self, data):
        try:
            return type(self).create_service(**data, user=self.user, reason=self.reason)
        except PossibleDuplicate as duplicate:
            raise self._conflict(duplicate) from None

    def service_update(self, record, data):
        data.pop("confirm_new", None)
        return type(self).update_service(
            **{self.record_arg: record}, **data, user=self.user, reason=self.reason
        )

    def _conflict(self, duplicate: PossibleDuplicate) -> DuplicateConflict:
        links = Links(self.context["request"])
        candidates = [
            reference(links, self.resource, c.record.slug, c.record.name, c.record.name_ar)
            for c in duplicate.candidates
        ]
        return DuplicateConflict(
            {
                "detail": duplicate.message_dict["name"][0],
                "code": "possible_duplicate",
                "candidates": candidates,
            }
        )


class CompanyWrite(NamedRecordSerializer):
    resource = "companies"
    create_service = services.company_create
    update_service = services.company_update
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
            "confirm_new",
        ]
        extra_kwargs = {"slug": {"required": False}}


class PersonWrite(NamedRecordSerializer):
    resource = "people"
    create_service = services.person_create
    update_service = services.person_update
    record_arg = "person"

    class Meta:
        model = Person
        fields = [
            "slug",
            "name",
            "name_ar",
            "description",
            "description_ar",
            "version",
            "confirm_new",
        ]
        extra_kwargs = {"slug": {"required": False}}


class ProductWrite(NamedRecordSerializer):
    resource = "products"
    create_service = services.product_create
    update_service = services.product_update
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
            "confirm_new",
        ]
        extra_kwargs = {"slug": {"required": False}}
