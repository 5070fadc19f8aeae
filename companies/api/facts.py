"""Read shapes of a company's cited facts: figures, statements and rivalries.

`company_facts` reads the facts of a whole page of companies in three queries (a
rivalry's products joined), and their citations with the companies' own in one more.
"""

from collections import defaultdict

from django.db.models import Q
from rest_framework import serializers

from core.api.representations import (
    Links,
    decimal_text,
    money,
    money_fields,
    partial_date,
    partial_date_fields,
    reference,
    reference_fields,
)
from core.api.serializers import CitationOut, MoneyOut, PartialDateOut, ReferenceOut
from sources.api.representations import sources_by_targets

from ..models import Metric, MetricKind, Rivalry, Statement, StatementKind
from ..models.facts import Channel


class ProductReferenceOut(ReferenceOut):
    kind = serializers.CharField()


class MetricOut(serializers.Serializer):
    id = serializers.IntegerField()
    kind = serializers.ChoiceField(choices=MetricKind.choices)
    label = serializers.CharField(allow_blank=True, help_text='What is measured ("plans").')
    label_ar = serializers.CharField(allow_blank=True)
    value = MoneyOut(
        help_text="A money figure, or the low end of a range; its basis and "
        "qualifier apply to both ends."
    )
    value_high = serializers.CharField(
        allow_null=True, help_text="The high end of a range, as text; null for one figure."
    )
    quantity = serializers.CharField(
        allow_null=True, help_text="A count that is not money (users, employees), as text."
    )
    projected = serializers.BooleanField(help_text="A forecast or run rate, not a reported figure.")
    as_of = PartialDateOut()
    citations = CitationOut(many=True)


class StatementOut(serializers.Serializer):
    id = serializers.IntegerField()
    kind = serializers.ChoiceField(choices=StatementKind.choices)
    summary = serializers.CharField()
    summary_ar = serializers.CharField(allow_blank=True)
    stated_by = ReferenceOut(allow_null=True, help_text="The person who said it, if named.")
    via = serializers.ChoiceField(choices=Channel.choices, allow_blank=True)
    stated = PartialDateOut()
    citations = CitationOut(many=True)


class RivalryOut(serializers.Serializer):
    id = serializers.IntegerField()
    rival = ReferenceOut(help_text="The other company, whichever side the source named it on.")
    products = ProductReferenceOut(many=True, help_text="Products named as the ground.")
    summary = serializers.CharField(allow_blank=True)
    summary_ar = serializers.CharField(allow_blank=True)
    citations = CitationOut(many=True)


def _metrics(ids: list[int]) -> list[dict]:
    rows = (
        Metric.objects.filter(company_id__in=ids)
        .order_by("kind", "-as_of_on", "id")
        .values(
            "id",
            "company_id",
            "kind",
            "label",
            "label_ar",
            "value_high",
            "quantity",
            "projected",
            *money_fields(),
            *partial_date_fields("as_of"),
        )
    )
    return [
        (
            row["company_id"],
            {
                "id": row["id"],
                "kind": row["kind"],
                "label": row["label"],
                "label_ar": row["label_ar"],
                "value": money(row),
                "value_high": decimal_text(row["value_high"]),
                "quantity": decimal_text(row["quantity"]),
                "projected": row["projected"],
                "as_of": partial_date(row, "as_of"),
            },
        )
        for row in rows
    ]


def _statements(ids: list[int], links: Links) -> list[tuple[int, dict]]:
    rows = (
        Statement.objects.filter(company_id__in=ids)
        .order_by("-stated_on", "id")
        .values(
            "id",
            "company_id",
            "kind",
            "summary",
            "summary_ar",
            "via",
            *reference_fields("stated_by"),
            *partial_date_fields("stated"),
        )
    )
    found = []
    for row in rows:
        slug, name, name_ar = (row[field] for field in reference_fields("stated_by"))
        found.append(
            (
                row["company_id"],
                {
                    "id": row["id"],
                    "kind": row["kind"],
                    "summary": row["summary"],
                    "summary_ar": row["summary_ar"],
                    "stated_by": reference(links, "people", slug, name, name_ar) if slug else None,
                    "via": row["via"],
                    "stated": partial_date(row, "stated"),
                },
            )
        )
    return found


def _rivalries(ids: list[int], links: Links) -> list[tuple[int, dict]]:
    """Each company's rivalries, whether the source named it as the company or the rival:
    one row per rivalry and product (the products joined rather than read apart)."""
    rows = (
        Rivalry.objects.filter(Q(company_id__in=ids) | Q(rival_id__in=ids))
        .order_by("id", "products__name")
        .values(
            "id",
            "company_id",
            "rival_id",
            "summary",
            "summary_ar",
            *reference_fields("company"),
            *reference_fields("rival"),
            *reference_fields("products"),
            "products__kind",
        )
    )
    rivalries, products = {}, defaultdict(list)
    for row in rows:
        rivalries.setdefault(row["id"], row)
        slug, name, name_ar = (row[field] for field in reference_fields("products"))
        if slug:
            product = reference(links, "products", slug, name, name_ar)
            products[row["id"]].append({**product, "kind": row["products__kind"]})
    wanted = set(ids)
    found = []
    for pk, row in rivalries.items():
        for side, other in (("company", "rival"), ("rival", "company")):
            if row[f"{side}_id"] in wanted:
                slug, name, name_ar = (row[field] for field in reference_fields(other))
                rivalry = {
                    "id": pk,
                    "rival": reference(links, "companies", slug, name, name_ar),
                    "products": products[pk],
                    "summary": row["summary"],
                    "summary_ar": row["summary_ar"],
                }
                found.append((row[f"{side}_id"], rivalry))
    return found


def company_facts(ids: list[int], links: Links) -> tuple[dict, dict, dict]:
    """The figures, statements and rivalries of the companies `ids`, each with its
    citations, by attribute and company id; the companies' own citations by id, and
    what corroboration reads of them (`sources.selectors.Cited` rows) by id."""
    facts = {
        "metric": _metrics(ids),
        "statement": _statements(ids, links),
        "rivalry": _rivalries(ids, links),
    }
    cited, sources = sources_by_targets(
        {"company": ids} | {kind: [fact["id"] for _, fact in rows] for kind, rows in facts.items()},
        links,
    )
    found = {"metrics": defaultdict(list), "statements": defaultdict(list)}
    found["rivalries"] = defaultdict(list)
    for kind, rows in facts.items():
        for company_id, fact in rows:
            fact["citations"] = cited[kind].get(fact["id"], [])
            found[f"{kind}s" if kind != "rivalry" else "rivalries"][company_id].append(fact)
    return found, cited["company"], sources["company"]
