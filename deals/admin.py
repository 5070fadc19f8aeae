from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db.models import Prefetch, Q
from django.forms.models import BaseInlineFormSet
from django.utils.translation import gettext_lazy as _

from companies.admin import AliasSearchMixin, FileImportExportAdmin, ids_of
from core.admin import (
    REVIEW_FIELDS,
    REVIEW_STAMP,
    HasCitationFilter,
    TextDirectionMixin,
    with_citation_count,
    year_filter,
)
from sources.admin import CitationInline

from . import services
from .admin_events import (
    DealsServiceAdmin,
    DealTransitionInline,
    EventLinkFromInline,
    LinksSavedByServices,
    children_save,
    transitions_save,
)
from .models import (
    Deal,
    DealParty,
    DealTransition,
    Development,
    Investment,
    Lawsuit,
    LawsuitEvent,
    LawsuitParty,
)
from .resources import DealResource, InvestmentResource, LawsuitResource
from .selectors import with_kinds_and_parties


def party_filter(hits) -> Q:
    """Records with a party among the companies and people the search found."""
    return Q(parties__company__in=ids_of(hits, "company")) | Q(
        parties__person__in=ids_of(hits, "person")
    )


def parties_in(formset, role_field: str) -> list[services.Party]:
    """The parties an inline formset holds once its deletions are left out."""
    parties = []
    for form in formset.forms:
        data = getattr(form, "cleaned_data", None) or {}
        if data.get("DELETE") or not data.get(role_field):
            continue
        parties.append(services.Party.from_fields(data, role_field))
    return parties


class PartiesFormSet(BaseInlineFormSet):
    """Checks the parties with the same rules the services apply, as form errors."""

    role_field = "role"

    def clean(self):
        super().clean()
        if any(self.errors):
            return
        try:
            services.parties_check(record_model=self.instance.__class__, parties=self.parties())
        except ValidationError as error:
            raise forms.ValidationError(error.message_dict["parties"]) from None

    def parties(self) -> list[services.Party]:
        return parties_in(self, self.role_field)


class LawsuitPartiesFormSet(PartiesFormSet):
    role_field = "side"


class DealPartyInline(TextDirectionMixin, admin.TabularInline):
    model = DealParty
    formset = PartiesFormSet
    extra = 2
    fields = [
        "company",
        "person",
        "unnamed_description",
        "unnamed_description_ar",
        "unnamed_count",
        "role",
    ]
    autocomplete_fields = ["company", "person"]


class CompanyPartyFilter(admin.SimpleListFilter):
    """Deals or lawsuits in which a company takes part, whatever its role."""

    title = _("company")
    parameter_name = "company"

    def lookups(self, request, model_admin):
        parties = model_admin.model._meta.get_field("parties").related_model
        rows = (
            parties.objects.filter(company__isnull=False)
            .values_list("company__slug", "company__name")
            .distinct()
            .order_by("company__name")
        )
        return list(rows)

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(parties__company__slug=self.value()).distinct()
        return queryset


class PartiesAdmin(DealsServiceAdmin):
    """A record whose parties inline is written by its service, with the record."""

    service_inlines = (DealParty, LawsuitParty)

    def service_arguments(self, request, form, formsets):
        for formset in formsets:
            if isinstance(formset, PartiesFormSet):
                return {"parties": formset.parties()}
        return {}


def _event_remove(event, *, user):
    event._history_user = user
    event.delete()


def events_save(formset, *, user) -> None:
    """Save a lawsuit's events inline through the lawsuit event services."""
    children_save(
        formset,
        user=user,
        fields=LawsuitEventInline.fields,
        add=lambda lawsuit, **values: services.lawsuit_event_add(lawsuit=lawsuit, **values),
        update=lambda event, **values: services.lawsuit_event_update(event=event, **values),
        remove=_event_remove,
    )


@admin.register(Deal)
class DealAdmin(LinksSavedByServices, AliasSearchMixin, PartiesAdmin, FileImportExportAdmin):
    record_arg = "deal"
    resource_classes = [DealResource]
    warn_without_citation = True
    list_display = [
        "title",
        "kinds_display",
        "status",
        "announced_display",
        "value_display",
        "parties_display",
        "citation_count",
    ]
    readonly_fields = REVIEW_STAMP
    list_filter = [
        "review",
        "kinds",
        "status",
        year_filter("announced_on", _("announced")),
        CompanyPartyFilter,
        HasCitationFilter,
    ]
    search_fields = ["title", "title_ar", "slug", "summary"]
    autocomplete_fields = ["announced_by"]
    prepopulated_fields = {"slug": ["title"]}
    filter_horizontal = ["kinds"]
    inlines = [
        DealPartyInline,
        DealTransitionInline,
        EventLinkFromInline.of("deal"),
        CitationInline,
    ]
    fieldsets = [
        (None, {"fields": ["title", "title_ar", "slug", "kinds", "status"]}),
        (
            _("Announcement"),
            {
                "fields": [
                    "announced_on",
                    "announced_precision",
                    "announced_basis",
                    "announced_note",
                    "announced_by",
                    "announced_via",
                ]
            },
        ),
        (
            _("Value"),
            {
                "fields": [
                    "value_amount",
                    "value_currency",
                    "value_qualifier",
                    "value_basis",
                    "value_undisclosed",
                ]
            },
        ),
        (_("Summary"), {"fields": ["summary", "summary_ar"]}),
        (_("Review"), {"fields": REVIEW_FIELDS}),
    ]

    def save_formset(self, request, form, formset, change):
        if formset.model is DealTransition:
            transitions_save(formset, user=request.user)
        else:
            super().save_formset(request, form, formset, change)

    def get_queryset(self, request):
        return with_kinds_and_parties(with_citation_count(super().get_queryset(request)))

    def alias_search_filter(self, hits):
        return party_filter(hits)

    @admin.display(description=_("kinds"))
    def kinds_display(self, deal):
        return ", ".join(str(kind) for kind in deal.kinds.all())

    @admin.display(description=_("announced"), ordering="announced_on")
    def announced_display(self, deal):
        return str(deal.announced)

    @admin.display(description=_("value"), ordering="value_amount")
    def value_display(self, deal):
        return str(deal.value)

    @admin.display(description=_("parties"))
    def parties_display(self, deal):
        return "; ".join(str(party) for party in deal.parties.all())

    @admin.display(description=_("citations"), ordering="citation_count")
    def citation_count(self, deal):
        return deal.citation_count


