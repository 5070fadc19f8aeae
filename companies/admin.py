from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Prefetch, Q
from django.forms.models import BaseInlineFormSet
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from import_export.admin import ImportExportModelAdmin
from import_export.formats.base_formats import JSON

from core.admin import (
    REVIEW_FIELDS,
    REVIEW_STAMP,
    HasCitationFilter,
    NulSafeChangelist,
    ServiceAdmin,
    TextDirectionMixin,
    TrackedAdmin,
    TrackedAdminForm,
    with_citation_count,
    year_filter,
)
from core.resources import SafeCSV
from sources.admin import CitationInline

from . import services
from .duplicates import PossibleDuplicate, duplicate_candidates
from .models import (
    Alias,
    Company,
    CompanyKind,
    Metric,
    Person,
    Product,
    Rivalry,
    Role,
    Statement,
)
from .normalization import strict_key
from .resources import CompanyResource
from .search import alias_search


class AliasSearchMixin:
    """Search that also finds records through any spelling of a company, person or product.

    `alias_search_filter(hits)` turns the alias matches for the search term into a filter
    on this admin's model; the admin's own `search_fields` still apply.
    """

    def alias_search_filter(self, hits) -> Q:
        raise NotImplementedError

    def get_search_results(self, request, queryset, search_term):
        results, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        hits = alias_search(search_term, limit=200) if search_term.strip() else []
        if not hits:
            return results, may_have_duplicates
        return results | queryset.filter(self.alias_search_filter(hits)), True


def ids_of(hits, kind: str) -> list[int]:
    return [hit.record.pk for hit in hits if hit.kind == kind]


class FileImportExportAdmin(ImportExportModelAdmin):
    """Import and export as CSV or JSON, with a row-by-row preview before anything is saved.

    CSV cells that a spreadsheet would run as formulas are escaped (`SafeCSV`).
    """

    formats = [SafeCSV, JSON]


class NamedRecordForm(TrackedAdminForm):
    """Refuses a new record whose name an existing one has, unless the curator confirms."""

    confirm_new = forms.BooleanField(
        label=_("It is a different one"),
        required=False,
        help_text=_(
            "Tick only if a record with the same name already exists and this is another one."
        ),
    )

    def clean(self):
        cleaned = super().clean()
        if self.instance._state.adding and not cleaned.get("confirm_new"):
            model = self._meta.model
            within = None
            if model is Product:
                within = {"company": cleaned.get("company")} if cleaned.get("company") else None
            if model is not Product or within:
                names = [cleaned.get("name", ""), cleaned.get("name_ar", "")]
                candidates = duplicate_candidates(model, names, within=within)
                if candidates:
                    raise ValidationError(PossibleDuplicate(model, candidates).messages)
        return cleaned


class NamedRecordAdmin(AliasSearchMixin, ServiceAdmin):
    """Admin of a record with names, saved by its service; its primary names stay aliases.

    A new record whose name an existing one has is refused with the candidates, unless
    the curator ticks "It is a different one". The names are synced again after the
    inlines, so deleting a primary name's alias in the aliases inline does not lose it.
    """

    form = NamedRecordForm
    service_module = services

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is not None:
            return fieldsets
        (name, options), *rest = fieldsets
        return [(name, {**options, "fields": [*options["fields"], "confirm_new"]}), *rest]

    def service_arguments(self, request, form, formsets):
        return {} if form.instance.pk else {"confirm_new": True}

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        services.primary_aliases_sync(form.instance)

    def has_merge_permission(self, request) -> bool:
        """Merging deletes the duplicates, so it takes both change and delete rights."""
        return self.has_change_permission(request) and self.has_delete_permission(request)

    def merge_selected(self, request, queryset, action: str):
        """The merge action: choose the record to keep, then `<record>_merge` the others
        into it (`services.company_merge`, `person_merge`, `product_merge`)."""
        opts = self.model._meta
        records = list(queryset.order_by("name"))
        if len(records) < 2:
            message = _("Select at least two %(records)s to merge.")
            self.message_user(
                request, message % {"records": opts.verbose_name_plural}, messages.ERROR
            )
            return None
        survivor_id = request.POST.get("survivor")
        survivor = next((record for record in records if str(record.pk) == survivor_id), None)
        if request.POST.get("confirm") and survivor is not None:
            duplicates = [record for record in records if record.pk != survivor.pk]
            merge = getattr(services, f"{self.record_arg}_merge")
            report = merge(survivor=survivor, duplicates=duplicates, user=request.user)
            self.message_user(
                request, _merged(opts, survivor, duplicates, report), messages.SUCCESS
            )
            return None
        return TemplateResponse(
            request,
            "admin/companies/merge.html",
            {
                **self.admin_site.each_context(request),
                "title": _("Merge %(records)s") % {"records": opts.verbose_name_plural},
                "opts": opts,
                "records": records,
                "action": action,
                "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
            },
        )


