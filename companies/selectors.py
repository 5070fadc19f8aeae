"""Reads of companies, people and products."""

from django.db.models import Count, Prefetch, QuerySet

from .models import Company, CompanyKind, Person, Product, Role


def company_list() -> QuerySet[Company]:
    """Companies with their kinds and how many deals they take part in, by name."""
    return (
        Company.objects.annotate(deal_count=Count("deal_parties__deal", distinct=True))
        .prefetch_related(Prefetch("kinds", queryset=CompanyKind.objects.all()))
        .order_by("name")
    )


def company_profile_queryset() -> QuerySet[Company]:
    """Companies with what a profile's header shows: kinds, aliases, sources, people."""
    return Company.objects.prefetch_related(
        "kinds",
        "aliases",
        "citations__article",
        Prefetch("roles", queryset=Role.objects.select_related("person")),
    )


def company_products(company: Company) -> QuerySet[Product]:
    """A company's products by name, with the platforms they ship in."""
    return company.products.prefetch_related("platforms").order_by("name")


def company_roles(company: Company) -> QuerySet[Role]:
    """The roles people hold or held at a company, latest first."""
    return company.roles.select_related("person").order_by("-started_on")


def person_profile_queryset() -> QuerySet[Person]:
    """People with their aliases, sources, roles, deals and statements."""
    return Person.objects.prefetch_related(
        "aliases",
        "citations__article",
        Prefetch("roles", queryset=Role.objects.select_related("company")),
        "deal_parties__deal",
        "statements__company",
    )
