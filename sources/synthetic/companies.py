"""Companies with their kinds and names, and the people and products around them."""

from dataclasses import dataclass, field
from random import Random

from companies.models import Alias, AliasLanguage, Company, CompanyKind, Person, Product, Role
from companies.models.companies import CompanyStatus
from companies.models.products import ProductKind
from core.dates import PartialDate

from . import names
from .values import SlugBook, partial_date, weighted
from .writer import bulk_insert

Kind = CompanyKind.Code
#: Each company's first kind, as (kind, weight); hubs are always of kind "company".
KINDS = (
    (Kind.STARTUP, 45),
    (Kind.COMPANY, 20),
    (Kind.INVESTOR, 20),
    (Kind.RESEARCH_LAB, 8),
    (Kind.STUDIO, 7),
)
COUNTRIES = ("US", "US", "US", "GB", "FR", "CN", "AE", "SA", "EG", "IL", "DE", "CA")
TITLES = (
    ("Chief Executive", "الرئيس التنفيذي"),
    ("Chief Scientist", "كبير العلماء"),
    ("Founder", "مؤسس"),
    ("Head of Research", "رئيس قسم الأبحاث"),
    ("Managing Partner", "شريك إداري"),
)


@dataclass
class Named:
    """A written record's id and names, for the sentences and titles that mention it."""

    id: int
    name: str
    name_ar: str


@dataclass
class Directory:
    """What later generators pick parties from."""

    companies: list[Named] = field(default_factory=list)
    investors: list[Named] = field(default_factory=list)
    hubs: list[Named] = field(default_factory=list)
    people: list[Named] = field(default_factory=list)


def _aliases(rng: Random, target: str, record, variants: int) -> list[Alias]:
    aliases = [
        Alias(name=record.name, language=AliasLanguage.ENGLISH, is_primary=True),
        Alias(name=record.name_ar, language=AliasLanguage.ARABIC, is_primary=True),
    ]
    aliases += [
        Alias(name=spelling, language=AliasLanguage.ARABIC)
        for spelling in names.arabic_variants(rng, record.name_ar, variants)
    ]
    keys, unique = set(), []
    for alias in aliases:
        setattr(alias, target, record)
        alias.refresh_keys()
        if alias.key not in keys:
            keys.add(alias.key)
            unique.append(alias)
    return unique


def _company(rng: Random, slugs: SlugBook, kind: str) -> Company:
    name, name_ar = names.company_name(rng, kind)
    slug = slugs.slug(name, name_ar)
    return Company(
        slug=slug,
        name=name,
        name_ar=name_ar,
        description=f"{name} works on artificial intelligence.",
        description_ar=f"تعمل {name_ar} في مجال الذكاء الاصطناعي.",
        headquarters_country=rng.choice(COUNTRIES),
        website=f"https://{slug}.example",
        status=rng.choice(CompanyStatus.values),
        **partial_date(rng, "founded"),
    )


def companies_generate(rng: Random, count: int, hubs: int, batch_size: int) -> Directory:
    """`count` companies, the first `hubs` of them large companies, with kinds and aliases."""
    slugs = SlugBook(Company, "company")
    directory = Directory()
    for start in range(0, count, batch_size):
        kinds = [
            Kind.COMPANY if start + offset < hubs else weighted(rng, KINDS)
            for offset in range(min(batch_size, count - start))
        ]
        batch = [_company(rng, slugs, kind) for kind in kinds]
        bulk_insert(batch)
        links = []
        for company, kind in zip(batch, kinds, strict=True):
            links.append(Company.kinds.through(company_id=company.pk, companykind_id=kind))
            if kind == Kind.STARTUP and rng.random() < 0.1:
                links.append(
                    Company.kinds.through(company_id=company.pk, companykind_id=Kind.RESEARCH_LAB)
                )
            named = Named(company.pk, company.name, company.name_ar)
            directory.companies.append(named)
            if kind == Kind.INVESTOR:
                directory.investors.append(named)
        bulk_insert(links)
        aliases = [a for company in batch for a in _aliases(rng, "company", company, 2)]
        bulk_insert(aliases)
    directory.hubs = directory.companies[:hubs]
    directory.investors = directory.investors or directory.companies
    return directory


def people_generate(rng: Random, directory: Directory, count: int, batch_size: int) -> int:
    """`count` people, each with one or two roles at companies and their aliases."""
    slugs = SlugBook(Person, "person")
    written = 0
    for start in range(0, count, batch_size):
        batch = []
        for _ in range(min(batch_size, count - start)):
            name, name_ar = names.person_name(rng)
            batch.append(Person(slug=slugs.slug(name, name_ar), name=name, name_ar=name_ar))
        bulk_insert(batch)
        roles = []
        for person in batch:
            directory.people.append(Named(person.pk, person.name, person.name_ar))
            held = min(rng.randint(1, 2), len(directory.companies))
            roles += [
                _role(rng, person, company) for company in rng.sample(directory.companies, held)
            ]
        bulk_insert(roles)
        aliases = [a for person in batch for a in _aliases(rng, "person", person, 1)]
        bulk_insert(aliases)
        written += len(batch) + len(roles) + len(aliases)
    return written


def _role(rng: Random, person: Person, company: Named) -> Role:
    title, title_ar = rng.choice(TITLES)
    started = partial_date(rng, "started")
    ended = PartialDate().columns("ended")
    if started["started_on"] and rng.random() < 0.3:
        ended = partial_date(rng, "ended", after=started["started_on"].replace(month=12, day=31))
    return Role(
        person=person, company_id=company.id, title=title, title_ar=title_ar, **started, **ended
    )


def products_generate(rng: Random, directory: Directory, batch_size: int) -> int:
    """None to two products for each company, with their aliases."""
    slugs = SlugBook(Product, "product")
    written = 0
    for start in range(0, len(directory.companies), batch_size):
        batch = []
        for company in directory.companies[start : start + batch_size]:
            for _ in range(rng.choice((0, 0, 1, 2))):
                name, name_ar = names.product_name(rng)
                batch.append(
                    Product(
                        slug=slugs.slug(name, name_ar),
                        company_id=company.id,
                        name=name,
                        name_ar=name_ar,
                        kind=rng.choice(ProductKind.values),
                        **partial_date(rng, "launched"),
                    )
                )
        bulk_insert(batch)
        aliases = [a for product in batch for a in _aliases(rng, "product", product, 0)]
        bulk_insert(aliases)
        written += len(batch) + len(aliases)
    return written
