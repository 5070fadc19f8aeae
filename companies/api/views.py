from core.api.views import WritableRecordViewSet, viewset_of


def record_viewset(record_type) -> type[WritableRecordViewSet]:
    """Companies, people and products, in name order (`core.api.views.viewset_of`)."""
    return viewset_of(
        record_type.model,
        WritableRecordViewSet,
        queryset=record_type.model.objects.order_by("name", "id"),
    )
