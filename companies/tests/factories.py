import factory

from companies.models import (
    Company,
    Metric,
    MetricKind,
    Person,
    Product,
    ProductKind,
    Rivalry,
    Role,
    Statement,
    StatementKind,
)
from core.tests.factories import linked


class CompanyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Company
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Company {n}")
    name_ar = factory.Sequence(lambda n: f"شركة {n}")

    kinds = linked("kinds")


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    name = factory.Sequence(lambda n: f"Person {n}")


class ProductFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Product

    company = factory.SubFactory(CompanyFactory)
    name = factory.Sequence(lambda n: f"Product {n}")
    kind = ProductKind.IMAGE_MODEL


class RoleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Role

    person = factory.SubFactory(PersonFactory)
    company = factory.SubFactory(CompanyFactory)
    title = "Chief Executive Officer"


class StatementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Statement

    company = factory.SubFactory(CompanyFactory)
    kind = StatementKind.FUNDING
    summary = factory.Sequence(lambda n: f"Statement {n}")


class RivalryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Rivalry

    company = factory.SubFactory(CompanyFactory)
    rival = factory.SubFactory(CompanyFactory)


class MetricFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Metric

    company = factory.SubFactory(CompanyFactory)
    kind = MetricKind.REVENUE
    value_amount = 1_000_000
    value_currency = "USD"
