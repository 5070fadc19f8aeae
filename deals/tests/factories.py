"""Factories for deals, investments, lawsuits (parties, events) and developments.

They write rows directly, for setting up tests; the services under test are called
by the tests themselves.
"""

import factory

from companies.tests.factories import CompanyFactory
from deals.models import (
    Deal,
    DealParty,
    DealPartyRole,
    DealStatus,
    Development,
    DevelopmentKind,
    Investment,
    InvestmentStatus,
    Lawsuit,
    LawsuitEvent,
    LawsuitEventKind,
    LawsuitParty,
    LawsuitSide,
    LawsuitStatus,
)


class DealFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Deal
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Deal {n}")
    status = DealStatus.ANNOUNCED

    @factory.post_generation
    def kinds(self, create, extracted, **kwargs):
        if create:
            self.kinds.set(extracted or ["partnership"])


class DealPartyFactory(factory.django.DjangoModelFactory):
    """A new company in the deal, or the `person` given (a party is one or the other)."""

    class Meta:
        model = DealParty

    deal = factory.SubFactory(DealFactory)
    person = None
    company = factory.Maybe(
        "person", yes_declaration=None, no_declaration=factory.SubFactory(CompanyFactory)
    )
    role = DealPartyRole.PARTNER


class InvestmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Investment
        skip_postgeneration_save = True

    investee = factory.SubFactory(CompanyFactory)
    status = InvestmentStatus.ANNOUNCED

    @factory.post_generation
    def investors(self, create, extracted, **kwargs):
        if create and extracted:
            self.investors.set(extracted)


class LawsuitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Lawsuit

    title = factory.Sequence(lambda n: f"Plaintiff {n} v. Defendant")
    status = LawsuitStatus.FILED


class LawsuitPartyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LawsuitParty

    lawsuit = factory.SubFactory(LawsuitFactory)
    company = factory.SubFactory(CompanyFactory)
    side = LawsuitSide.PLAINTIFF


class LawsuitEventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LawsuitEvent

    lawsuit = factory.SubFactory(LawsuitFactory)
    kind = LawsuitEventKind.RULING
    summary = factory.Sequence(lambda n: f"Ruling {n}")


class DevelopmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Development
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Development {n}")
    kind = DevelopmentKind.MARKET
    summary = factory.Sequence(lambda n: f"What development {n} is about.")

    @factory.post_generation
    def companies(self, create, extracted, **kwargs):
        if create and extracted:
            self.companies.set(extracted)
