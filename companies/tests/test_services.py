import pytest

from companies.models import Alias
from companies.services import alias_add, alias_language, primary_aliases_sync
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
