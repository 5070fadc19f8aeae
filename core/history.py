"""Change history for every record, and reverting a record to an earlier version.

django-simple-history keeps one historical row per save and delete, with who, when and
the full state, so the admin can show field-by-field changes. Reverting a record
restores its own fields, its many-to-many links and the child rows that belong to it
(a deal's parties and citations, a lawsuit's parties, events and citations), each as it
was at the end of the chosen version.
"""

import datetime

from django.db import models, transaction
from simple_history.models import HistoricalRecords

from .versioning import version_lock

#: Fields a revert never copies back: identity, bookkeeping, the edit version.
NOT_REVERTED = {"id", "created_at", "updated_at", "version"}


def record_history(*m2m_fields: str) -> HistoricalRecords:
    """The history manager every tracked model declares as `history`."""
    return HistoricalRecords(m2m_fields=list(m2m_fields))


def version_last_record(historical):
    """The last history row of the same edit version: the state that edit ended in.

    One edit writes several rows (the save, then each many-to-many change), all with the
    same `version`; the last of them holds the complete result.
    """
    return (
        type(historical)
        .objects.filter(id=historical.id, version=historical.version)
        .latest("history_date")
    )


def version_end(historical) -> datetime.datetime | None:
    """When the version of `historical` stopped being current: just before the next one.

    Children saved in the same request as their parent (admin inlines) carry slightly
    later timestamps, so "the state of a version" is the state just before the next
    version's first row; None when it is still the current version.
    """
    following = (
        type(historical)
        .objects.filter(id=historical.id, version__gt=historical.version)
        .order_by("history_date")
        .values_list("history_date", flat=True)
        .first()
    )
    return None if following is None else following - datetime.timedelta(microseconds=1)


def _restore_children(record: models.Model, accessor: str, as_of) -> int:
    """Make `record`'s child rows under `accessor` what they were at `as_of`."""
    relation = record._meta.get_field(accessor)
    child_model, fk_name = relation.related_model, relation.field.name
    history = child_model.history
    then = history.as_of(as_of) if as_of else child_model.objects.all()
    then = {child.pk: child for child in then.filter(**{f"{fk_name}_id": record.pk})}
    current = child_model.objects.filter(**{fk_name: record})
    for child in current.exclude(pk__in=then.keys()):
        child.delete()
    for child in then.values():
        child.save()
        for grandchildren in getattr(child_model, "revert_children", ()):
            _restore_children(child, grandchildren, as_of)
    return len(then)


@transaction.atomic
def record_revert(*, record: models.Model, history_id: int, expected_version: int, user=None):
    """Restore `record` to its historical version `history_id`, children included.

    Refused with `EditConflict` if the record changed since the curator saw it at
    `expected_version`. The revert is itself a new version, recorded in history.
    """
    model = type(record)
    historical = version_last_record(model.history.get(history_id=history_id, id=record.pk))
    current_version = version_lock(record, expected_version)
    as_of = version_end(historical)
    for field in model._meta.concrete_fields:
        if field.name not in NOT_REVERTED:
            setattr(record, field.attname, getattr(historical, field.attname))
    record.version = current_version + 1
    record._history_user = user
    record._change_reason = (
        f"Reverted to the version of {historical.history_date:%Y-%m-%d %H:%M:%S}"
    )
    record.full_clean(validate_unique=False, validate_constraints=False)
    record.save()
    for field in historical._history_m2m_fields:
        related = field.m2m_reverse_field_name()
        then = getattr(historical, field.name).values_list(f"{related}_id", flat=True)
        getattr(record, field.name).set(list(then))
    for accessor in getattr(model, "revert_children", ()):
        _restore_children(record, accessor, as_of)
    return record
