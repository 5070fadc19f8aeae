"""Import/export pieces shared by the domain apps' resources (django-import-export)."""

from django.core.exceptions import ValidationError
from import_export import fields, resources, widgets
from import_export.formats.base_formats import CSV

from .dates import DateBasis, PartialDate
from .editing import RecordServices, record_adopt
from .spreadsheet import escape_cell, unescape_cell
from .versioning import EditConflict

IMPORT_REASON = "Imported from a file"


class SafeCSV(CSV):
    """CSV whose cells a spreadsheet will not run as formulas, read back to the same values.

    Export escapes each cell with `core.spreadsheet.escape_cell`; import undoes it, so a
    file exported here imports unchanged (JSON needs neither: no spreadsheet runs it).
    """

    def export_data(self, dataset, **kwargs):
        return _map_cells(dataset, escape_cell).export(self.get_title(), **kwargs)

    def create_dataset(self, in_stream, **kwargs):
        return _map_cells(super().create_dataset(in_stream, **kwargs), unescape_cell)


def _map_cells(dataset, function):
    """A copy of `dataset` with `function` applied to every cell (headers stay as they are)."""
    mapped = dataset.__class__(headers=dataset.headers)
    for row in dataset:
        mapped.append([function(cell) for cell in row])
    return mapped


class PartialDateField(fields.Field):
    """A partial date as one column: "2025-08-22", "2025-08", "2025-Q3", "2025" or empty.

    Reads and writes the model's `<name>` property; a trailing "?" marks an inferred
    date. The column carries no note, so a row that keeps a record's date and its mark
    keeps the record's basis and note (a curator's date stays one on a round trip).
    """

    def __init__(self, name: str, **kwargs):
        super().__init__(attribute=name, column_name=name, **kwargs)

    def clean(self, row, **kwargs):
        text = (row.get(self.column_name) or "").strip()
        basis = DateBasis.INFERRED if text.endswith("?") else DateBasis.STATED
        return PartialDate.parse(text.rstrip("?"), basis=basis)

    def get_value(self, instance):
        value = getattr(instance, self.attribute)
        return value.isoformat() + ("?" if value.is_known and value.inferred else "")

    def save(self, instance, row, is_m2m=False, **kwargs):
        value, current = self.clean(row), getattr(instance, self.attribute)
        unchanged = (value.date, value.precision, value.inferred) == (
            current.date,
            current.precision,
            current.inferred,
        )
        setattr(instance, self.attribute, current if unchanged else value)


class CodesWidget(widgets.ManyToManyWidget):
    """Kinds and claims as codes separated by "|" ("partnership|licensing")."""

    def __init__(self, model):
        super().__init__(model, separator="|", field="pk")

    def clean(self, value, row=None, **kwargs):
        codes = [code.strip() for code in str(value or "").split(self.separator) if code.strip()]
        known = set(self.model.objects.filter(pk__in=codes).values_list("pk", flat=True))
        unknown = [code for code in codes if code not in known]
        if unknown:
            choices = ", ".join(self.model.objects.values_list("pk", flat=True))
            raise ValueError(f"Unknown code(s) {', '.join(unknown)}; use: {choices}.")
        return self.model.objects.filter(pk__in=codes)


class SlugsWidget(widgets.ManyToManyWidget):
    """Related records by slug separated by "|", refusing slugs that do not exist."""

    def __init__(self, model):
        super().__init__(model, separator="|", field="slug")

    def clean(self, value, row=None, **kwargs):
        slugs = [slug.strip() for slug in str(value or "").split(self.separator) if slug.strip()]
        found = self.model.objects.filter(slug__in=slugs)
        missing = sorted(set(slugs) - {record.slug for record in found})
        if missing:
            label = self.model._meta.verbose_name
            raise ValueError(f"No {label} with slug {', '.join(missing)}.")
        return found


