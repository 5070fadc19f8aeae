"""Reads of companies, people and products."""

from collections.abc import Iterable

from django.db.models import Prefetch, QuerySet

from .models import Alias, Company, Metric, Person, Product, Rivalry, Role, Statement
from .models.aliases import ALIAS_TARGETS

_NAMED_MODELS = {"company": Company, "person": Person, "product": Product}
_TARGET_IDS = [f"{target}_id" for target in ALIAS_TARGETS]


def alias_rows_by_key(keys: Iterable[str]) -> QuerySet:
    """Aliases whose strict key is one of `keys`: key, name and the target's id field."""
    return Alias.objects.filter(key__in=keys).values("key", "name", *_TARGET_IDS)


def alias_rows_by_loose_key(loose_keys: Iterable[str]) -> QuerySet:
    """Aliases whose loose key is one of `loose_keys`: loose key, name and target id."""
    return Alias.objects.filter(loose_key__in=loose_keys).values("loose_key", "name", *_TARGET_IDS)


def person_alias_keys(person_ids: Iterable[int]) -> QuerySet:
    """(person id, strict key, name) of every alias of the given people."""
    return Alias.objects.filter(person_id__in=person_ids).values_list("person_id", "key", "name")


def alias_keys_with_slugs(kind: str) -> QuerySet:
    """(strict key, record slug) of every alias of a record of `kind`."""
    return Alias.objects.filter(**{f"{kind}__isnull": False}).values_list("key", f"{kind}__slug")


def record_names(kind: str, ids: Iterable[int]) -> QuerySet:
    """Id, slug, name and Arabic name of the records of `kind` with the given ids."""
    return _NAMED_MODELS[kind].objects.filter(pk__in=ids).values("id", "slug", "name", "name_ar")


def company_profile_queryset() -> QuerySet[Company]:
    """Companies with what a profile's header shows: kinds, aliases, sources, people, and
    the cited facts (figures, statements, rivals both ways), each with its sources."""
    cited = "citations__article"
    return Company.objects.prefetch_related(
        "kinds",
        "aliases",
        cited,
        Prefetch("roles", queryset=Role.objects.select_related("person")),
        Prefetch("metrics", queryset=Metric.objects.prefetch_related(cited)),
        Prefetch(
            "statements",
            queryset=Statement.objects.select_related("stated_by").prefetch_related(cited),
        ),
        Prefetch(
            "rivalries",
            queryset=Rivalry.objects.select_related("rival").prefetch_related("products", cited),
        ),
        Prefetch(
            "rivalries_as_rival",
            queryset=Rivalry.objects.select_related("company").prefetch_related("products", cited),
        ),
    )


def company_products(company: Company) -> QuerySet[Product]:
    """A company's products by name, with the platforms they ship in."""
    return company.products.prefetch_related("platforms").order_by("name")


def company_roles(company: Company) -> QuerySet[Role]:
    """The roles people hold or held at a company, latest first."""
    return company.roles.select_related("person").order_by("-started_on")


def person_profile_queryset() -> QuerySet[Person]:
    """People with their aliases, sources, roles and statements (their deals and lawsuits:
    `deals.selectors.person_deals` and `person_lawsuits`)."""
    return Person.objects.prefetch_related(
        "aliases",
        "citations__article",
        Prefetch("roles", queryset=Role.objects.select_related("company")),
        "statements__company",
    )


def product_page_queryset() -> QuerySet[Product]:
    """Products with what their page shows: maker, names, platforms both ways, rivalries
    and sources."""
    return Product.objects.select_related("company").prefetch_related(
        "aliases",
        "platforms",
        "hosted_products",
        "citations__article",
        Prefetch("rivalries", queryset=Rivalry.objects.select_related("company", "rival")),
    )


def product_names(product: Product) -> set[str]:
    """Every recorded spelling of a product's name."""
    names = {product.name, product.name_ar, *(alias.name for alias in product.aliases.all())}
    return {name for name in names if name}
