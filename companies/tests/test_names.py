"""Names may not hold direction controls, and must show something to a reader."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from companies.models import Company
from companies.normalization import direction_controls, is_visible
from companies.services import alias_add, company_create, person_create, product_create
from companies.tests.factories import CompanyFactory

RLO = "\u202e"
ZWSP, ZWNJ, ZWJ = "\u200b", "\u200c", "\u200d"


@pytest.mark.parametrize(
    "control", ["\u202a", "\u202b", "\u202c", "\u202d", RLO, "\u2066", "\u2069"]
)
def test_every_embedding_override_and_isolate_control_is_found(control):
    assert direction_controls(f"Mid{control}journey") == [control]


@pytest.mark.parametrize(
    "name",
    ["میدجورنی\u200cها", "گوگل\u200cپلاس", f"لا{ZWJ}م", "Midjourney", "٣", "\u200fميتا"],
)
def test_arabic_persian_joiners_and_marks_are_allowed(name):
    assert direction_controls(name) == []
    assert is_visible(name)


@pytest.mark.parametrize("name", [ZWSP * 3, f"{ZWNJ}{ZWJ}", " \u00a0 ", "\u3164", "\u2060\ufeff"])
def test_invisible_characters_alone_are_not_visible(name):
    assert not is_visible(name)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("create", "extra"),
    [(company_create, {}), (person_create, {}), (product_create, {"kind": "app"})],
)
def test_records_refuse_a_direction_control_in_either_name(create, extra):
    if create is product_create:
        extra = {**extra, "company": CompanyFactory()}
    with pytest.raises(ValidationError) as refused:
        create(name=f"Evil{RLO}rosnecil", **extra)
    assert "U+202E" in " ".join(refused.value.message_dict["name"])
    with pytest.raises(ValidationError) as refused:
        create(name="Fine", name_ar=f"شركة{RLO}", **extra)
    assert "direction control" in " ".join(refused.value.message_dict["name_ar"])


@pytest.mark.django_db
def test_a_name_of_invisible_characters_only_is_refused():
    with pytest.raises(ValidationError) as refused:
        company_create(name=ZWSP * 4)
    assert "visible letter" in " ".join(refused.value.message_dict["name"])
    assert not Company.objects.exists()


@pytest.mark.django_db
def test_arabic_names_with_joiners_are_saved():
    company = company_create(name="Google Plus", name_ar="گوگل\u200cپلاس")
    assert company.name_ar == "گوگل\u200cپلاس"


@pytest.mark.django_db
def test_an_alias_is_held_to_the_same_rule():
    company = CompanyFactory()
    with pytest.raises(ValidationError):
        alias_add(target=company, name=f"x{RLO}y")
    with pytest.raises(ValidationError):
        alias_add(target=company, name=ZWSP)


@pytest.mark.django_db
def test_the_api_answers_400_with_the_field_message(curator_api):
    response = curator_api.post("/api/v1/companies/", {"name": f"Meta{RLO}"}, format="json")
    assert response.status_code == 400
    assert "U+202E" in str(response.json())
    invisible = curator_api.post("/api/v1/people/", {"name": ZWSP * 2}, format="json")
    assert invisible.status_code == 400
    assert "visible letter" in str(invisible.json())


@pytest.mark.django_db
def test_the_message_is_in_arabic_on_arabic_pages():
    with pytest.raises(ValidationError) as refused:
        company_create(name=ZWSP)
    with translation.override("ar"):
        assert "اكتب اسمًا فيه حرف" in " ".join(refused.value.message_dict["name"])
