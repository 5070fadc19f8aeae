"""Merging duplicate people and products, as companies are merged."""

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.core.exceptions import ValidationError
from django.urls import reverse

from companies.models import Alias, Person, Product, Role
from companies.services import person_merge, primary_aliases_sync, product_merge
from companies.tests.factories import (
    CompanyFactory,
    PersonFactory,
    ProductFactory,
    RoleFactory,
)
from core.models import slug_redirect_target
from deals.tests.factories import DealPartyFactory
from sources.models import Citation
from sources.tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def named(factory, **fields):
    record = factory(**fields)
    primary_aliases_sync(record)
    return record


def test_a_person_merge_moves_roles_parts_and_citations_and_keeps_the_names():
    survivor = named(PersonFactory, name="Alexandr Wang", slug="alexandr-wang")
    duplicate = named(
        PersonFactory,
        name="Alexander Wang",
        name_ar="ألكسندر وانغ",
        slug="alexander-wang",
        description="Founder of Scale AI.",
    )
    role = RoleFactory(person=duplicate)
    party = DealPartyFactory(company=None, person=duplicate, role="hire")
    article = ArticleFactory(text="Alexander Wang joins Meta.")
    Citation.objects.create(article=article, excerpt="Alexander Wang joins Meta.", person=duplicate)

    report = person_merge(survivor=survivor, duplicates=[duplicate])

    survivor.refresh_from_db()
    assert not Person.objects.filter(pk=duplicate.pk).exists()
    assert Role.objects.get(pk=role.pk).person == survivor
    party.refresh_from_db()
    assert party.person == survivor
    assert survivor.citations.count() == 1
    assert (survivor.name_ar, survivor.description) == ("ألكسندر وانغ", "Founder of Scale AI.")
    names = set(Alias.objects.filter(person=survivor).values_list("name", flat=True))
    assert {"Alexandr Wang", "Alexander Wang", "ألكسندر وانغ"} <= names
    assert slug_redirect_target(Person, "alexander-wang") == "alexandr-wang"
    assert report == {"roles": 1, "deal parties": 1, "citations": 1, "aliases": 2}
    assert survivor.version == 2


def test_a_product_merge_keeps_the_survivors_maker_and_adds_the_platforms():
    maker = CompanyFactory()
    survivor = named(ProductFactory, company=maker, name="Midjourney V7", slug="midjourney-v7")
    duplicate = named(ProductFactory, name="MJ V7", slug="mj-v7", description="Image model.")

    product_merge(survivor=survivor, duplicates=[duplicate])

    survivor.refresh_from_db()
    assert survivor.company == maker
    assert survivor.description == "Image model."
    assert Alias.objects.filter(product=survivor, name="MJ V7").exists()
    assert not Product.objects.filter(pk=duplicate.pk).exists()


def test_records_of_another_kind_are_not_merged():
    person = PersonFactory()
    with pytest.raises(ValidationError):
        person_merge(survivor=person, duplicates=[ProductFactory()])
    assert Person.objects.filter(pk=person.pk).exists()


@pytest.mark.parametrize(
    ("model", "factory", "action"),
    [(Person, PersonFactory, "merge_people"), (Product, ProductFactory, "merge_products")],
)
def test_the_admin_merges_people_and_products(curator_client, model, factory, action):
    keep, drop = named(factory, name="Kept Name"), named(factory, name="Dropped Name")
    url = reverse(f"admin:companies_{model._meta.model_name}_changelist")
    selected = [keep.pk, drop.pk]

    choose = curator_client.post(url, {"action": action, ACTION_CHECKBOX_NAME: selected})
    assert f"Choose the {model._meta.verbose_name} to keep" in choose.content.decode()
    done = curator_client.post(
        url,
        {"action": action, ACTION_CHECKBOX_NAME: selected, "survivor": keep.pk, "confirm": "yes"},
        follow=True,
    )

    assert f"Merged 1 {model._meta.verbose_name} into “Kept Name”" in done.content.decode()
    assert list(model.objects.filter(pk__in=selected)) == [keep]


def test_a_merged_persons_old_address_redirects_with_its_query_string(client):
    survivor = named(PersonFactory, name="Alexandr Wang", slug="alexandr-wang")
    person_merge(survivor=survivor, duplicates=[named(PersonFactory, slug="alexander-wang")])

    response = client.get("/people/alexander-wang/?from=search")

    assert response.status_code == 301
    assert response["Location"].endswith("/people/alexandr-wang/?from=search")
