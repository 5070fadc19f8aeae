import pytest
from django.core.exceptions import ValidationError

from companies.models import Alias, Person
from companies.services import (
    alias_add,
    alias_language,
    company_create,
    company_update,
    person_create,
    person_update,
    primary_aliases_sync,
    product_create,
    product_update,
)
from companies.tests.factories import CompanyFactory, PersonFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("name", "language"), [("جوجل", "ar"), ("Google", "en"), ("Sora التابعة", "ar"), ("42", "und")]
)
def test_alias_language_follows_the_script(name, language):
    assert alias_language(name) == language


def test_primary_names_become_aliases():
    company = CompanyFactory(name="Google", name_ar="جوجل")
    primary_aliases_sync(company)
    aliases = {(a.name, a.language, a.is_primary) for a in company.aliases.all()}
    assert aliases == {("Google", "en", True), ("جوجل", "ar", True)}


def test_a_spelling_differing_only_in_diacritics_is_one_alias():
    person = PersonFactory(name="Alexandr Wang", name_ar="ألكسندر وانغ")
    primary_aliases_sync(person)
    same = alias_add(target=person, name="أَلكسَندر  وانغ")
    other = alias_add(target=person, name="ألكسندر وانج")
    assert same.name == "ألكسندر وانغ"
    assert other.name == "ألكسندر وانج"
    assert Alias.objects.filter(person=person).count() == 3


def test_a_renamed_record_keeps_its_old_name_as_an_alias():
    company = CompanyFactory(name="Facebook", name_ar="")
    primary_aliases_sync(company)
    company.name = "Meta"
    company.save()
    primary_aliases_sync(company)
    aliases = {a.name: a.is_primary for a in company.aliases.all()}
    assert aliases == {"Facebook": False, "Meta": True}


def test_company_create_and_update_keep_names_as_aliases(admin_user):
    company = company_create(
        name="Lumen Vision", name_ar="لومن", kinds=["startup"], user=admin_user
    )
    assert set(company.aliases.filter(is_primary=True).values_list("name", flat=True)) == {
        "Lumen Vision",
        "لومن",
    }
    company_update(company=company, name="Lumen", expected_version=1)
    company.refresh_from_db()
    assert company.version == 2
    assert set(company.aliases.values_list("name", "is_primary")) >= {
        ("Lumen", True),
        ("Lumen Vision", False),
    }
    assert company.history.last().history_user == admin_user


def test_person_and_product_services():
    person = person_create(name="Ada Example", name_ar="آدا")
    person_update(person=person, description="An engineer.")
    company = CompanyFactory()
    product = product_create(company=company, name="Lumen One", kind="image_model")
    platform = product_create(company=company, name="Lumen App", kind="app")
    product_update(product=product, platforms=[platform])
    assert list(product.platforms.all()) == [platform]
    assert Alias.objects.filter(person=person, is_primary=True).count() == 2
    assert Person.objects.get(pk=person.pk).version == 2


def test_a_nameless_company_is_refused_and_leaves_nothing():
    with pytest.raises(ValidationError) as error:
        company_create(name="")
    assert "name" in error.value.message_dict
    assert not Alias.objects.exists()
