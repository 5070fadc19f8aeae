"""Serializer pieces shared by the resources.

Write serializers validate with the model's own rules (`full_clean`), so the API refuses
exactly what the admin refuses, with field messages. The `*Out` serializers describe
the read shapes for the OpenAPI schema; the read path itself builds plain dicts.
"""

import copy
import datetime
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError as DjangoValidationError
from drf_spectacular.utils import extend_schema_field, extend_schema_serializer
from rest_framework import serializers

from core.dates import DatePrecision, PartialDate
from core.money import MoneyBasis, MoneyQualifier


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
    inferred = serializers.BooleanField(help_text="Implied by the source rather than stated.")


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
        value = getattr(instance, self.date_name)
        return {
            "date": value.date.isoformat() if value.date else None,
            "precision": value.precision,
            "inferred": value.inferred,
        }

    def to_internal_value(self, data):
        if not isinstance(data, dict):
            raise serializers.ValidationError(
                'Give an object such as {"date": "2025-08-01", "precision": "month"}.'
            )
        unknown = set(data) - {"date", "precision", "inferred"}
        if unknown:
            raise serializers.ValidationError(f"Unknown keys: {', '.join(sorted(unknown))}.")
        raw_date, precision = data.get("date"), data.get("precision")
        if precision is None:
            precision = DatePrecision.DAY if raw_date else DatePrecision.UNKNOWN
        if precision not in DatePrecision.values:
            raise serializers.ValidationError(
                f"precision must be one of {', '.join(DatePrecision.values)}."
            )
        inferred = data.get("inferred", False)
        if not isinstance(inferred, bool):
            raise serializers.ValidationError("inferred must be true or false.")
        try:
            day = datetime.date.fromisoformat(raw_date) if raw_date else None
            value = PartialDate(day, precision, inferred)
        except (TypeError, ValueError) as error:
            raise serializers.ValidationError(
                f"{error}. Give date as YYYY-MM-DD (the first day of a month or year) or null."
            ) from None
        return {
            f"{self.date_name}_on": value.date,
            f"{self.date_name}_precision": value.precision,
            f"{self.date_name}_inferred": value.inferred,
        }


@extend_schema_field(MoneyOut)
class MoneyField(serializers.Field):
    """Money in and out as {"amount": "14000000000", "currency": "USD", ...}."""

    def __init__(self, name: str = "value", **kwargs):
        self.money_name = name
        kwargs.setdefault("required", False)
        super().__init__(source="*", **kwargs)

    def to_representation(self, instance):
        value = getattr(instance, self.money_name)
        return {
            "amount": None if value.amount is None else f"{value.amount.normalize():f}",
            "currency": value.currency,
            "qualifier": value.qualifier,
            "undisclosed": value.undisclosed,
            "basis": value.basis,
        }

    def to_internal_value(self, data):
        if not isinstance(data, dict):
            raise serializers.ValidationError(
                'Give an object such as {"amount": "14000000000", "currency": "USD"}.'
            )
        unknown = set(data) - {"amount", "currency", "qualifier", "undisclosed", "basis"}
        if unknown:
            raise serializers.ValidationError(f"Unknown keys: {', '.join(sorted(unknown))}.")
        amount = data.get("amount")
        if isinstance(amount, float):
            raise serializers.ValidationError(
                'Send the amount as text ("14000000000"), not a float.'
            )
        try:
            amount = None if amount in (None, "") else Decimal(str(amount))
        except InvalidOperation:
            raise serializers.ValidationError(f"{amount!r} is not a number.") from None
        if amount is not None and not amount.is_finite():
            raise serializers.ValidationError("The amount must be a finite number.")
        choices = {"qualifier": MoneyQualifier.values, "basis": MoneyBasis.values}
        for key, allowed in choices.items():
            if key in data and data[key] not in allowed:
                raise serializers.ValidationError(f"{key} must be one of {', '.join(allowed)}.")
        undisclosed = data.get("undisclosed", False)
        if not isinstance(undisclosed, bool):
            raise serializers.ValidationError("undisclosed must be true or false.")
        currency = data.get("currency") or ""
        if not isinstance(currency, str):
            raise serializers.ValidationError("currency must be text, such as USD.")
        name = self.money_name
        return {
            f"{name}_amount": amount,
            f"{name}_currency": currency,
            f"{name}_qualifier": data.get("qualifier", MoneyQualifier.EXACT),
            f"{name}_undisclosed": undisclosed,
            f"{name}_basis": data.get("basis", MoneyBasis.TOTAL),
        }


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
            raise serializers.ValidationError(_as_drf(error)) from None
        return attrs


def _as_drf(error: DjangoValidationError):
    if not hasattr(error, "error_dict"):
        return {"non_field_errors": error.messages}
    detail = {}
    for field, messages in error.message_dict.items():
        key = "non_field_errors" if field == "__all__" else field
        for prefix in ("_on", "_precision", "_inferred"):
            if key.endswith(prefix):
                key = key.removesuffix(prefix)
        for part in ("_amount", "_currency", "_qualifier", "_undisclosed", "_basis"):
            if key.startswith("value") and key.endswith(part):
                key = "value"
        detail.setdefault(key, []).extend(messages)
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
