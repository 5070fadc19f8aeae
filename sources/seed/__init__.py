"""The seed: the two articles the tracker starts from, and the facts they state.

`seed_load()` reads `facts.toml` beside this file and creates every record it lists with
citations to the articles in `articles/`, in one transaction. Once the seed articles are
in the database the seed counts as loaded and is not applied again: a second run changes
nothing, and what curators merged, deleted or edited since is left as they left it.
"""

from __future__ import annotations

import tomllib
from collections import Counter
from decimal import Decimal
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.translation import gettext_noop

from companies import services as companies_services
from companies.models import Company, Metric, Person, Product, Rivalry, Role, Statement
from core.dates import PartialDate
from core.money import Money
from deals import services as deals_services
from deals.models import Deal, Development, Investment, Lawsuit
from sources.models import Article, content_hash
from sources.services.citations import citation_add

from .events import EventsLoading

SEED_DIR = Path(__file__).resolve().parent
FACTS_FILE = SEED_DIR / "facts.toml"
ARTICLES_DIR = SEED_DIR / "articles"
# Stored in English like any curator's note; the article page shows its translation.
SEED_ATTRIBUTION = gettext_noop(
    "Third-party news article shipped unchanged as attributed seed data; "
    "the text names neither its outlet nor its date."
)


SEED_CHANGE_REASON = "Loaded from the seed articles"


class SeedError(Exception):
    """The seed file is wrong: a missing reference, an invalid value, a misquoted excerpt."""


