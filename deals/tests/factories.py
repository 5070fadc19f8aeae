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
    class Meta:
        model = DealParty

    deal = factory.SubFactory(DealFactory)
    company = factory.SubFactory(CompanyFactory)
    role = DealPartyRole.PARTNER


class LawsuitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Lawsuit

    title = factory.Sequence(lambda n: f"Plaintiff {n} v. Defendant")
    status = LawsuitStatus.FILED


class LawsuitEventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LawsuitEvent

    lawsuit = factory.SubFactory(LawsuitFactory)
    kind = LawsuitEventKind.RULING
    summary = "The court rules on the motion."


class InvestmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Investment

    investee = factory.SubFactory(CompanyFactory)
    status = InvestmentStatus.ANNOUNCED


class DevelopmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Development
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Development {n}")
    kind = DevelopmentKind.COURT_RULINGS
    summary = "Courts have ruled on training data."

    @factory.post_generation
    def companies(self, create, extracted, **kwargs):
        if create and extracted:
            self.companies.set(extracted)
