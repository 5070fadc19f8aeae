"""The bookkeeping every write of a tracked record shares, in one step.

Each record type's services (`companies.services`, `deals.services`) call `record_edit`
to save: it locks the row and checks the version the editor loaded, bumps the version,
validates with the model's rules, records who and why in the history (and, for a
record with a review level, who set the level and when it changed), sets
many-to-many links, and keeps an old slug answering with a redirect. Nothing else
saves a tracked record, so these rules hold on every path (admin, API, import, seed,
accepted proposals).

Once the transaction that saved a record commits, `record_changed` is sent with the
names of the fields whose values changed (citations send it from `citation_add`):
apps above `core` (webhooks) listen to it; nothing is sent for a rolled-back write.
"""

from functools import partial

from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.dispatch import Signal
from django.utils.translation import gettext as _

from .models import Reviewed, slug_redirect_add
from .versioning import version_lock


def _apply(record: models.Model, fields: dict) -> None:
    """Set plain fields and the composite ones (a partial date, money) by property."""
    names = {field.name for field in record._meta.concrete_fields}
    for name, value in fields.items():
        if name not in names and not isinstance(getattr(type(record), name, None), property):
            raise ValueError(f"{type(record).__name__} has no field {name!r}.")
        setattr(record, name, value)


#: Sent after the commit of a record's save (`sender` its model) with `record`, `created`
#: and `changed`: the names of the fields and links whose values changed.
record_changed = Signal()

#: Bookkeeping fields every save changes, never reported as changes.
UNREPORTED = {"version", "updated_at", "created_at"}


def change_announce(record: models.Model, *, created: bool, changed: list[str]) -> None:
    """Send `record_changed` once the current transaction commits (at once without one)."""
    transaction.on_commit(
        partial(
            record_changed.send,
            sender=type(record),
            record=record,
            created=created,
            changed=changed,
        ),
        # A listener's failure is logged: it must not turn a committed write into an error.
        robust=True,
    )


def _compared_fields(record: models.Model) -> list[models.Field]:
    return [
        field
        for field in record._meta.concrete_fields
        if field.name not in UNREPORTED and not getattr(field, "generated", False)
    ]


def _stored_values(record: models.Model) -> dict:
    """The stored row's values of the fields a change is reported for ({} for a new row)."""
    if record._state.adding:
        return {}
    attnames = [field.attname for field in _compared_fields(record)]
    return type(record)._default_manager.filter(pk=record.pk).values(*attnames).first() or {}


def _changed_fields(record: models.Model, stored: dict) -> list[str]:
    return [
        field.name
        for field in _compared_fields(record)
        if field.attname in stored and stored[field.attname] != getattr(record, field.attname)
    ]


def _changed_links(record: models.Model, links: dict) -> list[str]:
    """Set the many-to-many `links`; the names of those whose members changed."""
    changed = []
    for name, values in links.items():
        if values is None:
            continue
        manager = getattr(record, name)
        before = set(manager.values_list("pk", flat=True))
        manager.set(values)
        if before != {getattr(value, "pk", value) for value in values}:
            changed.append(name)
    return changed


#: Saves tried before a slug another save keeps taking first is reported as an error.
SLUG_ATTEMPTS = 25


def _slug_taken(record: models.Model) -> bool:
    manager = type(record)._default_manager
    return manager.filter(slug=record.slug).exclude(pk=record.pk).exists()


def _save_with_unique_slug(record: models.Model) -> None:
    """Save `record`; a slug another transaction took meanwhile is made again.

    The model picks a free slug before inserting, but a simultaneous save of the same
    name can pick it too: the unique index refuses the second insert once the first
    commits. The insert is retried in a savepoint with a slug picked again, which now
    sees the committed one. A slug the editor chose is reported as a field error.
    """
    slugged = any(field.name == "slug" for field in record._meta.concrete_fields)
    generated = slugged and not record.slug
    for _attempt in range(SLUG_ATTEMPTS):
        try:
            with transaction.atomic():
                record.save()
            return
        except IntegrityError:
            if not slugged or not _slug_taken(record):
                raise
            if not generated:
                raise ValidationError(
                    {"slug": [record.unique_error_message(type(record), ["slug"])]}
                ) from None
            record.slug = ""
    raise ValidationError({"slug": [_("No free slug was found for this name: try again.")]})


@transaction.atomic
def record_edit(
    *,
    record: models.Model,
    fields: dict | None = None,
    links: dict | None = None,
    expected_version: int | None = None,
    user=None,
    reason: str = "",
) -> models.Model:
    """Save `record` (new or existing) with `fields` and many-to-many `links` applied
    (a link given as None is left as it is).

    An existing record is locked and its version compared with `expected_version`
    (None skips the comparison): a mismatch raises `EditConflict` and nothing changes.
    Model rules (`full_clean`) raise Django's `ValidationError`. A changed slug leaves
    a redirect from the old one.
    """
    model = type(record)
    adding = record._state.adding
    stored = _stored_values(record)
    old_slug = stored.get("slug") or ""
    _apply(record, fields or {})
    if isinstance(record, Reviewed):
        record.review_stamp(stored_level=stored.get("review"), user=user)
    if adding:
        record.version = 1
    else:
        record.version = version_lock(record, expected_version) + 1
    record._history_user = user
    record._change_reason = reason or None
    record.full_clean(exclude=[field.name for field in model._meta.many_to_many])
    _save_with_unique_slug(record)
    changed = _changed_fields(record, stored) + _changed_links(record, links or {})
    if old_slug and record.slug != old_slug:
        slug_redirect_add(record, old_slug)
    if adding or changed:
        change_announce(record, created=adding, changed=[] if adding else changed)
    return record


def record_adopt(record: models.Model, saved: models.Model) -> None:
    """Make the unsaved `record` an edge built (an admin form's, an import row's) the row a
    service saved: its id, slug and version, so the edge goes on with the saved record."""
    for field in record._meta.concrete_fields:
        setattr(record, field.attname, getattr(saved, field.attname))
    record._state.adding = False
    record._state.db = saved._state.db


def field_errors(error: ValidationError, field: str, prefix: str = "") -> ValidationError:
    """`error` reported under one `field`, each message led by `prefix` and its own field.

    A child row's problems ("Citation 2: excerpt: …") are shown on the parent's form or
    API field that holds the rows.
    """
    if hasattr(error, "error_dict"):
        messages = [
            message if name == "__all__" else f"{name}: {message}"
            for name, name_messages in error.message_dict.items()
            for message in name_messages
        ]
    else:
        messages = error.messages
    return ValidationError({field: [f"{prefix}: {m}" if prefix else m for m in messages]})


class RecordServices:
    """The services that write one record type, found by the `entity_action` naming rule.

    `service_module` is the app's services module and `record_arg` the name the update
    service takes the record under, so `deal_create(...)` and `deal_update(deal=...)` are
    found without listing them; `record_name` and `create_action` cover services named
    otherwise (`lawsuit_event_add(...)`, `lawsuit_event_update(event=...)`).
    """

    service_module = None
    record_arg = ""
    record_name = ""
    create_action = "create"

    def _service(self, action: str):
        return getattr(self.service_module, f"{self.record_name or self.record_arg}_{action}")

    def create_service(self, **arguments):
        return self._service(self.create_action)(**arguments)

    def update_service(self, record, **arguments):
        return self._service("update")(**{self.record_arg: record}, **arguments)
