"""Factories for deals, investments, lawsuits (parties, events) and developments.

They write rows directly, for setting up tests; the services under test are called
by the tests themselves.
"""

import factory

from companies.tests.factories import CompanyFactory
from core.tests.factories import linked
from deals import models


class DealFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Deal
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Deal {n}")
    status = models.DealStatus.ANNOUNCED

    kinds = linked("kinds", ["partnership"])


class DealPartyFactory(factory.django.DjangoModelFactory):
    """A new company in the deal, or the `person` given (a party is one or the other)."""

    class Meta:
        model = models.DealParty

    deal = factory.SubFactory(DealFactory)
    person = None
    company = factory.Maybe(
        "person", yes_declaration=None, no_declaration=factory.SubFactory(CompanyFactory)
    )
    role = models.DealPartyRole.PARTNER


class InvestmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Investment
        skip_postgeneration_save = True

    investee = factory.SubFactory(CompanyFactory)
    status = models.InvestmentStatus.ANNOUNCED

    investors = linked("investors")


class LawsuitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Lawsuit

    title = factory.Sequence(lambda n: f"Plaintiff {n} v. Defendant")
    status = models.LawsuitStatus.FILED


class LawsuitPartyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.LawsuitParty

    lawsuit = factory.SubFactory(LawsuitFactory)
    company = factory.SubFactory(CompanyFactory)
    side = models.LawsuitSide.PLAINTIFF


class LawsuitEventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.LawsuitEvent

    lawsuit = factory.SubFactory(LawsuitFactory)
    kind = models.LawsuitEventKind.RULING
    summary = factory.Sequence(lambda n: f"Ruling {n}")


class DevelopmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Development
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Development {n}")
    kind = models.DevelopmentKind.MARKET
    summary = factory.Sequence(lambda n: f"What development {n} is about.")

    companies = linked("companies")


class DealTransitionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.DealTransition

    deal = factory.SubFactory(DealFactory)
    status = models.DealStatus.OFFERED


class EventLinkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.EventLink

    relation = models.LinkRelation.FOLLOWS
    from_deal = factory.SubFactory(DealFactory)
    to_lawsuit = factory.SubFactory(LawsuitFactory)
