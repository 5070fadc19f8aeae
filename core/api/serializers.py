"""Serializer pieces shared by the resources.

Write serializers validate with the model's own rules (`full_clean`), so the API refuses
exactly what the admin refuses, with field messages. The `*Out` serializers describe
the read shapes for the OpenAPI schema; the read path itself builds plain dicts.
"""

import copy

from django.core.exceptions import ValidationError as DjangoValidationError
from drf_spectacular.utils import extend_schema_field, extend_schema_serializer
from rest_framework import serializers

from core.dates import PARTIAL_DATE_PARTS, DateBasis, DatePrecision, PartialDate
from core.models import ReviewLevel
from core.money import Money, MoneyBasis, MoneyQualifier


class SlugReference(serializers.SlugRelatedField):
    """A related record by slug; text PostgreSQL cannot store (NUL) is simply not found."""

    def to_internal_value(self, data):
        if isinstance(data, str) and "\x00" in data:
            self.fail("does_not_exist", slug_name=self.slug_field, value=data.replace("\x00", ""))
        return super().to_internal_value(data)


class PartialDateOut(serializers.Serializer):
    date = serializers.DateField(
        allow_null=True, help_text="First day of the period; null when unknown."
    )
    precision = serializers.ChoiceField(choices=DatePrecision.choices)
    basis = serializers.ChoiceField(
        choices=DateBasis.choices,
        allow_null=True,
        help_text="Where the date comes from: stated in the cited text, inferred from it, or "
        "added by a curator from outside the cited sources; null when the date is unknown.",
    )
    note = serializers.CharField(
        allow_blank=True,
        help_text="For an inferred date, the excerpt it rests on; for a curator's date, "
        "where it comes from.",
    )
    inferred = serializers.BooleanField(
        help_text='Whether basis is "inferred" (kept for readers of the former shape).'
    )


class ReviewOut(serializers.Serializer):
    level = serializers.ChoiceField(
        choices=ReviewLevel.choices,
        help_text="machine: extracted from an article by machine and accepted by a curator; "
        "reviewed: checked by a curator against its cited sources; verified: checked against "
        "a primary source (a filing, a press release, a court docket).",
    )
    by = serializers.CharField(
        allow_null=True, help_text="The username of the curator who set the level, if any."
    )
    at = serializers.DateTimeField(allow_null=True, help_text="When the level was set.")


class MoneyOut(serializers.Serializer):
    amount = serializers.CharField(
        allow_null=True, help_text="A decimal number as text, never a float; null if not stated."
    )
    currency = serializers.CharField(allow_blank=True, help_text="ISO 4217 code.")
    qualifier = serializers.ChoiceField(choices=MoneyQualifier.choices)
    undisclosed = serializers.BooleanField()
    basis = serializers.ChoiceField(choices=MoneyBasis.choices)


class ReferenceOut(serializers.Serializer):
    slug = serializers.CharField()
    name = serializers.CharField()
    name_ar = serializers.CharField(allow_blank=True)
    url = serializers.URLField()


class ArticleReferenceOut(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField(allow_blank=True)
    url = serializers.URLField()


class CitationOut(serializers.Serializer):
    article = ArticleReferenceOut()
    excerpt = serializers.CharField(help_text="The article's words, verbatim.")
    supports = serializers.CharField(allow_blank=True)


class AliasOut(serializers.Serializer):
    name = serializers.CharField()
    language = serializers.CharField()
    is_primary = serializers.BooleanField()


@extend_schema_field(PartialDateOut)
class PartialDateField(serializers.Field):
    """A partial date in and out as {"date": "2025-08-01", "precision": "month", ...}."""

    def __init__(self, name: str, **kwargs):
        self.date_name = name
        kwargs.setdefault("required", False)
        super().__init__(source="*", **kwargs)

    def to_representation(self, instance):
        return getattr(instance, self.date_name).as_dict()

    def to_internal_value(self, data):
        try:
            return {self.date_name: PartialDate.from_dict(data)}
        except ValueError as error:
            raise serializers.ValidationError(str(error)) from None


@extend_schema_field(MoneyOut)
class MoneyField(serializers.Field):
    """Money in and out as {"amount": "14000000000", "currency": "USD", ...}."""

    def __init__(self, name: str = "value", **kwargs):
        self.money_name = name
        kwargs.setdefault("required", False)
        super().__init__(source="*", **kwargs)

    def to_representation(self, instance):
        return getattr(instance, self.money_name).as_dict()

    def to_internal_value(self, data):
        try:
            return {self.money_name: Money.from_dict(data)}
        except ValueError as error:
            raise serializers.ValidationError(str(error)) from None


class ModelRulesSerializer(serializers.ModelSerializer):
    """Runs the model's `full_clean()` on the would-be record: the admin's rules, as 400s."""

    version = serializers.IntegerField(read_only=True)

    def validate(self, attrs):
        attrs = super().validate(attrs)
        model = self.Meta.model
        related = {field.name for field in model._meta.many_to_many}
        candidate = copy.copy(self.instance) if self.instance is not None else model()
        for name, value in attrs.items():
            if name not in related and not isinstance(value, list):
                setattr(candidate, name, value)
        try:
            candidate.full_clean(exclude=related)
        except DjangoValidationError as error:
            raise serializers.ValidationError(api_field_errors(error)) from None
        return attrs


class ServiceWriteSerializer(ModelRulesSerializer):
    """Validates shapes and model rules; saving calls the record type's service.

    Subclasses implement `service_create(data)` and `service_update(record, data)`, which
    pass `self.user`, the change `self.reason` and, on update, `data["expected_version"]`
    (given by the view as `save(expected_version=…)`) to the service.
    """

    reason = ""

    @property
    def user(self):
        request = self.context.get("request")
        user = getattr(request, "user", None)
        return user if user is not None and user.is_authenticated else None

    def service_create(self, data: dict):
        raise NotImplementedError

    def service_update(self, record, data: dict):
        raise NotImplementedError

    def create(self, validated_data):
        return self.service_create(validated_data)

    def update(self, instance, validated_data):
        return self.service_update(instance, validated_data)


#: Model field names that the API shows under one composite field.
_COMPOSITE_SUFFIXES = {
    "date": tuple(f"_{part}" for part in PARTIAL_DATE_PARTS),
    "money": ("_amount", "_currency", "_qualifier", "_undisclosed", "_basis"),
}


def _api_field(field: str) -> str:
    if field == "__all__":
        return "non_field_errors"
    for suffix in _COMPOSITE_SUFFIXES["date"]:
        if field.endswith(suffix):
            return field.removesuffix(suffix)
    for suffix in _COMPOSITE_SUFFIXES["money"]:
        if field.startswith("value") and field.endswith(suffix):
            return "value"
    return field


def api_field_errors(error: DjangoValidationError) -> dict:
    """Django's validation error as the API's field messages (`announced_on` → `announced`)."""
    if not hasattr(error, "error_dict"):
        return {"non_field_errors": error.messages}
    detail = {}
    for field, messages in error.message_dict.items():
        detail.setdefault(_api_field(field), []).extend(messages)
    return detail


def keyset_page(serializer_class, name: str) -> type[serializers.Serializer]:
    """The schema of a keyset-paginated list of `serializer_class` records."""
    page = type(
        name,
        (serializers.Serializer,),
        {
            "next": serializers.URLField(allow_null=True, help_text="The next page, if any."),
            "first": serializers.URLField(help_text="The first page."),
            "results": serializer_class(many=True),
        },
    )
    return extend_schema_serializer(many=False)(page)