def _merged(opts, survivor, duplicates: list, report) -> str:
    """What a merge did, for the curator: how many records went into which, what moved."""
    count = len(duplicates)
    name = opts.verbose_name if count == 1 else opts.verbose_name_plural
    return ngettext(
        "Merged %(count)d %(name)s into “%(survivor)s”: %(moved)s.",
        "Merged %(count)d %(name)s into “%(survivor)s”: %(moved)s.",
        count,
    ) % {
        "count": count,
        "name": name,
        "survivor": survivor,
        "moved": ", ".join(f"{label} {n}" for label, n in sorted(report.items()))
        or _("nothing to move"),
    }


class AliasInlineFormSet(BaseInlineFormSet):
    """Refuses two spellings of one name (same strict key) in the same submission."""

    def clean(self):
        super().clean()
        seen = set()
        for form in self.forms:
            data = getattr(form, "cleaned_data", None)
            if not data or data.get("DELETE") or not data.get("name"):
                continue
            key = strict_key(data["name"])
            if key in seen:
                form.add_error("name", _("This name is already recorded for this record."))
            seen.add(key)


class AliasInline(TextDirectionMixin, admin.TabularInline):
    model = Alias
    formset = AliasInlineFormSet
    extra = 1
    fields = ["name", "language", "is_primary", "key", "loose_key"]
    readonly_fields = ["key", "loose_key"]


class RoleInline(TextDirectionMixin, admin.TabularInline):
    model = Role
    extra = 0
    fields = ["person", "company", "title", "title_ar", "started_on", "started_precision"]
    autocomplete_fields = ["person", "company"]
    show_change_link = True


class ProductInline(TextDirectionMixin, admin.TabularInline):
    model = Product
    extra = 0
    fields = ["name", "name_ar", "kind", "launched_on", "launched_precision"]
    show_change_link = True


@admin.register(Company)
class CompanyAdmin(NamedRecordAdmin, FileImportExportAdmin):
    record_arg = "company"
    resource_classes = [CompanyResource]
    list_display = [
        "name",
        "name_ar",
        "kinds_display",
        "status",
        "founded_display",
        "deal_count",
        "citation_count",
    ]
    readonly_fields = REVIEW_STAMP
    list_filter = [
        "review",
        "kinds",
        "status",
        year_filter("founded_on", _("founded")),
        HasCitationFilter,
    ]
    search_fields = ["name", "name_ar", "slug"]
    ordering = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [AliasInline, RoleInline, ProductInline, CitationInline]
    actions = ["merge_companies"]
    fieldsets = [
        (None, {"fields": ["name", "name_ar", "slug", "kinds", "status"]}),
        (
            _("Founded"),
            {"fields": ["founded_on", "founded_precision", "founded_basis", "founded_note"]},
        ),
        (
            _("Details"),
            {
                "fields": [
                    "headquarters_country",
                    "website",
                    "wikidata",
                    "description",
                    "description_ar",
                ]
            },
        ),
        (_("Review"), {"fields": REVIEW_FIELDS}),
    ]
    filter_horizontal = ["kinds"]

    def get_queryset(self, request):
        return with_citation_count(
            super()
            .get_queryset(request)
            .annotate(deal_count=Count("deal_parties__deal", distinct=True))
            .prefetch_related(Prefetch("kinds", queryset=CompanyKind.objects.all()))
        )

    def alias_search_filter(self, hits):
        return Q(pk__in=ids_of(hits, "company"))

    @admin.display(description=_("kinds"))
    def kinds_display(self, company):
        return ", ".join(str(kind) for kind in company.kinds.all())

    @admin.display(description=_("founded"), ordering="founded_on")
    def founded_display(self, company):
        return str(company.founded)

    @admin.display(description=_("deals"), ordering="deal_count")
    def deal_count(self, company):
        return company.deal_count

    @admin.display(description=_("citations"), ordering="citation_count")
    def citation_count(self, company):
        return company.citation_count

    @admin.action(description=_("Merge selected companies into one"), permissions=["merge"])
    def merge_companies(self, request, queryset):
        return self.merge_selected(request, queryset, "merge_companies")


