"""Write serializers (validation) for companies, people and products."""

from rest_framework import serializers, status
from rest_framework.exceptions import APIException

from core.api.representations import Links, reference
from core.api.serializers import (
    PartialDateField,
    ServiceWriteSerializer,
    SlugReference,
)
from core.editing import RecordServices

from .. import services
from ..duplicates import PossibleDuplicate
from ..models import Company, CompanyKind, Person, Product


class DuplicateConflict(APIException):
    """A 409: the new record's name is one an existing record already has."""

    status_code = status.HTTP_409_CONFLICT
    default_code = "possible_duplicate"


class NamedRecordSerializer(RecordServices, ServiceWriteSerializer):
    """A company, person or product written by its service (which keeps names as aliases).

    Its services are found by `RecordServices`; `resource` is its API resource. Creating
    a name an existing record has is a 409 listing the candidates, unless `confirm_new`
    says it is a different one.
    """

    service_module = services
    resource = ""
    confirm_new = serializers.BooleanField(
        write_only=True,
        required=False,
        default=False,
        help_text="Create it even though a record with the same name exists: it is another one.",
    )

    def service_create(self, data):
        try:
            return self.create_service(**data, user=self.user, reason=self.reason)
        except PossibleDuplicate as duplicate:
            raise self._conflict(duplicate) from None

    def service_update(self, record, data):
        data.pop("confirm_new", None)
        return self.update_service(record, **data, user=self.user, reason=self.reason)

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


#: The fields every named record's serializer ends with.
DESCRIBED = ["description", "description_ar", "wikidata", "review", "version", "confirm_new"]


class CompanyWrite(NamedRecordSerializer):
    resource = "companies"
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
            *DESCRIBED,
        ]
        extra_kwargs = {"slug": {"required": False}}


class PersonWrite(NamedRecordSerializer):
    resource = "people"
    record_arg = "person"

    class Meta:
        model = Person
        fields = [
            "slug",
            "name",
            "name_ar",
            *DESCRIBED,
        ]
        extra_kwargs = {"slug": {"required": False}}


class ProductWrite(NamedRecordSerializer):
    resource = "products"
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
            *DESCRIBED,
        ]
        extra_kwargs = {"slug": {"required": False}}
