"""Factories found by convention, for tests that cover every record type."""

from django.utils.module_loading import import_string

from core.records import RecordType


def record_factory(record: RecordType):
    """The factory of a record type: `<app>.tests.factories.<Model>Factory`."""
    app_label, model_name = record.model_label.split(".")
    return import_string(f"{app_label}.tests.factories.{model_name}Factory")