@admin.register(Person)
class PersonAdmin(NamedRecordAdmin):
    record_arg = "person"
    actions = ["merge_people"]
    list_display = ["name", "name_ar", "slug", "citation_count"]
    readonly_fields = REVIEW_STAMP
    list_filter = ["review", HasCitationFilter]
    search_fields = ["name", "name_ar", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [AliasInline, RoleInline, CitationInline]

    def get_queryset(self, request):
        return with_citation_count(super().get_queryset(request))

    @admin.action(description=_("Merge selected people into one"), permissions=["merge"])
    def merge_people(self, request, queryset):
        return self.merge_selected(request, queryset, "merge_people")

    def alias_search_filter(self, hits):
        return Q(pk__in=ids_of(hits, "person"))

    @admin.display(description=_("citations"), ordering="citation_count")
    def citation_count(self, person):
        return person.citation_count


@admin.register(Product)
class ProductAdmin(NamedRecordAdmin):
    record_arg = "product"
    actions = ["merge_products"]
    list_display = ["name", "name_ar", "company", "kind", "launched_display", "citation_count"]
    readonly_fields = REVIEW_STAMP
    list_filter = ["review", "kind", year_filter("launched_on", _("launched")), HasCitationFilter]
    search_fields = ["name", "name_ar", "slug"]
    autocomplete_fields = ["company", "platforms"]
    prepopulated_fields = {"slug": ["name"]}
    list_select_related = ["company"]
    inlines = [AliasInline, CitationInline]

    def get_queryset(self, request):
        return with_citation_count(super().get_queryset(request))

    @admin.action(description=_("Merge selected products into one"), permissions=["merge"])
    def merge_products(self, request, queryset):
        return self.merge_selected(request, queryset, "merge_products")

    def alias_search_filter(self, hits):
        return Q(pk__in=ids_of(hits, "product")) | Q(company__in=ids_of(hits, "company"))

    @admin.display(description=_("launched"), ordering="launched_on")
    def launched_display(self, product):
        return str(product.launched)

    @admin.display(description=_("citations"), ordering="citation_count")
    def citation_count(self, product):
        return product.citation_count


class CompanyFactAdmin(AliasSearchMixin, TrackedAdmin):
    """Facts about one company: found by any spelling of the company's name."""

    list_filter = [HasCitationFilter]
    list_select_related = ["company"]
    autocomplete_fields = ["company"]
    inlines = [CitationInline]

    def alias_search_filter(self, hits):
        return Q(company__in=ids_of(hits, "company"))


@admin.register(Role)
class RoleAdmin(CompanyFactAdmin):
    list_display = ["person", "title", "company", "started_on", "ended_on"]
    list_select_related = ["person", "company"]
    search_fields = ["title", "title_ar", "person__name", "company__name"]
    autocomplete_fields = ["person", "company"]

    def alias_search_filter(self, hits):
        return super().alias_search_filter(hits) | Q(person__in=ids_of(hits, "person"))


@admin.register(Statement)
class StatementAdmin(CompanyFactAdmin):
    list_display = ["company", "kind", "summary_start", "stated_by", "via"]
    list_filter = ["kind", "via", HasCitationFilter]
    list_select_related = ["company", "stated_by"]
    search_fields = ["summary", "summary_ar"]
    autocomplete_fields = ["company", "stated_by"]

    @admin.display(description=_("summary"))
    def summary_start(self, statement):
        return statement.summary[:90]


@admin.register(Rivalry)
class RivalryAdmin(CompanyFactAdmin):
    list_display = ["company", "rival", "summary"]
    list_select_related = ["company", "rival"]
    search_fields = ["summary", "company__name", "rival__name"]
    autocomplete_fields = ["company", "rival", "products"]

    def alias_search_filter(self, hits):
        companies = ids_of(hits, "company")
        return Q(company__in=companies) | Q(rival__in=companies)


@admin.register(Metric)
class MetricAdmin(CompanyFactAdmin):
    list_display = ["company", "kind", "label", "value_display", "as_of_display", "projected"]
    list_filter = ["kind", "projected", "value_basis", HasCitationFilter]
    search_fields = ["label", "label_ar", "company__name"]

    @admin.display(description=_("value"))
    def value_display(self, metric):
        high = f"–{metric.value_high:f}" if metric.value_high is not None else ""
        return f"{metric.value}{high}" if metric.value.is_stated else metric.quantity

    @admin.display(description=_("as of"), ordering="as_of_on")
    def as_of_display(self, metric):
        return str(metric.as_of)


@admin.register(Alias)
class AliasAdmin(NulSafeChangelist, admin.ModelAdmin):
    """Every name in one list: useful to find duplicates and odd spellings."""

    list_display = ["name", "language", "is_primary", "target", "key", "loose_key"]
    list_filter = ["language", "is_primary"]
    search_fields = ["name", "key", "loose_key"]
    list_select_related = ["company", "person", "product"]
    autocomplete_fields = ["company", "person", "product"]
    readonly_fields = ["key", "loose_key"]