@admin.register(Investment)
class InvestmentAdmin(
    LinksSavedByServices, AliasSearchMixin, DealsServiceAdmin, FileImportExportAdmin
):
    record_arg = "investment"
    resource_classes = [InvestmentResource]
    warn_without_citation = True
    list_display = ["__str__", "investee", "status", "round", "announced_display", "citation_count"]
    readonly_fields = REVIEW_STAMP
    list_filter = [
        "review",
        "status",
        "round",
        year_filter("announced_on", _("announced")),
        HasCitationFilter,
    ]
    search_fields = ["slug", "summary", "investee__name", "investee__name_ar"]
    autocomplete_fields = ["investee", "investors"]
    list_select_related = ["investee"]
    inlines = [EventLinkFromInline.of("investment"), CitationInline]

    def get_queryset(self, request):
        return with_citation_count(super().get_queryset(request))

    def alias_search_filter(self, hits):
        companies = ids_of(hits, "company")
        return Q(investee__in=companies) | Q(investors__in=companies)

    @admin.display(description=_("announced"), ordering="announced_on")
    def announced_display(self, investment):
        return str(investment.announced)

    @admin.display(description=_("citations"), ordering="citation_count")
    def citation_count(self, investment):
        return investment.citation_count


class LawsuitPartyInline(TextDirectionMixin, admin.TabularInline):
    model = LawsuitParty
    formset = LawsuitPartiesFormSet
    extra = 2
    fields = ["company", "person", "side"]
    autocomplete_fields = ["company", "person"]


class LawsuitEventInline(TextDirectionMixin, admin.TabularInline):
    model = LawsuitEvent
    extra = 0
    fields = [
        "kind",
        "occurred_on",
        "occurred_precision",
        "occurred_basis",
        "occurred_note",
        "summary",
        "summary_ar",
    ]
    show_change_link = True


@admin.register(Lawsuit)
class LawsuitAdmin(LinksSavedByServices, AliasSearchMixin, PartiesAdmin, FileImportExportAdmin):
    record_arg = "lawsuit"
    resource_classes = [LawsuitResource]
    warn_without_citation = True
    list_display = [
        "title",
        "status",
        "court",
        "filed_display",
        "parties_display",
        "citation_count",
    ]
    readonly_fields = REVIEW_STAMP
    list_filter = [
        "review",
        "status",
        "claims",
        year_filter("filed_on", _("filed")),
        CompanyPartyFilter,
        HasCitationFilter,
    ]
    search_fields = ["title", "title_ar", "slug", "court", "docket_number"]
    prepopulated_fields = {"slug": ["title"]}
    filter_horizontal = ["claims"]
    inlines = [
        LawsuitPartyInline,
        LawsuitEventInline,
        EventLinkFromInline.of("lawsuit"),
        CitationInline,
    ]

    def get_queryset(self, request):
        parties = LawsuitParty.objects.select_related("company", "person")
        return with_citation_count(super().get_queryset(request)).prefetch_related(
            Prefetch("parties", queryset=parties)
        )

    def alias_search_filter(self, hits):
        return party_filter(hits)

    def save_formset(self, request, form, formset, change):
        if formset.model is LawsuitEvent:
            events_save(formset, user=request.user)
        else:
            super().save_formset(request, form, formset, change)

    @admin.display(description=_("filed"), ordering="filed_on")
    def filed_display(self, lawsuit):
        return str(lawsuit.filed)

    @admin.display(description=_("parties"))
    def parties_display(self, lawsuit):
        return "; ".join(str(party) for party in lawsuit.parties.all())

    @admin.display(description=_("citations"), ordering="citation_count")
    def citation_count(self, lawsuit):
        return lawsuit.citation_count


@admin.register(LawsuitEvent)
class LawsuitEventAdmin(LinksSavedByServices, DealsServiceAdmin):
    record_arg = "event"
    list_display = ["lawsuit", "kind", "occurred_on", "occurred_precision"]
    list_filter = ["kind", HasCitationFilter]
    search_fields = ["summary", "summary_ar", "lawsuit__title"]
    autocomplete_fields = ["lawsuit"]
    list_select_related = ["lawsuit"]
    inlines = [EventLinkFromInline.of("lawsuit_event"), CitationInline]


@admin.register(Development)
class DevelopmentAdmin(LinksSavedByServices, AliasSearchMixin, DealsServiceAdmin):
    record_arg = "development"
    list_display = ["title", "kind", "jurisdiction", "occurred_display"]
    readonly_fields = REVIEW_STAMP
    list_filter = [
        "review",
        "kind",
        "jurisdiction",
        year_filter("occurred_on", _("occurred")),
        HasCitationFilter,
    ]
    search_fields = ["title", "title_ar", "summary"]
    autocomplete_fields = ["companies"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [EventLinkFromInline.of("development"), CitationInline]

    def alias_search_filter(self, hits):
        return Q(companies__in=ids_of(hits, "company"))

    @admin.display(description=_("occurred"), ordering="occurred_on")
    def occurred_display(self, development):
        return str(development.occurred)