class _Loader(EventsLoading):
    def __init__(self, facts: dict, articles_dir: Path):
        self.facts = facts
        self.articles_dir = articles_dir
        self.created: Counter[str] = Counter()
        self.articles: dict[str, Article] = {}

    # -- helpers --------------------------------------------------------------

    error = SeedError

    def _where(self, section: str, entry: dict) -> str:
        name = entry.get("slug") or entry.get("key") or entry.get("company") or "?"
        return f"{section}[{name}]"

    def _get_or_create(self, where: str, model, lookup: dict, values: dict) -> models.Model:
        existing = model._default_manager.filter(**lookup).first()
        if existing is not None:
            return existing
        instance = model(**lookup, **values)
        self._save(where, instance)
        self.created[model._meta.verbose_name_plural.title()] += 1
        return instance

    def _save(self, where: str, instance: models.Model) -> None:
        try:
            instance.full_clean()
        except ValidationError as error:
            raise SeedError(f"{where}: {_describe(error)}") from error
        instance._change_reason = SEED_CHANGE_REASON
        instance.save()

    def _ref(self, where: str, model, slug: str):
        try:
            return model._default_manager.get(slug=slug)
        except model.DoesNotExist:
            label = model._meta.verbose_name
            raise SeedError(f"{where}: no {label} with slug {slug!r} in the seed.") from None

    def _date(self, where: str, entry: dict, name: str) -> dict:
        given = {
            "date": entry.get(name),
            "basis": entry.get(f"{name}_basis"),
            "note": entry.get(f"{name}_note"),
        }
        try:
            value = PartialDate.from_dict(given)
        except ValueError as error:
            raise SeedError(f"{where}: {name}: {error}") from error
        excerpts = [citation.get("excerpt", "") for citation in entry.get("cite", [])]
        if value.inferred and value.note and not any(value.note in text for text in excerpts):
            raise SeedError(
                f"{where}: {name}_note {value.note!r} is not in the entry's cited excerpts: "
                "an inferred date quotes the words it rests on."
            )
        return {name: value}

    def _money(self, where: str, entry: dict, name: str = "value") -> dict:
        try:
            return {name: Money.from_dict(entry.get(name, {}))}
        except ValueError as error:
            raise SeedError(f"{where}: {name}: {error}") from error

    def _create(self, where: str, service, **arguments) -> models.Model:
        """A record made by its service, counted; a broken rule is a SeedError."""
        try:
            record = service(**arguments, reason=SEED_CHANGE_REASON)
        except ValidationError as error:
            raise SeedError(f"{where}: {_describe(error)}") from error
        self.created[type(record)._meta.verbose_name_plural.title()] += 1
        return record

    def _cite(self, where: str, entry: dict, target) -> None:
        citations = entry.get("cite", [])
        if not citations:
            raise SeedError(f"{where}: every seeded fact needs at least one citation.")
        for citation in citations:
            article = self.articles.get(citation.get("article"))
            if article is None:
                raise SeedError(f"{where}: unknown article {citation.get('article')!r}.")
            try:
                citation_add(
                    record=target,
                    article=article,
                    excerpt=citation.get("excerpt", ""),
                    supports=citation.get("supports", ""),
                )
            except ValidationError as error:
                raise SeedError(f"{where}: {_describe(error)}") from error

    def _names(self, record, entry: dict) -> None:
        companies_services.primary_aliases_sync(record)
        for name in entry.get("aliases", []):
            companies_services.alias_add(target=record, name=name)

    # -- sections -------------------------------------------------------------

    def load_articles(self):
        for entry in self.facts.get("articles", []):
            where = self._where("articles", entry)
            path = self.articles_dir / entry["file"]
            try:
                text = path.read_text(encoding="utf-8")
            except FileNotFoundError:
                raise SeedError(f"{where}: the article file {path} is missing.") from None
            values = {
                "title": entry.get("title", ""),
                "language": entry["language"],
                "text": text,
                "text_is_public": True,
                "attribution": SEED_ATTRIBUTION,
                **self._date(where, entry, "published"),
            }
            article = self._get_or_create(
                where, Article, {"content_hash": content_hash(text)}, values
            )
            self.articles[entry["key"]] = article

    def _existing(self, model, entry: dict):
        return model._default_manager.filter(slug=entry["slug"]).first()

    def load_companies(self):
        for entry in self.facts.get("companies", []):
            where = self._where("companies", entry)
            company = self._existing(Company, entry) or self._create(
                where,
                companies_services.company_create,
                slug=entry["slug"],
                name=entry["name"],
                name_ar=entry.get("name_ar", ""),
                kinds=entry.get("kinds", []),
                description=entry.get("description", ""),
                description_ar=entry.get("description_ar", ""),
                status=entry.get("status", "unknown"),
                wikidata=entry.get("wikidata", ""),
                **self._date(where, entry, "founded"),
            )
            self._names(company, entry)
            self._cite(where, entry, company)

    def load_people(self):
        for entry in self.facts.get("people", []):
            where = self._where("people", entry)
            person = self._existing(Person, entry) or self._create(
                where,
                companies_services.person_create,
                slug=entry["slug"],
                name=entry["name"],
                name_ar=entry.get("name_ar", ""),
                wikidata=entry.get("wikidata", ""),
            )
            self._names(person, entry)
            self._cite(where, entry, person)

    def load_roles(self):
        for entry in self.facts.get("roles", []):
            where = f"roles[{entry['person']} at {entry['company']}]"
            lookup = {
                "person": self._ref(where, Person, entry["person"]),
                "company": self._ref(where, Company, entry["company"]),
                "title": entry["title"],
            }
            values = {
                "title_ar": entry.get("title_ar", ""),
                **self._date(where, entry, "started"),
                **self._date(where, entry, "ended"),
            }
            role = self._get_or_create(where, Role, lookup, values)
            self._cite(where, entry, role)

    def load_products(self):
        for entry in self.facts.get("products", []):
            where = self._where("products", entry)
            product = self._existing(Product, entry) or self._create(
                where,
                companies_services.product_create,
                slug=entry["slug"],
                company=self._ref(where, Company, entry["company"]),
                name=entry["name"],
                name_ar=entry.get("name_ar", ""),
                kind=entry["kind"],
                description=entry.get("description", ""),
                description_ar=entry.get("description_ar", ""),
                **self._date(where, entry, "launched"),
            )
            self._names(product, entry)
            self._cite(where, entry, product)
        for entry in self.facts.get("products", []):
            platforms = entry.get("platforms", [])
            product = Product.objects.get(slug=entry["slug"])
            if platforms and not product.platforms.exists():
                where = self._where("products", entry)
                companies_services.product_update(
                    product=product,
                    platforms=[self._ref(where, Product, slug) for slug in platforms],
                    reason=SEED_CHANGE_REASON,
                )

    def load_statements(self):
        for entry in self.facts.get("statements", []):
            where = f"statements[{entry['company']}: {entry['summary'][:30]}]"
            stated_by = entry.get("stated_by")
            lookup = {
                "company": self._ref(where, Company, entry["company"]),
                "summary": entry["summary"],
            }
            values = {
                "kind": entry["kind"],
                "summary_ar": entry.get("summary_ar", ""),
                "stated_by": self._ref(where, Person, stated_by) if stated_by else None,
                "via": entry.get("via", ""),
                **self._date(where, entry, "stated"),
            }
            statement = self._get_or_create(where, Statement, lookup, values)
            self._cite(where, entry, statement)

    def load_rivalries(self):
        for entry in self.facts.get("rivalries", []):
            where = f"rivalries[{entry['company']} vs {entry['rival']}]"
            lookup = {
                "company": self._ref(where, Company, entry["company"]),
                "rival": self._ref(where, Company, entry["rival"]),
            }
            values = {
                "summary": entry.get("summary", ""),
                "summary_ar": entry.get("summary_ar", ""),
            }
            rivalry = self._get_or_create(where, Rivalry, lookup, values)
            if not rivalry.products.exists():
                rivalry.products.set(
                    [self._ref(where, Product, s) for s in entry.get("products", [])]
                )
            self._cite(where, entry, rivalry)

    def load_metrics(self):
        for entry in self.facts.get("metrics", []):
            where = f"metrics[{entry['company']}: {entry['kind']}]"
            lookup = {
                "company": self._ref(where, Company, entry["company"]),
                "kind": entry["kind"],
                "label": entry.get("label", ""),
            }
            values = {
                "label_ar": entry.get("label_ar", ""),
                "value_high": Decimal(entry["value_high"]) if "value_high" in entry else None,
                "projected": entry.get("projected", False),
                **self._money(where, entry),
                **self._date(where, entry, "as_of"),
            }
            metric = self._get_or_create(where, Metric, lookup, values)
            self._cite(where, entry, metric)

    def _parties(self, where: str, entry: dict, role_key: str) -> list[deals_services.Party]:
        parties = []
        for party in entry.get("parties", []):
            if "company" in party:
                who = {"company": self._ref(where, Company, party["company"])}
            elif "person" in party:
                who = {"person": self._ref(where, Person, party["person"])}
            else:
                who = {
                    "unnamed": party.get("unnamed", ""),
                    "unnamed_ar": party.get("unnamed_ar", ""),
                }
            parties.append(deals_services.Party(role=party[role_key], **who))
        return parties

    def _text(self, entry: dict, *names: str) -> dict:
        return {name: entry.get(name, "") for name in names}

    def load_deals(self):
        for entry in self.facts.get("deals", []):
            where = self._where("deals", entry)
            if self._existing(Deal, entry):
                continue
            announced_by = entry.get("announced_by")
            deal = self._create(
                where,
                deals_services.deal_create,
                slug=entry["slug"],
                title=entry["title"],
                kinds=entry["kinds"],
                status=entry["status"],
                announced_by=self._ref(where, Person, announced_by) if announced_by else None,
                parties=self._parties(where, entry, "role"),
                **self._text(entry, "title_ar", "announced_via", "summary", "summary_ar"),
                **self._date(where, entry, "announced"),
                **self._money(where, entry),
            )
            self._cite(where, entry, deal)

    def load_investments(self):
        for entry in self.facts.get("investments", []):
            where = self._where("investments", entry)
            if self._existing(Investment, entry):
                continue
            investment = self._create(
                where,
                deals_services.investment_create,
                slug=entry["slug"],
                investee=self._ref(where, Company, entry["investee"]),
                investors=[self._ref(where, Company, slug) for slug in entry["investors"]],
                status=entry["status"],
                **self._text(entry, "round", "summary", "summary_ar"),
                **self._date(where, entry, "announced"),
                **self._money(where, entry),
            )
            self._cite(where, entry, investment)

    def load_lawsuits(self):
        for entry in self.facts.get("lawsuits", []):
            where = self._where("lawsuits", entry)
            if self._existing(Lawsuit, entry):
                continue
            lawsuit = self._create(
                where,
                deals_services.lawsuit_create,
                slug=entry["slug"],
                title=entry["title"],
                status=entry["status"],
                claims=entry.get("claims", []),
                parties=self._parties(where, entry, "side"),
                **self._text(
                    entry,
                    "title_ar",
                    "court",
                    "docket_number",
                    "jurisdiction",
                    "summary",
                    "summary_ar",
                ),
                **self._date(where, entry, "filed"),
            )
            self._cite(where, entry, lawsuit)

    def load_developments(self):
        for entry in self.facts.get("developments", []):
            where = self._where("developments", entry)
            if self._existing(Development, entry):
                continue
            development = self._create(
                where,
                deals_services.development_create,
                slug=entry["slug"],
                title=entry["title"],
                kind=entry["kind"],
                summary=entry["summary"],
                companies=[self._ref(where, Company, slug) for slug in entry.get("companies", [])],
                **self._text(entry, "title_ar", "jurisdiction", "summary_ar"),
                **self._date(where, entry, "occurred"),
            )
            self._cite(where, entry, development)

    def run(self) -> Counter[str]:
        for section in (
            self.load_articles,
            self.load_companies,
            self.load_people,
            self.load_roles,
            self.load_products,
            self.load_statements,
            self.load_rivalries,
            self.load_metrics,
            self.load_deals,
            self.load_investments,
            self.load_lawsuits,
            self.load_developments,
            self.load_transitions,
            self.load_event_links,
        ):
            section()
        return self.created


