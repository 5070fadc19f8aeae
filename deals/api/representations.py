"""Read shapes of deals, investments, lawsuits and developments (the timeline's are in
`deals.api.timeline`).

Each representation declares its columns, the related rows it loads for a whole page
(`get_attrs`), the dict of one record (`serialize`) and the schema it matches (`out`).
"""

from collections import defaultdict

from rest_framework import serializers

from core.api.representations import (
    REVIEW_FIELDS,
    Links,
    Representation,
    codes_by_record,
    money,
    money_fields,
    partial_date,
    partial_date_fields,
    per_record,
    reference,
    reference_fields,
    references_by_record,
    review,
)
from core.api.serializers import CitationOut, MoneyOut, PartialDateOut, ReferenceOut, ReviewOut
from sources.api.representations import (
    CorroborationOut,
    citations_and_corroboration,
    citations_by_record,
)

from ..models import (
    Deal,
    DealParty,
    DealPartyRole,
    Development,
    DevelopmentKind,
    Investment,
    Lawsuit,
    LawsuitEvent,
    LawsuitParty,
    LawsuitSide,
)
from .events import RelatedEventOut, TransitionOut, related_events_by_record, transitions_by_deal

PARTY_FIELDS = (
    "company_id",
    *reference_fields("company"),
    "person_id",
    *reference_fields("person"),
)


def company_or_person(row: dict, links: Links) -> dict:
    """A party's company and person references (one of them null), from PARTY_FIELDS."""
    company = (
        reference(
            links, "companies", row["company__slug"], row["company__name"], row["company__name_ar"]
        )
        if row["company_id"]
        else None
    )
    person = (
        reference(links, "people", row["person__slug"], row["person__name"], row["person__name_ar"])
        if row["person_id"]
        else None
    )
    return {"company": company, "person": person}


#: How the record's citations support it; documented with every cited record.
CORROBORATION_HELP = "The distinct articles, outlets and languages supporting the record."


class DatedRecordOut(serializers.Serializer):
    id = serializers.IntegerField()
    slug = serializers.CharField()
    url = serializers.URLField()
    html_url = serializers.URLField(help_text="The record's page for readers.")
    status = serializers.CharField()
    summary = serializers.CharField(allow_blank=True)
    summary_ar = serializers.CharField(allow_blank=True)
    citations = CitationOut(many=True)
    corroboration = CorroborationOut(help_text=CORROBORATION_HELP)
    related_events = RelatedEventOut(many=True)
    review = ReviewOut(help_text="How far curators checked the record, who set that and when.")
    version = serializers.IntegerField()
    updated_at = serializers.DateTimeField()


class DatedRepresentation(Representation):
    """What deals, investments and lawsuits share: status, summaries, citations, version."""

    #: The citation's foreign key to the record.
    target = ""
    fields = (
        "id",
        "slug",
        "status",
        "summary",
        "summary_ar",
        "version",
        "updated_at",
        *REVIEW_FIELDS,
    )

    def get_attrs(self, ids):
        citations, corroboration = citations_and_corroboration(
            self.target, ids, self.links, self.model
        )
        return per_record(
            ids,
            citations=citations,
            corroboration=corroboration,
            related_events=related_events_by_record(self.target, ids, self.links),
            **self.related(ids),
        )

    def related(self, ids: list[int]) -> dict[str, dict[int, list]]:
        """The kind's own related rows by record id, one map per attribute."""
        return {}

    def serialize(self, row, attrs):
        return {
            "id": row["id"],
            "slug": row["slug"],
            "url": self.links.url(self.resource, row["slug"]),
            "html_url": self.links.page(self.resource, row["slug"]),
            "status": row["status"],
            "summary": row["summary"],
            "summary_ar": row["summary_ar"],
            "citations": attrs["citations"],
            "corroboration": attrs["corroboration"],
            "related_events": attrs["related_events"],
            "review": review(row),
            "version": row["version"],
            "updated_at": row["updated_at"],
        }


class UnnamedOut(serializers.Serializer):
    description = serializers.CharField()
    description_ar = serializers.CharField(allow_blank=True)
    count = serializers.IntegerField(allow_null=True)


class DealPartyOut(serializers.Serializer):
    role = serializers.ChoiceField(choices=DealPartyRole.choices)
    company = ReferenceOut(allow_null=True)
    person = ReferenceOut(allow_null=True)
    unnamed = UnnamedOut(allow_null=True)


class DealOut(DatedRecordOut):
    title = serializers.CharField()
    title_ar = serializers.CharField(allow_blank=True)
    kinds = serializers.ListField(child=serializers.CharField())
    announced = PartialDateOut()
    announced_by = ReferenceOut(allow_null=True)
    announced_via = serializers.CharField(allow_blank=True)
    value = MoneyOut()
    parties = DealPartyOut(many=True)
    transitions = TransitionOut(
        many=True, help_text="The deal's lifecycle, oldest first: its status is the last one's."
    )


