"""Optimistic locking: an edit based on an outdated version is refused, not applied.

Every editing path (admin form, API) carries the `version` the editor loaded. Before
saving, `version_lock` locks the row and compares; a mismatch raises `EditConflict`
listing who changed what since, so the editor can reload and apply their change again.
"""

import itertools

from django.db import models
from django.utils.translation import gettext as _


class EditConflict(Exception):
    """The record changed since the editor loaded it."""

    def __init__(self, record: models.Model, loaded_version: int, current_version: int):
        self.record = record
        self.loaded_version = loaded_version
        self.current_version = current_version
        super().__init__(self.message())

    def changes(self) -> list[str]:
        """One line per save since the loaded version: who, when, which fields."""
        history = getattr(type(self.record), "history", None)
        if history is None:
            return []
        records = list(
            history.filter(id=self.record.pk, version__gte=self.loaded_version)
            .select_related("history_user")
            .order_by("history_date")
        )
        lines = []
        for previous, current in itertools.pairwise(records):
            delta = current.diff_against(previous, foreign_keys_are_objs=False)
            if not delta.changes:
                continue
            fields = ", ".join(
                _("%(field)s: %(old)s → %(new)s")
                % {
                    "field": type(self.record)._meta.get_field(change.field).verbose_name,
                    "old": _display(change.old),
                    "new": _display(change.new),
                }
                for change in delta.changes
            )
            lines.append(
                _("%(who)s at %(when)s changed %(fields)s")
                % {
                    "who": current.history_user or _("someone"),
                    "when": f"{current.history_date:%Y-%m-%d %H:%M:%S} UTC",
                    "fields": fields,
                }
            )
        return lines

    def message(self) -> str:
        text = _(
            "This %(model)s was changed by someone else while you were editing it "
            "(you loaded version %(loaded)s; it is now version %(current)s), so your "
            "changes were not saved. Reload it, then make your change again."
        ) % {
            "model": type(self.record)._meta.verbose_name,
            "loaded": self.loaded_version,
            "current": self.current_version,
        }
        changes = self.changes()
        if changes:
            text += " " + _("Changes since: %(changes)s.") % {"changes": "; ".join(changes)}
        return text


def _display(value) -> str:
    if value in (None, ""):
        return "—"
    if isinstance(value, list):
        return ", ".join(str(item) for item in value) or "—"
    return str(value)


def version_lock(record: models.Model, expected_version: int | None) -> int:
    """Lock `record`'s row for this transaction and return its current version.

    Raises `EditConflict` when `expected_version` is not the current one. Call it inside
    `transaction.atomic()`, before saving with `version = current + 1`.
    """
    current = (
        type(record)
        ._default_manager.select_for_update()
        .filter(pk=record.pk)
        .values_list("version", flat=True)
        .get()
    )
    if expected_version is not None and expected_version != current:
        raise EditConflict(record, expected_version, current)
    return current
