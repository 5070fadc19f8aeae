"""What the webhooks API accepts and answers."""

from rest_framework import serializers

from ..models import KIND_CHOICES, Delivery, Subscription


class SubscriptionIn(serializers.Serializer):
    """A new subscription: where to POST, and which changes."""

    url = serializers.CharField(
        max_length=500, help_text="The http or https URL events are POSTed to."
    )
    kinds = serializers.ListField(
        child=serializers.ChoiceField(choices=KIND_CHOICES),
        required=False,
        default=list,
        max_length=len(KIND_CHOICES),
        help_text="Record kinds to follow; empty or absent follows every kind.",
    )
    companies = serializers.ListField(
        child=serializers.SlugField(max_length=200, allow_unicode=True),
        required=False,
        default=list,
        max_length=100,
        help_text="Slugs of companies whose records to follow; empty follows all.",
    )


class SubscriptionOut(serializers.ModelSerializer):
    deliveries_url = serializers.HyperlinkedIdentityField(
        view_name="api:webhooks-deliveries", help_text="The deliveries of this subscription."
    )

    class Meta:
        model = Subscription
        fields = [
            "id",
            "url",
            "kinds",
            "companies",
            "is_active",
            "failure_count",
            "disabled_at",
            "disabled_reason",
            "created_at",
            "deliveries_url",
        ]
        read_only_fields = fields


class SubscriptionCreated(SubscriptionOut):
    """The new subscription with its secret: shown in this answer only, keep it."""

    secret = serializers.CharField(
        read_only=True, help_text="Verifies X-Tracker-Signature; never shown again."
    )

    class Meta(SubscriptionOut.Meta):
        fields = [*SubscriptionOut.Meta.fields, "secret"]
        read_only_fields = fields


class DeliveryOut(serializers.ModelSerializer):
    class Meta:
        model = Delivery
        fields = [
            "id",
            "event_id",
            "event_type",
            "payload",
            "attempt",
            "status_code",
            "response_excerpt",
            "error",
            "created_at",
            "sent_at",
            "finished_at",
        ]
        read_only_fields = fields
