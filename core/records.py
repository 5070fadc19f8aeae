"""The record types of the tracker, in one table.

Each entry names a record type's model, its API resource and viewset, its reader page,
the foreign key that cites it on `sources.Citation`, how ingestion proposes it (the
proposal kind, and the functions that accept and merge a proposal) and the events it
puts on the timeline. The API routes, the keys of citations and proposals, the proposal
kinds, the review's tables, the plain record pages and the timeline's sources are read
from here. Outside the entry, a new record type's own code (model, services, admin, API
classes, template, accept function) still lives in its app: docs/contributing.md lists
the steps.

The table is plain data: models are named by their "app_label.Model" label and code by
dotted paths, resolved when used, so `core` imports nothing from the domain apps, and
`sources.models` can read the citation targets and proposal kinds while its own models
are being defined (before any `AppConfig.ready()` runs).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .record_shapes import CompanyLink, Page, Proposed, RecordType, TimelineSource


def _parties(model: str, record: str) -> tuple[CompanyLink, ...]:
    return (CompanyLink(model=model, record=record, company="company"),)


RECORD_TYPES: tuple[RecordType, ...] = (
    RecordType(
        name="company",
        model_label="companies.Company",
        resource="companies",
        page=Page("companies:company"),
        citation_field="company",
        proposed=Proposed(
            "company",
            _("new company"),
            result_label=_("resulting company"),
            accept="companies.proposals.company_from_payload",
        ),
        timeline=TimelineSource(
            kind="founding",
            label=_("founding"),
            date="founded",
            title="name",
            title_ar="name_ar",
            companies=(CompanyLink(),),
            undated=False,
            review="review",
        ),
    ),
    RecordType(
        name="person",
        model_label="companies.Person",
        resource="people",
        page=Page(
            "companies:person",
            template="companies/person_detail.html",
            queryset="companies.selectors.person_profile_queryset",
            context=(
                ("deals", "deals.selectors.person_deals"),
                ("lawsuits", "deals.selectors.person_lawsuits"),
            ),
        ),
        citation_field="person",
        proposed=Proposed(
            "person",
            _("new person"),
            result_label=_("resulting person"),
            accept="companies.proposals.person_from_payload",
        ),
    ),
    RecordType(name="role", model_label="companies.Role", citation_field="role"),
    RecordType(
        name="product",
        model_label="companies.Product",
        resource="products",
        page=Page(
            "companies:product",
            template="companies/product_detail.html",
            queryset="companies.selectors.product_page_queryset",
            context=(
                ("deals", "deals.selectors.product_deals"),
                ("developments", "deals.selectors.product_developments"),
            ),
        ),
        citation_field="product",
        proposed=Proposed(
            "product",
            _("new product"),
            result_label=_("resulting product"),
            accept="companies.proposals.product_from_payload",
        ),
        timeline=TimelineSource(
            kind="product_launch",
            label=_("product launch"),
            date="launched",
            title="name",
            title_ar="name_ar",
            companies=(CompanyLink(company="company"),),
            undated=False,
            review="review",
        ),
    ),
    RecordType(
        name="alias",
        model_label="companies.Alias",
        proposed=Proposed(
            "alias",
            _("new spelling of a known name"),
            accept="companies.proposals.alias_from_payload",
        ),
    ),
    RecordType(name="statement", model_label="companies.Statement", citation_field="statement"),
    RecordType(name="rivalry", model_label="companies.Rivalry", citation_field="rivalry"),
    RecordType(name="metric", model_label="companies.Metric", citation_field="metric"),
    RecordType(
        name="deal",
        model_label="deals.Deal",
        resource="deals",
        page=Page(
            "deals:deal",
            template="deals/deal_detail.html",
            queryset="deals.selectors.deal_page_queryset",
            context=(
                ("parties", "deals.selectors.deal_parties"),
                ("related_events", "deals.selectors.related_events"),
            ),
        ),
        citation_field="deal",
        proposed=Proposed(
            "deal",
            _("deal"),
            result_label=_("resulting deal"),
            accept="deals.proposals.deal_from_payload",
            merge_update="deals.services.deal_update",
        ),
        timeline=TimelineSource(
            kind="deal",
            label=_("deal"),
            date="announced",
            title="title",
            title_ar="title_ar",
            companies=_parties("deals.DealParty", "deal"),
            people=("parties__person__slug", "announced_by__slug"),
            has_status=True,
            review="review",
        ),
    ),
    RecordType(
        name="investment",
        model_label="deals.Investment",
        resource="investments",
        page=Page(
            "deals:investment",
            template="deals/investment_detail.html",
            queryset="deals.selectors.investment_page_queryset",
            context=(("related_events", "deals.selectors.related_events"),),
        ),
        citation_field="investment",
        proposed=Proposed(
            "investment",
            _("investment"),
            result_label=_("resulting investment"),
            merge_update="deals.services.investment_update",
        ),
        timeline=TimelineSource(
            kind="investment",
            label=_("investment"),
            date="announced",
            title="investee__name",
            title_ar="investee__name_ar",
            companies=(
                CompanyLink(company="investee"),
                *_parties("deals.Investment_investors", "investment"),
            ),
            has_status=True,
            review="review",
        ),
    ),
    RecordType(
        name="lawsuit",
        model_label="deals.Lawsuit",
        resource="lawsuits",
        page=Page(
            "deals:lawsuit",
            template="deals/lawsuit_detail.html",
            queryset="deals.selectors.lawsuit_page_queryset",
            context=(
                ("parties", "deals.selectors.lawsuit_parties"),
                ("related_events", "deals.selectors.related_events"),
            ),
        ),
        citation_field="lawsuit",
        proposed=Proposed(
            "lawsuit",
            _("lawsuit"),
            result_label=_("resulting lawsuit"),
            accept="deals.proposals.lawsuit_from_payload",
            merge_update="deals.services.lawsuit_update",
        ),
        timeline=TimelineSource(
            kind="lawsuit",
            label=_("lawsuit"),
            date="filed",
            title="title",
            title_ar="title_ar",
            companies=_parties("deals.LawsuitParty", "lawsuit"),
            people=("parties__person__slug",),
            has_status=True,
            review="review",
        ),
    ),
    RecordType(
        name="lawsuit_event",
        model_label="deals.LawsuitEvent",
        page=Page("deals:lawsuit", key="lawsuit.slug", anchor="event-{pk}"),
        citation_field="lawsuit_event",
        timeline=TimelineSource(
            kind="lawsuit_event",
            label=_("lawsuit event"),
            date="occurred",
            title="lawsuit__title",
            title_ar="lawsuit__title_ar",
            companies=_parties("deals.LawsuitParty", "lawsuit__events"),
            people=("lawsuit__parties__person__slug",),
            slug="lawsuit__slug",
            resource="lawsuits",
            extra="kind",
            review="lawsuit__review",
        ),
    ),
    RecordType(
        name="development",
        model_label="deals.Development",
        resource="developments",
        page=Page(
            "deals:development",
            template="deals/development_detail.html",
            queryset="deals.selectors.development_page_queryset",
            context=(("related_events", "deals.selectors.related_events"),),
        ),
        citation_field="development",
        proposed=Proposed(
            "development",
            _("court ruling or development"),
            result_label=_("resulting development"),
            accept="deals.proposals.development_from_payload",
            merge_update="deals.services.development_update",
        ),
        timeline=TimelineSource(
            kind="development",
            label=_("development"),
            date="occurred",
            title="title",
            title_ar="title_ar",
            companies=_parties("deals.Development_companies", "development"),
            review="review",
        ),
    ),
    RecordType(
        name="deal_transition",
        model_label="deals.DealTransition",
        page=Page("deals:deal", key="deal.slug", anchor="transition-{pk}"),
        citation_field="deal_transition",
        timeline=TimelineSource(
            kind="deal_transition",
            label=_("deal status change"),
            date="occurred",
            title="deal__title",
            title_ar="deal__title_ar",
            companies=_parties("deals.DealParty", "deal__transitions"),
            people=("deal__parties__person__slug", "deal__announced_by__slug"),
            slug="deal__slug",
            resource="deals",
            extra="status",
            review="deal__review",
            # The status filter keeps records in a status; a step is in none (its deal is).
            # An undated step adds nothing to the timeline: the deal itself is there.
            undated=False,
        ),
    ),
    RecordType(name="event_link", model_label="deals.EventLink", citation_field="event_link"),
    RecordType(
        name="article",
        model_label="sources.Article",
        resource="articles",
        page=Page("sources:article", key="pk"),
    ),
)

_BY_NAME = {record_type.name: record_type for record_type in RECORD_TYPES}
_BY_LABEL = {record_type.model_label: record_type for record_type in RECORD_TYPES}
_BY_TIMELINE_KIND = {
    record_type.timeline.kind: record_type for record_type in RECORD_TYPES if record_type.timeline
}


def record_type(name: str) -> RecordType:
    return _BY_NAME[name]


def record_type_of(model: type[models.Model] | models.Model) -> RecordType:
    """The record type of a model or of one of its records."""
    return _BY_LABEL[model._meta.label]


def timeline_type(kind: str) -> RecordType:
    """The record type of a timeline kind ("founding" → company)."""
    return _BY_TIMELINE_KIND[kind]


def citation_models() -> dict[str, str]:
    """The model label each foreign key of `sources.Citation` points to, in column order."""
    return {
        record_type.citation_field: record_type.model_label
        for record_type in RECORD_TYPES
        if record_type.citation_field
    }


def citation_fields() -> list[str]:
    """The foreign keys of `sources.Citation`, in the order of its columns."""
    return list(citation_models())


def proposal_kinds() -> list[tuple[str, str]]:
    """The kinds of proposal ingestion makes and their labels, in the table's order."""
    return [
        (record_type.proposed.kind, record_type.proposed.label)
        for record_type in RECORD_TYPES
        if record_type.proposed
    ]


