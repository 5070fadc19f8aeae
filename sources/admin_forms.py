"""The forms of the proposal review pages: the payload to accept, a note, the record to
merge into, a refused payload's errors as lines for the form, and the queue's
confidence filter."""

from django import forms
from django.contrib import admin
from django.contrib.admin.widgets import AutocompleteSelect
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .models import Proposal
from .models.ingestion import REVIEW_THRESHOLD
from .services.review import RECORD_MODELS


class PayloadForm(forms.Form):
    payload = forms.JSONField(
        label=_("payload"),
        widget=forms.Textarea(
            attrs={"rows": 24, "cols": 100, "dir": "ltr", "class": "vLargeTextField"}
        ),
        help_text=_(
            "The record to create, as JSON. A company or person is named by "
            '{"name", "name_ar", "slug"}: a slug links a known record, a null slug creates it.'
        ),
    )


class NoteForm(forms.Form):
    note = forms.CharField(label=_("note"), max_length=500, required=False)


class RecordAutocomplete(AutocompleteSelect):
    """Autocomplete that re-renders a form whose submitted id was not a number."""

    def optgroups(self, name, value, attr=None):
        return super().optgroups(name, [v for v in value if str(v).isdigit()], attr)


def merge_form(kind: str, admin_site):
    """A form choosing the existing record of the proposal's kind, with autocomplete."""
    model = RECORD_MODELS[kind]
    field = Proposal._meta.get_field(kind)

    class MergeForm(NoteForm):
        into = forms.ModelChoiceField(
            label=_("merge into"),
            queryset=model.objects.all(),
            widget=RecordAutocomplete(field, admin_site),
        )

    return MergeForm


def _lines(detail, prefix: str = "") -> list[str]:
    if isinstance(detail, dict):
        return [
            line
            for key, value in detail.items()
            for line in _lines(value, f"{prefix}.{key}" if prefix else str(key))
        ]
    if isinstance(detail, list):
        return [line for item in detail for line in _lines(item, prefix)]
    return [f"{prefix}: {detail}" if prefix else str(detail)]


def error_lines(error: ValidationError) -> list[str]:
    """A validation error's nested detail as readable lines ("parties[0]: …")."""
    return _lines(error.message_dict if hasattr(error, "error_dict") else error.messages)


class ConfidenceFilter(admin.SimpleListFilter):
    """The queue shows the proposals likely to be right unless asked for all: below
    `REVIEW_THRESHOLD` most proposals on the labelled articles were junk."""

    title = _("confidence")
    parameter_name = "likely"

    def lookups(self, request, model_admin):
        return [
            ("yes", _("likely (%(threshold)s or more)") % {"threshold": f"{REVIEW_THRESHOLD:.0%}"}),
            ("no", _("unlikely (below %(threshold)s)") % {"threshold": f"{REVIEW_THRESHOLD:.0%}"}),
            ("all", _("all")),
        ]

    def value(self):
        return super().value() or "yes"

    def choices(self, changelist):
        for lookup, title in self.lookup_choices:
            yield {
                "selected": self.value() == lookup,
                "query_string": changelist.get_query_string({self.parameter_name: lookup}),
                "display": title,
            }

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(confidence__gte=REVIEW_THRESHOLD)
        if self.value() == "no":
            return queryset.filter(confidence__lt=REVIEW_THRESHOLD)
        return queryset
