"""Admin building blocks every domain app's admin uses.

`TrackedAdmin` gives a model change history with revert (children included), refuses a
save based on an outdated version, and can warn when a record is saved without a
citation. The list filters and the alias-aware search are shared here too.
"""

from datetime import MAXYEAR, MINYEAR

from axes import admin as axes_admin
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import flatten_fieldsets, unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, models
from django.db.models import Count
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from .editing import RecordServices, record_adopt
from .history import record_revert, version_end, version_last_record
from .models import SlugRedirect, slug_redirect_add
from .versioning import EditConflict, version_lock


class NulSafeChangelist:
    """A list address with a NUL in a parameter drops that parameter, with a message.

    PostgreSQL refuses NUL in text, so a filter or search value holding one would make
    the list's query fail; no stored value can contain it anyway.
    """

    def changelist_view(self, request, extra_context=None):
        kept = request.GET.copy()
        for key, values in request.GET.lists():
            if "\x00" in key or any("\x00" in value for value in values):
                del kept[key]
        if len(kept) == len(request.GET):
            return super().changelist_view(request, extra_context)
        self.message_user(
            request,
            _("A filter or search value contained a NUL character and was removed."),
            messages.ERROR,
        )
        query = kept.urlencode()
        return HttpResponseRedirect(f"{request.path}?{query}" if query else request.path)


class TrackedAdminForm(forms.ModelForm):
    """Carries the version the curator loaded; a save based on an older one, or sent
    without one, is refused."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "version" in self.fields:
            self.fields["version"].widget = forms.HiddenInput()
            self.fields["version"].required = False

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk is None or self.instance._state.adding:
            return cleaned
        if "version" in self.fields and cleaned.get("version") is None:
            # Without it the edit could not be checked and would overwrite any newer one.
            raise ValidationError(
                _(
                    "This page did not send the version of the record it shows, so your "
                    "changes could not be checked against newer ones and were not saved: "
                    "reload the page, then make your change again."
                ),
                code="version_missing",
            )
        try:
            version_lock(self.instance, cleaned.get("version"))
        except EditConflict as conflict:
            raise ValidationError(conflict.message(), code="edit_conflict") from conflict
        return cleaned


#: Text fields always written in Latin letters, whatever the interface's direction.
_LATIN_ONLY_SUFFIXES = ("_currency", "_code", "key", "jurisdiction", "country")


def text_direction(db_field) -> str | None:
    """The `dir` of a text input: `ltr` for slugs, addresses, codes and keys (in the Arabic
    admin their start was clipped), `rtl` for Arabic fields (`*_ar`), `auto` for the rest,
    so a name shows in its own script's direction; None for a field that is not text."""
    if isinstance(db_field, models.SlugField | models.URLField | models.EmailField):
        return "ltr"
    if not isinstance(db_field, models.CharField | models.TextField) or db_field.choices:
        return None
    if db_field.name.endswith(_LATIN_ONLY_SUFFIXES):
        return "ltr"
    return "rtl" if db_field.name.endswith("_ar") else "auto"


