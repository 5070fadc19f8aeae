"""Factories found by convention, for tests that cover every record type."""

import factory
from django.utils.module_loading import import_string

from core.records import RecordType


def record_factory(record: RecordType):
    """The factory of a record type: `<app>.tests.factories.<Model>Factory`."""
    app_label, model_name = record.model_label.split(".")
    return import_string(f"{app_label}.tests.factories.{model_name}Factory")


def linked(field: str, default: list | None = None) -> factory.PostGeneration:
    """A factory declaration setting the many-to-many `field` to what a test passes
    (`DealFactory(kinds=["licensing"])`), else to `default`."""

    def set_links(record, create, extracted, **kwargs):
        if create and (extracted or default):
            getattr(record, field).set(extracted or default)

    return factory.PostGeneration(set_links)