def _describe(error: ValidationError) -> str:
    if hasattr(error, "error_dict"):
        return "; ".join(
            f"{field}: {' '.join(messages)}" for field, messages in error.message_dict.items()
        )
    return " ".join(error.messages)


def _already_loaded(facts: dict, articles_dir: Path) -> bool:
    """Whether every seed article is in the database: the seed was loaded before.

    A loaded seed is never applied again, so what curators merged, deleted or edited
    since stays as they left it.
    """
    hashes = set()
    for entry in facts.get("articles", []):
        path = articles_dir / entry.get("file", "")
        if not path.is_file():
            return False
        hashes.add(content_hash(path.read_text(encoding="utf-8")))
    return bool(hashes) and Article.objects.filter(content_hash__in=hashes).count() == len(hashes)


def seed_load(*, facts_file: Path = FACTS_FILE, articles_dir: Path = ARTICLES_DIR) -> Counter:
    """Create the seed's records that do not exist yet; returns how many of each were created.

    Runs in one transaction: a SeedError leaves the database as it was.
    """
    try:
        facts = tomllib.loads(Path(facts_file).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise SeedError(f"The seed file {facts_file} does not exist.") from None
    except tomllib.TOMLDecodeError as error:
        raise SeedError(f"The seed file {facts_file} is not valid TOML: {error}.") from error
    if _already_loaded(facts, Path(articles_dir)):
        return Counter()
    with transaction.atomic():
        try:
            return _Loader(facts, Path(articles_dir)).run()
        except KeyError as error:
            raise SeedError(f"The seed file lacks a required key: {error}.") from error
