"""`record_edit`: the bookkeeping every service's save shares."""

import pytest
from django.core.exceptions import ValidationError

from companies.models import Company
from companies.tests.factories import CompanyFactory
from core.dates import PartialDate
from core.editing import field_errors, record_adopt, record_edit
from core.models import slug_redirect_target
from core.versioning import EditConflict

pytestmark = pytest.mark.django_db


def test_a_new_record_starts_at_version_one_with_who_and_why(admin_user):
    company = record_edit(
        record=Company(),
        fields={"name": "Lumen", "founded": PartialDate.parse("2022")},
        links={"kinds": ["startup"]},
        user=admin_user,
        reason="Typed in",
    )
    assert (company.version, company.founded.isoformat()) == (1, "2022")
    assert list(company.kinds.values_list("code", flat=True)) == ["startup"]
    history = company.history.first()
    assert (history.history_user, history.history_change_reason) == (admin_user, "Typed in")


def test_an_edit_checks_and_bumps_the_version():
    company = CompanyFactory()
    record_edit(record=company, fields={"name": "New"}, expected_version=1)
    assert Company.objects.get(pk=company.pk).version == 2
    with pytest.raises(EditConflict):
        record_edit(record=company, fields={"name": "Newer"}, expected_version=1)
    assert Company.objects.get(pk=company.pk).name == "New"


def test_model_rules_refuse_the_save():
    with pytest.raises(ValidationError) as error:
        record_edit(record=Company(), fields={"name": "", "website": "not a url"})
    assert {"name", "website"} <= set(error.value.message_dict)
    assert not Company.objects.exists()


def test_a_changed_slug_redirects():
    company = CompanyFactory(slug="old-name")
    record_edit(record=company, fields={"slug": "new-name"})
    assert slug_redirect_target(Company, "old-name") == "new-name"


def test_an_unknown_field_is_a_programming_error():
    with pytest.raises(ValueError, match="no field 'colour'"):
        record_edit(record=Company(), fields={"name": "X", "colour": "red"})


def test_adopting_the_saved_row():
    saved = CompanyFactory(name="Saved")
    built = Company(name="Saved")
    record_adopt(built, saved)
    assert (built.pk, built.slug, built._state.adding) == (saved.pk, saved.slug, False)


def test_field_errors_put_a_childs_messages_under_one_field():
    error = ValidationError({"excerpt": ["Not verbatim."], "__all__": ["Broken."]})
    assert field_errors(error, "citations", "Citation 2").message_dict == {
        "citations": ["Citation 2: excerpt: Not verbatim.", "Citation 2: Broken."]
    }


def test_a_link_given_as_none_is_left_as_it_is():
    company = record_edit(record=Company(), fields={"name": "Lumen"}, links={"kinds": ["startup"]})
    record_edit(record=company, fields={"name": "Lumen AI"}, links={"kinds": None})
    assert list(company.kinds.values_list("code", flat=True)) == ["startup"]
    record_edit(record=company, fields={}, links={"kinds": []})
    assert not company.kinds.exists()