class DealRepresentation(DatedRepresentation):
    resource = "deals"
    model = Deal
    out = DealOut
    target = "deal"
    fields = (
        *DatedRepresentation.fields,
        "title",
        "title_ar",
        "announced_via",
        *reference_fields("announced_by"),
        *partial_date_fields("announced"),
        *money_fields(),
    )

    def related(self, ids):
        parties = defaultdict(list)
        for row in (
            DealParty.objects.filter(deal_id__in=ids)
            .order_by("role", "id")
            .values(
                "deal_id",
                "role",
                "unnamed_description",
                "unnamed_description_ar",
                "unnamed_count",
                *PARTY_FIELDS,
            )
        ):
            unnamed = (
                {
                    "description": row["unnamed_description"],
                    "description_ar": row["unnamed_description_ar"],
                    "count": row["unnamed_count"],
                }
                if row["unnamed_description"]
                else None
            )
            parties[row["deal_id"]].append(
                {"role": row["role"], **company_or_person(row, self.links), "unnamed": unnamed}
            )
        return {
            "kinds": codes_by_record(Deal.kinds.through, "deal_id", "dealkind_id", ids),
            "parties": parties,
            "transitions": transitions_by_deal(ids, self.links),
        }

    def serialize(self, row, attrs):
        announced_by = (
            reference(
                self.links,
                "people",
                row["announced_by__slug"],
                row["announced_by__name"],
                row["announced_by__name_ar"],
            )
            if row["announced_by__slug"]
            else None
        )
        return {
            **super().serialize(row, attrs),
            "title": row["title"],
            "title_ar": row["title_ar"],
            "kinds": attrs["kinds"],
            "announced": partial_date(row, "announced"),
            "announced_by": announced_by,
            "announced_via": row["announced_via"],
            "value": money(row),
            "parties": attrs["parties"],
            "transitions": attrs["transitions"],
        }


class InvestmentOut(DatedRecordOut):
    investee = ReferenceOut()
    investors = ReferenceOut(many=True)
    round = serializers.CharField(allow_blank=True)
    announced = PartialDateOut()
    value = MoneyOut()
    stake_percent = serializers.CharField(allow_null=True)


class InvestmentRepresentation(DatedRepresentation):
    resource = "investments"
    model = Investment
    out = InvestmentOut
    target = "investment"
    fields = (
        *DatedRepresentation.fields,
        "round",
        "stake_percent",
        *reference_fields("investee"),
        *partial_date_fields("announced"),
        *money_fields(),
    )
    investors = (Investment.investors.through, "investment_id", "company", "companies")

    def related(self, ids):
        return {"investors": references_by_record(self.links, self.investors, ids)}

    def serialize(self, row, attrs):
        stake = row["stake_percent"]
        return {
            **super().serialize(row, attrs),
            "investee": reference(
                self.links,
                "companies",
                row["investee__slug"],
                row["investee__name"],
                row["investee__name_ar"],
            ),
            "investors": attrs["investors"],
            "round": row["round"],
            "announced": partial_date(row, "announced"),
            "value": money(row),
            "stake_percent": None if stake is None else f"{stake.normalize():f}",
        }


class LawsuitPartyOut(serializers.Serializer):
    side = serializers.ChoiceField(choices=LawsuitSide.choices)
    company = ReferenceOut(allow_null=True)
    person = ReferenceOut(allow_null=True)


class EventOut(serializers.Serializer):
    id = serializers.IntegerField()
    kind = serializers.CharField()
    occurred = PartialDateOut()
    summary = serializers.CharField()
    summary_ar = serializers.CharField(allow_blank=True)
    citations = CitationOut(many=True)


class LawsuitOut(DatedRecordOut):
    title = serializers.CharField()
    title_ar = serializers.CharField(allow_blank=True)
    court = serializers.CharField(allow_blank=True)
    docket_number = serializers.CharField(allow_blank=True)
    docket_url = serializers.CharField(
        allow_blank=True, help_text="The court's docket online (CourtListener, PACER)."
    )
    jurisdiction = serializers.CharField(allow_blank=True)
    filed = PartialDateOut()
    claims = serializers.ListField(child=serializers.CharField())
    parties = LawsuitPartyOut(many=True)
    events = EventOut(many=True)


