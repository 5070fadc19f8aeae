"""Read shapes of companies, people and products: queries, dicts and schema together."""

from collections import defaultdict

from rest_framework import serializers

from core.api.representations import (
    PAGES,
    REVIEW_FIELDS,
    Links,
    Representation,
    codes_by_record,
    partial_date,
    partial_date_fields,
    per_record,
    reference,
    reference_fields,
    references_by_record,
    review,
)
from core.api.serializers import AliasOut, CitationOut, PartialDateOut, ReferenceOut, ReviewOut
from core.models import wikidata_url
from sources.api.representations import (
    CorroborationOut,
    citations_and_corroboration,
    corroborations,
)

from ..models import Alias, Company, Person, Product, Role
from .facts import (
    MetricOut,
    ProductReferenceOut,
    RivalryOut,
    StatementOut,
    company_facts,
)


class RoleOut(serializers.Serializer):
    title = serializers.CharField()
    title_ar = serializers.CharField(allow_blank=True)
    started = PartialDateOut()
    ended = PartialDateOut()


class CompanyRoleOut(RoleOut):
    person = ReferenceOut()


class PersonRoleOut(RoleOut):
    company = ReferenceOut()


class RecordOut(serializers.Serializer):
    id = serializers.IntegerField()
    slug = serializers.CharField()
    url = serializers.URLField()
    html_url = serializers.URLField(allow_null=True, help_text="The record's page for readers.")
    name = serializers.CharField()
    name_ar = serializers.CharField(allow_blank=True)
    description = serializers.CharField(allow_blank=True)
    description_ar = serializers.CharField(allow_blank=True)
    wikidata = serializers.CharField(allow_blank=True, help_text="Wikidata QID; empty if unknown.")
    wikidata_url = serializers.CharField(allow_blank=True, help_text="Its Wikidata page.")
    aliases = AliasOut(many=True)
    citations = CitationOut(many=True)
    corroboration = CorroborationOut(
        help_text="The distinct articles, outlets and languages supporting the record."
    )
    review = ReviewOut(help_text="How far curators checked the record, who set that and when.")
    version = serializers.IntegerField()
    updated_at = serializers.DateTimeField()


class CompanyOut(RecordOut):
    kinds = serializers.ListField(child=serializers.CharField())
    status = serializers.CharField()
    founded = PartialDateOut()
    headquarters_country = serializers.CharField(allow_blank=True)
    website = serializers.CharField(allow_blank=True)
    people = CompanyRoleOut(many=True)
    products = ProductReferenceOut(many=True)
    metrics = MetricOut(many=True, help_text="Dated figures: revenue, prices, users.")
    statements = StatementOut(
        many=True, help_text='What it says or is said to be ("no outside investors").'
    )
    rivalries = RivalryOut(many=True, help_text="Companies a source names as its competitors.")


class PersonOut(RecordOut):
    roles = PersonRoleOut(many=True)


class ProductOut(RecordOut):
    kind = serializers.CharField()
    company = ReferenceOut()
    launched = PartialDateOut()
    platforms = ReferenceOut(many=True)


def aliases_by_record(target: str, ids: list[int]) -> dict[int, list[dict]]:
    found = defaultdict(list)
    rows = Alias.objects.filter(**{f"{target}_id__in": ids}).order_by("-is_primary", "name")
    for row in rows.values(f"{target}_id", "name", "language", "is_primary"):
        found[row.pop(f"{target}_id")].append(row)
    return found


def roles_by(field: str, ids: list[int], other: str, links: Links) -> dict[int, list[dict]]:
    """Roles of companies or people, each with a reference to the other side."""
    resource = "companies" if other == "company" else "people"
    rows = (
        Role.objects.filter(**{f"{field}_id__in": ids})
        .order_by("-started_on", "id")
        .values(
            f"{field}_id",
            "title",
            "title_ar",
            f"{other}__slug",
            f"{other}__name",
            f"{other}__name_ar",
            *partial_date_fields("started"),
            *partial_date_fields("ended"),
        )
    )
    found = defaultdict(list)
    for row in rows:
        found[row[f"{field}_id"]].append(
            {
                "title": row["title"],
                "title_ar": row["title_ar"],
                "started": partial_date(row, "started"),
                "ended": partial_date(row, "ended"),
                other: reference(
                    links,
                    resource,
                    row[f"{other}__slug"],
                    row[f"{other}__name"],
                    row[f"{other}__name_ar"],
                ),
            }
        )
    return found


