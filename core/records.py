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

from dataclasses import dataclass
from importlib import import_module
from operator import attrgetter

from django.apps import apps
from django.db import models
from django.urls import reverse
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Page:
    """A reader page: URL name, the record attribute that fills it, query and anchor, and
    for a page served from this table, its template, queryset and context."""

    url_name: str
    #: Dotted path from the record to the URL's argument ("slug", "company.slug").
    key: str = "slug"
    #: Appended after "?" ("tab=products").
    query: str = ""
    #: Appended after "#", formatted with the record's `pk` ("event-{pk}").
    anchor: str = ""
    #: The template of a page `core.views.record_page` serves at "<resource>/<key>/",
    #: given the record under its model's name ("deal"); empty for a page with a view
    #: of its own (a company's tabs, an article).
    template: str = ""
    #: Dotted path of the selector giving the page's queryset (its prefetches); by
    #: default all the model's records.
    queryset: str = ""
    #: More of the page's context: (name, dotted path of a selector taking the record).
    context: tuple[tuple[str, str], ...] = ()

    @property
    def is_own(self) -> bool:
        """The page is the record's own, addressed by its slug or id alone."""
        return self.key in ("slug", "pk") and not (self.query or self.anchor)

    def url(self, key, pk=None) -> str:
        url = reverse(self.url_name, args=[key])
        if self.query:
            url = f"{url}?{self.query}"
        if self.anchor:
            url = f"{url}#{self.anchor.format(pk=pk)}"
        return url

    def url_of(self, record: models.Model) -> str:
        return self.url(attrgetter(self.key)(record), record.pk)


@dataclass(frozen=True)
class CompanyLink:
    """Where the companies involved in a record are found.

    Rows of `model` ("deals.DealParty"; empty for the record's own table) lead to the
    record through `record` ("deal"; empty for the record itself) and to a company
    through `company` ("company"; empty when the row is the company).
    """

    model: str = ""
    record: str = ""
    company: str = ""


@dataclass(frozen=True)
class TimelineSource:
    """How a record type's records enter the timeline.

    `date` is the partial date's prefix ("announced" for `announced_on`, …); `slug` the
    value path of the key of `resource` the entry links to in the API (default: the
    record's own slug and resource).
    """

    kind: str
    label: str
    date: str
    title: str
    title_ar: str
    companies: tuple[CompanyLink, ...]
    slug: str = "slug"
    resource: str | None = None
    #: A value path shown beside the title ("kind" of a lawsuit event); empty for none.
    extra: str = ""
    #: Whether the record has a `status` a timeline filter may ask for.
    has_status: bool = False
    #: The value path of the review level (`core.models.Reviewed`) a review filter reads:
    #: "review" for the record's own, "deal__review" for a step of a deal's; empty for a
    #: record without one, which a review filter leaves out.
    review: str = ""
    #: Whether a record without the date is still an entry, placed by the articles citing
    #: it or in the group whose date is not known. False where the record outlives its
    #: event (a company, a product): an article citing it does not report the event.
    undated: bool = True


@dataclass(frozen=True)
class Proposed:
    """How ingestion proposes records of a type (a `sources.ProposalKind`).

    `result_label` names the proposal's foreign key to the record it became ("resulting
    deal"); it is empty for a kind whose proposals become no record of their own type
    (a new spelling becomes an alias of the company or person it names).
    """

    #: The `ProposalKind` value: at most 11 characters.
    kind: str
    label: str
    result_label: str = ""
    #: Dotted path of `accept(read, *, user, reason) -> record`, in the app that owns the
    #: model: the record a payload describes, written through its service. `read` is
    #: `sources.services.review.PayloadReader`. By default, the app's
    #: `<record type>_create` is given the payload's values of the model's fields.
    accept: str = ""
    #: Dotted path of the update service a merge fills an event's blank date and value
    #: with; it takes the record as the keyword named as the record type ("deal=…").
    merge_update: str = ""


@dataclass(frozen=True)
class RecordType:
    """One kind of record the tracker holds."""

    name: str
    #: "app_label.ModelName", resolved by `model`.
    model_label: str
    #: The API resource ("deals"); empty where the API has none.
    resource: str = ""
    #: Dotted path of the resource's viewset; by default `<app>.api.views.<Model>ViewSet`,
    #: or one `<app>.api.views.record_viewset` makes from the app's parts.
    viewset: str = ""
    page: Page | None = None
    #: The foreign key on `sources.Citation` that cites it; empty if it is not citable.
    citation_field: str = ""
    #: The proposals that become (or name) it; None when ingestion proposes none.
    proposed: Proposed | None = None
    timeline: TimelineSource | None = None

    @property
    def proposal_kind(self) -> str:
        """The `sources.ProposalKind` value of proposals that become it; empty for none."""
        return self.proposed.kind if self.proposed and self.proposed.result_label else ""

    @property
    def page_key_path(self) -> str:
        """The `values()` path of the page's key ("company__slug" for "company.slug")."""
        return self.page.key.replace(".", "__")

    @property
    def model(self) -> type[models.Model]:
        return apps.get_model(self.model_label)

    @property
    def viewset_class(self) -> type:
        """The API resource's viewset, imported when the URLs are loaded: `viewset`, else
        the app's `<Model>ViewSet`, else the one its `record_viewset(record_type)` makes."""
        if self.viewset:
            return import_string(self.viewset)
        app_label, model_name = self.model_label.split(".")
        views = import_module(f"{app_label}.api.views")
        return getattr(views, f"{model_name}ViewSet", None) or views.record_viewset(self)


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
