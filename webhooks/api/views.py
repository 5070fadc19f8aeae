"""`/api/v1/webhooks/`: a token user's own subscriptions and their deliveries."""

from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import mixins, permissions, status, viewsets
from rest_framework.decorators import action
from rest_framework.renderers import BrowsableAPIRenderer
from rest_framework.response import Response

from core.api.renderers import ORJSONRenderer

from ..selectors import delivery_list, subscription_list
from ..services import subscription_create, subscription_delete
from . import serializers as s

SIGNED_IN = {
    401: OpenApiResponse(description="Authentication needed: send your token."),
}
OWN = {**SIGNED_IN, 404: OpenApiResponse(description="No subscription of yours has this id.")}


@extend_schema_view(
    list=extend_schema(responses={200: s.SubscriptionOut(many=True), **SIGNED_IN}),
    retrieve=extend_schema(responses={200: s.SubscriptionOut, **OWN}),
    create=extend_schema(
        request=s.SubscriptionIn,
        responses={
            201: OpenApiResponse(s.SubscriptionCreated, "Created; the secret is shown once."),
            **SIGNED_IN,
        },
    ),
    destroy=extend_schema(responses={204: None, **OWN}),
    deliveries=extend_schema(responses={200: s.DeliveryOut(many=True), **OWN}),
)
class WebhookViewSet(
    mixins.CreateModelMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.DestroyModelMixin,
    viewsets.GenericViewSet,
):
    """Webhook subscriptions: each matching change of the tracker (a new or changed
    record, a new citation) is POSTed to the subscription's URL, signed with its secret
    (see docs/webhooks.md). Every signed-in user sees and manages only their own."""

    permission_classes = [permissions.IsAuthenticated]
    renderer_classes = [ORJSONRenderer, BrowsableAPIRenderer]
    serializer_class = s.SubscriptionIn
    lookup_value_regex = r"[0-9]+"

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return subscription_list(owner=None).none()
        return subscription_list(owner=self.request.user)

    def get_serializer_class(self):
        if self.action == "create":
            return s.SubscriptionIn
        if self.action == "deliveries":
            return s.DeliveryOut
        return s.SubscriptionOut

    def create(self, request, *args, **kwargs):
        serializer = s.SubscriptionIn(data=request.data)
        serializer.is_valid(raise_exception=True)
        subscription = subscription_create(owner=request.user, **serializer.validated_data)
        answer = s.SubscriptionCreated(subscription, context=self.get_serializer_context())
        return Response(answer.data, status=status.HTTP_201_CREATED)

    def perform_destroy(self, instance):
        subscription_delete(subscription=instance)

    @action(detail=True, methods=["get"])
    def deliveries(self, request, pk=None):
        """Every delivery attempt of the subscription, newest first."""
        queryset = delivery_list(subscription=self.get_object())
        page = self.paginate_queryset(queryset)
        return self.get_paginated_response(s.DeliveryOut(page, many=True).data)
