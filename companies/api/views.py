from collections import defaultdict

from core.api.representations import (
    PAGES,
    Links,
    citations_by_record,
    ordered,
    partial_date,
    partial_date_fields,
    reference,
)
from core.api.views import WritableRecordViewSet, documented

from ..filtersets import CompanyFilterSet, PersonFilterSet, ProductFilterSet
from ..models import Alias, Company, Person, Product, Role
from . import serializers as s

RECORD_FIELDS = [
    "id",
    "slug",
    "name",
    "name_ar",
    "description",
    "description_ar",
    "version",
    "updated_at",
]


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


def base_record(row: dict, links: Links, resource: str, aliases, citations) -> dict:
    return {
        "id": row["id"],
        "slug": row["slug"],
        "url": links.url(resource, row["slug"]),
        "html_url": links.page(resource, row["slug"]) if resource in PAGES else None,
        "name": row["name"],
        "name_ar": row["name_ar"],
        "description": row["description"],
        "description_ar": row["description_ar"],
        "aliases": aliases.get(row["id"], []),
        "citations": citations.get(row["id"], []),
        "version": row["version"],
        "updated_at": row["updated_at"],
    }


@documented(s.CompanyOut)
class CompanyViewSet(WritableRecordViewSet):
    """Companies: labs, startups, studios, investors, with their names in both scripts."""

    resource = "companies"
    queryset = Company.objects.order_by("name", "id")
    filterset_class = CompanyFilterSet
    write_serializer_class = s.CompanyWrite

    def build(self, ids):
        links = Links(self.request)
        rows = Company.objects.filter(pk__in=ids).values(
            *RECORD_FIELDS,
            "status",
            "headquarters_country",
            "website",
            *partial_date_fields("founded"),
        )
        kinds = defaultdict(list)
        for company_id, code in (
            Company.kinds.through.objects.filter(company_id__in=ids)
            .order_by("companykind_id")
            .values_list("company_id", "companykind_id")
        ):
            kinds[company_id].append(code)
        products = defaultdict(list)
        for row in (
            Product.objects.filter(company_id__in=ids)
            .order_by("name")
            .values("company_id", "slug", "name", "name_ar", "kind")
        ):
            products[row["company_id"]].append(
                {
                    **reference(links, "products", row["slug"], row["name"], row["name_ar"]),
                    "kind": row["kind"],
                }
            )
        aliases = aliases_by_record("company", ids)
        citations = citations_by_record("company", ids, links)
        people = roles_by("company", ids, "person", links)
        records = {}
        for row in rows:
            records[row["id"]] = {
                **base_record(row, links, self.resource, aliases, citations),
                "kinds": kinds.get(row["id"], []),
                "status": row["status"],
                "founded": partial_date(row, "founded"),
                "headquarters_country": row["headquarters_country"],
                "website": row["website"],
                "people": people.get(row["id"], []),
                "products": products.get(row["id"], []),
            }
        return ordered(records, ids)


@documented(s.PersonOut)
class PersonViewSet(WritableRecordViewSet):
    """People the sources name, with the roles the sources state."""

    resource = "people"
    queryset = Person.objects.order_by("name", "id")
    filterset_class = PersonFilterSet
    write_serializer_class = s.PersonWrite

    def build(self, ids):
        links = Links(self.request)
        aliases = aliases_by_record("person", ids)
        citations = citations_by_record("person", ids, links)
        roles = roles_by("person", ids, "company", links)
        records = {
            row["id"]: {
                **base_record(row, links, self.resource, aliases, citations),
                "roles": roles.get(row["id"], []),
            }
            for row in Person.objects.filter(pk__in=ids).values(*RECORD_FIELDS)
        }
        return ordered(records, ids)


@documented(s.ProductOut)
class ProductViewSet(WritableRecordViewSet):
    """Models, apps and services, with their maker and where they ship."""

    resource = "products"
    queryset = Product.objects.order_by("name", "id")
    filterset_class = ProductFilterSet
    write_serializer_class = s.ProductWrite

    def build(self, ids):
        links = Links(self.request)
        rows = Product.objects.filter(pk__in=ids).values(
            *RECORD_FIELDS,
            "kind",
            "company__slug",
            "company__name",
            "company__name_ar",
            *partial_date_fields("launched"),
        )
        platforms = defaultdict(list)
        for row in (
            Product.platforms.through.objects.filter(from_product_id__in=ids)
            .order_by("to_product__name")
            .values(
                "from_product_id", "to_product__slug", "to_product__name", "to_product__name_ar"
            )
        ):
            platforms[row["from_product_id"]].append(
                reference(
                    links,
                    "products",
                    row["to_product__slug"],
                    row["to_product__name"],
                    row["to_product__name_ar"],
                )
            )
        aliases = aliases_by_record("product", ids)
        citations = citations_by_record("product", ids, links)
        records = {
            row["id"]: {
                **base_record(row, links, self.resource, aliases, citations),
                "kind": row["kind"],
                "company": reference(
                    links,
                    "companies",
                    row["company__slug"],
                    row["company__name"],
                    row["company__name_ar"],
                ),
                "html_url": f"{links.page('companies', row['company__slug'])}?tab=products",
                "launched": partial_date(row, "launched"),
                "platforms": platforms.get(row["id"], []),
            }
            for row in rows
        }
        return ordered(records, ids)