def proposal_models() -> dict[str, str]:
    """The model label of each kind of proposal that becomes a record."""
    return {
        record_type.proposal_kind: record_type.model_label
        for record_type in RECORD_TYPES
        if record_type.proposal_kind
    }


def proposal_results() -> dict[str, str]:
    """The label of the proposal's foreign key to each kind of record it can become."""
    return {
        record_type.proposal_kind: record_type.proposed.result_label
        for record_type in RECORD_TYPES
        if record_type.proposal_kind
    }


def api_resources() -> list[RecordType]:
    """The record types with an API resource, in the table's order."""
    return [record_type for record_type in RECORD_TYPES if record_type.resource]


def own_pages() -> dict[str, str]:
    """The page URL name of each API resource whose records have a page of their own."""
    return {
        record_type.resource: record_type.page.url_name
        for record_type in RECORD_TYPES
        if record_type.resource and record_type.page and record_type.page.is_own
    }


def served_pages(namespace: str) -> list[RecordType]:
    """The record types whose pages `core.views.record_page` serves in a URL namespace."""
    return [
        record_type
        for record_type in RECORD_TYPES
        if record_type.page
        and record_type.page.template
        and record_type.page.url_name.startswith(f"{namespace}:")
    ]


def page_url(record: models.Model) -> str:
    """The reader page of `record` (in the active language's URL prefix)."""
    return record_type_of(record).page.url_of(record)


class HasPage:
    """A model with a reader page: `get_absolute_url` from the record types' table."""

    def get_absolute_url(self) -> str:
        return page_url(self)