class NamedRepresentation(Representation):
    """What companies, people and products share: names, aliases, citations, version."""

    #: The citation's and the alias's foreign key to the record.
    target = ""
    fields = (
        "id",
        "slug",
        "name",
        "name_ar",
        "description",
        "description_ar",
        "wikidata",
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
            aliases=aliases_by_record(self.target, ids),
            citations=citations,
            corroboration=corroboration,
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
            "html_url": self.links.page(self.resource, row["slug"])
            if self.resource in PAGES
            else None,
            "name": row["name"],
            "name_ar": row["name_ar"],
            "description": row["description"],
            "description_ar": row["description_ar"],
            "wikidata": row["wikidata"],
            "wikidata_url": wikidata_url(row["wikidata"]),
            "aliases": attrs["aliases"],
            "citations": attrs["citations"],
            "corroboration": attrs["corroboration"],
            "review": review(row),
            "version": row["version"],
            "updated_at": row["updated_at"],
        }


class CompanyRepresentation(NamedRepresentation):
    resource = "companies"
    model = Company
    out = CompanyOut
    target = "company"
    fields = (
        *NamedRepresentation.fields,
        "status",
        "headquarters_country",
        "website",
        *partial_date_fields("founded"),
    )

    def get_attrs(self, ids):
        """As for every named record, with the facts' citations read with the company's."""
        facts, citations, sources = company_facts(ids, self.links)
        return per_record(
            ids,
            aliases=aliases_by_record(self.target, ids),
            citations=citations,
            corroboration=corroborations(sources, ids, self.links, Company),
            **self.related(ids),
            **facts,
        )

    def related(self, ids):
        products = defaultdict(list)
        for row in (
            Product.objects.filter(company_id__in=ids)
            .order_by("name")
            .values("company_id", "slug", "name", "name_ar", "kind")
        ):
            products[row["company_id"]].append(
                {
                    **reference(self.links, "products", row["slug"], row["name"], row["name_ar"]),
                    "kind": row["kind"],
                }
            )
        return {
            "kinds": codes_by_record(Company.kinds.through, "company_id", "companykind_id", ids),
            "products": products,
            "people": roles_by("company", ids, "person", self.links),
        }

    def serialize(self, row, attrs):
        return {
            **super().serialize(row, attrs),
            "kinds": attrs["kinds"],
            "status": row["status"],
            "founded": partial_date(row, "founded"),
            "headquarters_country": row["headquarters_country"],
            "website": row["website"],
            "people": attrs["people"],
            "products": attrs["products"],
            "metrics": attrs["metrics"],
            "statements": attrs["statements"],
            "rivalries": attrs["rivalries"],
        }


class PersonRepresentation(NamedRepresentation):
    resource = "people"
    model = Person
    out = PersonOut
    target = "person"

    def related(self, ids):
        return {"roles": roles_by("person", ids, "company", self.links)}

    def serialize(self, row, attrs):
        return {**super().serialize(row, attrs), "roles": attrs["roles"]}


class ProductRepresentation(NamedRepresentation):
    resource = "products"
    model = Product
    out = ProductOut
    target = "product"
    fields = (
        *NamedRepresentation.fields,
        "kind",
        *reference_fields("company"),
        *partial_date_fields("launched"),
    )
    platforms = (Product.platforms.through, "from_product_id", "to_product", "products")

    def related(self, ids):
        return {"platforms": references_by_record(self.links, self.platforms, ids)}

    def serialize(self, row, attrs):
        return {
            **super().serialize(row, attrs),
            "kind": row["kind"],
            "company": reference(
                self.links,
                "companies",
                row["company__slug"],
                row["company__name"],
                row["company__name_ar"],
            ),
            "launched": partial_date(row, "launched"),
            "platforms": attrs["platforms"],
        }