class TextDirectionMixin:
    """Form fields of an admin (or inline) carry the `dir` their script needs."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        direction = text_direction(db_field)
        if formfield is not None and direction:
            formfield.widget.attrs.setdefault("dir", direction)
        return formfield


class TrackedAdmin(TextDirectionMixin, NulSafeChangelist, SimpleHistoryAdmin):
    """Admin for a `TrackedModel`: history, revert, optimistic locking, citation warning."""

    form = TrackedAdminForm
    object_history_form_template = "admin/core/revert_confirmation.html"
    #: Warn (without blocking) when the record is saved with no citation.
    warn_without_citation = False

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if "version" in flatten_fieldsets(fieldsets):
            return fieldsets
        (name, options), *rest = fieldsets
        return [(name, {**options, "fields": [*options["fields"], "version"]}), *rest]

    def save_model(self, request, obj, form, change):
        if change:
            loaded = form.cleaned_data.get("version")
            obj.version = (loaded if loaded is not None else obj.version) + 1
        elif obj.version is None:
            obj.version = 1
        super().save_model(request, obj, form, change)
        old_slug = form.initial.get("slug")
        if change and old_slug and "slug" in form.changed_data:
            slug_redirect_add(obj, old_slug)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        self.warn_if_uncited(request, form.instance)

    def warn_if_uncited(self, request, record) -> None:
        if self.warn_without_citation and not record.citations.exists():
            self.message_user(
                request,
                _(
                    "“%(record)s” has no citation yet. Add the article excerpt that states "
                    "it, so readers can check it."
                )
                % {"record": record},
                messages.WARNING,
            )

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        """Confirm and perform a revert to one version, children included."""
        record = self.get_object(request, unquote(object_id))
        if record is None or not (version_id.isascii() and version_id.isdigit()):
            raise Http404
        if not self.has_change_permission(request, record):
            raise PermissionDenied
        historical = self.model.history.filter(id=record.pk, history_id=version_id).first()
        if historical is None:
            raise Http404
        historical = version_last_record(historical)
        opts = self.model._meta
        history_url = reverse(f"admin:{opts.app_label}_{opts.model_name}_history", args=[record.pk])
        if request.method == "POST":
            version = request.POST.get("version", "")
            if not (version.isascii() and version.isdigit()):
                self.message_user(
                    request, _("The page was out of date: open the revert again."), messages.ERROR
                )
                return HttpResponseRedirect(history_url)
            try:
                record_revert(
                    record=record,
                    history_id=historical.history_id,
                    expected_version=int(version),
                    user=request.user,
                )
            except EditConflict as conflict:
                self.message_user(request, conflict.message(), messages.ERROR)
                return HttpResponseRedirect(history_url)
            except (ValidationError, IntegrityError) as error:
                details = "; ".join(getattr(error, "messages", [str(error)]))
                self.message_user(
                    request,
                    _(
                        "This version cannot be restored: it refers to records that no longer "
                        "exist or conflict with current ones (%(details)s). Nothing was changed."
                    )
                    % {"details": details},
                    messages.ERROR,
                )
                return HttpResponseRedirect(history_url)
            self.message_user(
                request,
                _("“%(record)s” was reverted to its version of %(when)s.")
                % {"record": record, "when": f"{historical.history_date:%Y-%m-%d %H:%M:%S}"},
                messages.SUCCESS,
            )
            return HttpResponseRedirect(
                reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[record.pk])
            )
        current = self.model.history.filter(id=record.pk).order_by("-history_date").first()
        delta = current.diff_against(historical, foreign_keys_are_objs=True) if current else None
        context = {
            **self.admin_site.each_context(request),
            "title": _("Revert %(record)s") % {"record": record},
            "opts": opts,
            "original": record,
            "historical": historical,
            "version_end": version_end(historical),
            "changes": delta.changes if delta else [],
            "history_url": history_url,
            "children": [
                (record._meta.get_field(name).related_model._meta.verbose_name_plural, name)
                for name in getattr(self.model, "revert_children", ())
            ],
            **(extra_context or {}),
        }
        return TemplateResponse(request, self.object_history_form_template, context)


#: A reviewed record's fields in its admin form: the level a curator sets, and who set it
#: and when (stamped by `core.editing.record_edit`, shown read-only).
REVIEW_STAMP = ("review_by", "review_at")
REVIEW_FIELDS = ["review", *REVIEW_STAMP]


class ServiceAdmin(RecordServices, TrackedAdmin):
    """Admin whose records are written by their record type's services.

    The record, its many-to-many links and the children its service owns (the inline
    models in `service_inlines`, such as a deal's parties) are saved in one service call
    from `save_related`; the other inlines (aliases, citations) are saved as usual after
    it. Subclasses name their services (`RecordServices`) and may add arguments from the
    inlines in `service_arguments`.
    """

    service_inlines: tuple = ()

    def save_model(self, request, obj, form, change):
        """Nothing yet: `save_related` saves the record with its links and children."""

    def service_arguments(self, request, form, formsets) -> dict:
        """Arguments the service takes from the inlines it owns (parties, say)."""
        return {}

    def _fields_and_links(self, form) -> dict:
        meta = self.model._meta
        names = {field.name for field in [*meta.concrete_fields, *meta.many_to_many]}
        return {
            name: value
            for name, value in form.cleaned_data.items()
            if name in names and name != "version"
        }

    def save_related(self, request, form, formsets, change):
        record = form.instance
        arguments = {
            **self._fields_and_links(form),
            **self.service_arguments(request, form, formsets),
            "user": request.user,
            "reason": "",
        }
        if change:
            saved = self.update_service(
                record,
                expected_version=form.cleaned_data.get("version"),
                **arguments,
            )
        else:
            saved = self.create_service(**arguments)
        record_adopt(record, saved)
        for formset in formsets:
            if formset.model in self.service_inlines:
                formset.new_objects, formset.changed_objects, formset.deleted_objects = [], [], []
            else:
                formset.instance = record
                self.save_formset(request, form, formset, change=change)
        self.warn_if_uncited(request, record)


class HasCitationFilter(admin.SimpleListFilter):
    """Records with or without at least one citation."""

    title = _("citation")
    parameter_name = "has_citation"

    def lookups(self, request, model_admin):
        return [("yes", _("cited")), ("no", _("no citation"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(citations__isnull=False).distinct()
        if self.value() == "no":
            return queryset.filter(citations__isnull=True)
        return queryset


def year_filter(date_field: str, title) -> type[admin.SimpleListFilter]:
    """A list filter by the year of the partial date `date_field`, with "unknown"."""

    class YearFilter(admin.SimpleListFilter):
        parameter_name = "year"

        def lookups(self, request, model_admin):
            years = model_admin.model.objects.dates(date_field, "year", order="DESC")
            return [(str(day.year), str(day.year)) for day in years] + [("unknown", _("unknown"))]

        def queryset(self, request, queryset):
            value = self.value()
            if not value:
                return queryset
            if value == "unknown":
                return queryset.filter(**{f"{date_field}__isnull": True})
            if value.isascii() and value.isdigit() and MINYEAR <= int(value) <= MAXYEAR:
                return queryset.filter(**{f"{date_field}__year": int(value)})
            messages.error(
                request,
                _("“%(value)s” is not a year from %(first)s to %(last)s: the filter was ignored.")
                % {"value": value, "first": MINYEAR, "last": MAXYEAR},
            )
            return queryset

    YearFilter.title = title
    return YearFilter


def with_citation_count(queryset):
    return queryset.annotate(citation_count=Count("citations", distinct=True))


@admin.register(SlugRedirect)
class SlugRedirectAdmin(NulSafeChangelist, admin.ModelAdmin):
    """Old slugs of merged or renamed records; written by merges, read-only here."""

    list_display = ["old_slug", "new_slug", "model", "created_at"]
    list_filter = ["model"]
    search_fields = ["old_slug", "new_slug"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(AccessAttempt)
class AccessAttemptAdmin(NulSafeChangelist, axes_admin.AccessAttemptAdmin):
    """Failed sign-ins and lockouts: deleting a row unlocks that username and address."""


@admin.register(AccessLog)
class AccessLogAdmin(NulSafeChangelist, axes_admin.AccessLogAdmin):
    pass


@admin.register(AccessFailureLog)
class AccessFailureLogAdmin(NulSafeChangelist, axes_admin.AccessFailureLogAdmin):
    pass
