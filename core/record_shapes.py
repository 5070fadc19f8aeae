"""The shapes of the entries of the record-type table (`core.records`): a record's
reader page, its links to companies, how it enters the timeline and how ingestion
proposes it. Plain data: models and code are named by label and dotted path."""

from dataclasses import dataclass
from importlib import import_module
from operator import attrgetter

from django.apps import apps
from django.db import models
from django.urls import reverse
from django.utils.module_loading import import_string


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
    #: Paths from a record to the slug of a person taking part in it (a party, the one
    #: who announced it); none when people take no part in records of the type.
    people: tuple[str, ...] = ()
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
