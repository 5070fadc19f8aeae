from core.api.views import WritableRecordViewSet, documented

from ..filtersets import CompanyFilterSet, PersonFilterSet, ProductFilterSet
from ..models import Company, Person, Product
from . import serializers as s
from .representations import CompanyRepresentation, PersonRepresentation, ProductRepresentation


@documented(CompanyRepresentation)
class CompanyViewSet(WritableRecordViewSet):
    """Companies: labs, startups, studios, investors, with their names in both scripts."""

    queryset = Company.objects.order_by("name", "id")
    representation = CompanyRepresentation
    filterset_class = CompanyFilterSet
    write_serializer_class = s.CompanyWrite


@documented(PersonRepresentation)
class PersonViewSet(WritableRecordViewSet):
    """People the sources name, with the roles the sources state."""

    queryset = Person.objects.order_by("name", "id")
    representation = PersonRepresentation
    filterset_class = PersonFilterSet
    write_serializer_class = s.PersonWrite


@documented(ProductRepresentation)
class ProductViewSet(WritableRecordViewSet):
    """Models, apps and services, with their maker and where they ship."""

    queryset = Product.objects.order_by("name", "id")
    representation = ProductRepresentation
    filterset_class = ProductFilterSet
    write_serializer_class = s.ProductWrite