class LawsuitRepresentation(DatedRepresentation):
    resource = "lawsuits"
    model = Lawsuit
    out = LawsuitOut
    target = "lawsuit"
    fields = (
        *DatedRepresentation.fields,
        "title",
        "title_ar",
        "court",
        "docket_number",
        "docket_url",
        "jurisdiction",
        *partial_date_fields("filed"),
    )

    def related(self, ids):
        parties = defaultdict(list)
        for row in (
            LawsuitParty.objects.filter(lawsuit_id__in=ids)
            .order_by("side", "id")
            .values("lawsuit_id", "side", *PARTY_FIELDS)
        ):
            parties[row["lawsuit_id"]].append(
                {"side": row["side"], **company_or_person(row, self.links)}
            )
        return {
            "claims": codes_by_record(Lawsuit.claims.through, "lawsuit_id", "claimkind_id", ids),
            "parties": parties,
            "events": self.events(ids),
        }

    def events(self, ids: list[int]) -> dict[int, list[dict]]:
        """Each lawsuit's events, oldest first, with their own citations (two queries)."""
        rows = list(
            LawsuitEvent.objects.filter(lawsuit_id__in=ids)
            .order_by("occurred_on", "id")
            .values(
                "id",
                "lawsuit_id",
                "kind",
                "summary",
                "summary_ar",
                *partial_date_fields("occurred"),
            )
        )
        citations = citations_by_record("lawsuit_event", [row["id"] for row in rows], self.links)
        events = defaultdict(list)
        for row in rows:
            events[row["lawsuit_id"]].append(
                {
                    "id": row["id"],
                    "kind": row["kind"],
                    "occurred": partial_date(row, "occurred"),
                    "summary": row["summary"],
                    "summary_ar": row["summary_ar"],
                    "citations": citations.get(row["id"], []),
                }
            )
        return events

    def serialize(self, row, attrs):
        return {
            **super().serialize(row, attrs),
            "title": row["title"],
            "title_ar": row["title_ar"],
            "court": row["court"],
            "docket_number": row["docket_number"],
            "docket_url": row["docket_url"],
            "jurisdiction": row["jurisdiction"],
            "filed": partial_date(row, "filed"),
            "claims": attrs["claims"],
            "parties": attrs["parties"],
            "events": attrs["events"],
        }


class DevelopmentOut(serializers.Serializer):
    id = serializers.IntegerField()
    slug = serializers.CharField()
    url = serializers.URLField()
    html_url = serializers.URLField(help_text="The development's page for readers.")
    kind = serializers.ChoiceField(choices=DevelopmentKind.choices)
    title = serializers.CharField()
    title_ar = serializers.CharField(allow_blank=True)
    occurred = PartialDateOut()
    jurisdiction = serializers.CharField(
        allow_blank=True, help_text="ISO 3166-1 alpha-2 code; blank when not one country."
    )
    companies = ReferenceOut(many=True)
    summary = serializers.CharField()
    summary_ar = serializers.CharField(allow_blank=True)
    citations = CitationOut(many=True)
    corroboration = CorroborationOut(help_text=CORROBORATION_HELP)
    related_events = RelatedEventOut(many=True)
    review = ReviewOut(help_text="How far curators checked the record, who set that and when.")
    version = serializers.IntegerField()
    updated_at = serializers.DateTimeField()


class DevelopmentRepresentation(Representation):
    """Legal and market developments that name no single case or deal."""

    resource = "developments"
    model = Development
    out = DevelopmentOut
    fields = (
        "id",
        "slug",
        "kind",
        "title",
        "title_ar",
        "jurisdiction",
        "summary",
        "summary_ar",
        "version",
        "updated_at",
        *partial_date_fields("occurred"),
        *REVIEW_FIELDS,
    )

    def get_attrs(self, ids):
        link = (Development.companies.through, "development_id", "company", "companies")
        companies = references_by_record(self.links, link, ids)
        citations, corroboration = citations_and_corroboration(
            "development", ids, self.links, Development
        )
        return per_record(
            ids,
            companies=companies,
            citations=citations,
            corroboration=corroboration,
            related_events=related_events_by_record("development", ids, self.links),
        )

    def serialize(self, row, attrs):
        return {
            "id": row["id"],
            "slug": row["slug"],
            "url": self.links.url(self.resource, row["slug"]),
            "html_url": self.links.page(self.resource, row["slug"]),
            "kind": row["kind"],
            "title": row["title"],
            "title_ar": row["title_ar"],
            "occurred": partial_date(row, "occurred"),
            "jurisdiction": row["jurisdiction"],
            "companies": attrs["companies"],
            "summary": row["summary"],
            "summary_ar": row["summary_ar"],
            "citations": attrs["citations"],
            "corroboration": attrs["corroboration"],
            "related_events": attrs["related_events"],
            "review": review(row),
            "version": row["version"],
            "updated_at": row["updated_at"],
        }