class SlugWidget(widgets.ForeignKeyWidget):
    """A related record by slug, with a sentence when it does not exist."""

    def __init__(self, model):
        super().__init__(model, field="slug")

    def clean(self, value, row=None, **kwargs):
        if not value:
            return None
        try:
            return super().clean(value, row, **kwargs)
        except self.model.DoesNotExist:
            raise ValueError(f"No {self.model._meta.verbose_name} with slug {value!r}.") from None


def row_version(row) -> int | None:
    """The `version` a row was exported at; None when the file has no such column (or the
    cell is empty, as for a new record)."""
    value = row.get("version")
    if value is None or str(value).strip() == "":
        return None
    text = str(value).strip()
    if not (text.isascii() and text.isdigit()):
        raise ValidationError({"version": ["A version is a whole number, as exported."]})
    return int(text)


def stale_row_error(instance) -> ValidationError:
    """The row was exported before the record's latest edit: importing it would undo it."""
    conflict = EditConflict(instance, instance._import_version, instance.version)
    message = (
        f"This row was exported at version {conflict.loaded_version}, but the record is now "
        f"at version {conflict.current_version}: importing it would undo the changes since. "
        "Export again and make your change in the new file."
    )
    changes = conflict.changes()
    if changes:
        message += f" Changes since: {'; '.join(changes)}."
    return ValidationError({"version": [message]})


class TrackedResource(resources.ModelResource):
    """Validates every row with the model's rules and counts an import as an edit.

    Bad values in many-to-many columns are reported as the row's validation errors like
    any other field, instead of failing later when the links are saved. Exports carry
    each record's `version`; a row that names an older version than the record's is
    refused, as a stale admin form or API update is.
    """

    version = fields.Field(
        attribute="version",
        column_name="version",
        readonly=True,
        widget=widgets.IntegerWidget(coerce_to_string=False),
    )

    def import_instance(self, instance, row, **kwargs):
        errors = {}
        try:
            instance._import_version = row_version(row)
            super().import_instance(instance, row, **kwargs)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        if self._is_stale(instance):
            errors = stale_row_error(instance).update_error_dict(errors)
        for field in self.get_import_fields():
            if isinstance(field.widget, widgets.ManyToManyWidget) and field.column_name in row:
                try:
                    field.clean(row)
                except ValueError as error:
                    errors.setdefault(field.attribute, []).append(str(error))
        if errors:
            raise ValidationError(errors)

    @staticmethod
    def _is_stale(instance) -> bool:
        loaded = getattr(instance, "_import_version", None)
        return instance.pk is not None and loaded is not None and loaded != instance.version

    def before_save_instance(self, instance, row, **kwargs):
        if instance.pk is not None:
            instance.version += 1
        instance._change_reason = IMPORT_REASON

    class Meta:
        clean_model_instances = True
        use_transactions = True


class ServiceResource(RecordServices, TrackedResource):
    """Rows saved by the record type's services, with their links (and parties).

    Only the columns a file has are changed: a missing column leaves that field, those
    links or those parties as they are; a present one replaces them, as in the API.
    Subclasses name their services (`RecordServices`) and may add arguments in
    `service_arguments`.
    """

    def service_arguments(self, instance, row) -> dict:
        return {}

    def _row_arguments(self, instance, row) -> dict:
        arguments = {}
        for field in self.get_import_fields():
            if field.column_name not in row or not field.attribute or field.readonly:
                continue
            if isinstance(field.widget, widgets.ManyToManyWidget):
                arguments[field.attribute] = list(field.clean(row))
            elif field.attribute != "parties":
                arguments[field.attribute] = getattr(instance, field.attribute)
        return arguments

    def save_instance(self, instance, is_create, row, **kwargs):
        arguments = {
            **self._row_arguments(instance, row),
            **self.service_arguments(instance, row),
            "reason": IMPORT_REASON,
            "user": kwargs.get("user"),
        }
        if is_create:
            saved = self.create_service(**arguments)
        else:
            expected = getattr(instance, "_import_version", None)
            saved = self.update_service(instance, expected_version=expected, **arguments)
        record_adopt(instance, saved)

    def save_m2m(self, instance, row, **kwargs):
        """Nothing: the service set the links with the record."""
