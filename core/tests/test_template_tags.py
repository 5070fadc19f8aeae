from types import SimpleNamespace

import pytest
from django.template import Context, Template
from django.utils import translation

from core.templatetags.tracker import party_groups
from deals.tests.factories import DealFactory, DealPartyFactory

OTHER_NAME = Template('{% load tracker %}<p lang="{% other_lang %}">{{ record|other:"name" }}</p>')


@pytest.mark.parametrize(
    ("language", "expected"),
    [("ar", '<p lang="en">Google</p>'), ("en", '<p lang="ar">جوجل</p>')],
)
def test_the_other_name_is_marked_with_the_language_not_shown(language, expected):
    record = SimpleNamespace(name="Google", name_ar="جوجل")
    with translation.override(language):
        assert OTHER_NAME.render(Context({"record": record})) == expected


JOINED = Template("{% load tracker %}{{ names|join_list }}|{% list_separator %}")


@pytest.mark.parametrize(
    ("language", "expected"),
    [("en", "Meta, Google, A&amp;B|, "), ("ar", "Meta، Google، A&amp;B|، ")],
)
def test_lists_are_joined_with_the_languages_comma(language, expected):
    with translation.override(language):
        assert JOINED.render(Context({"names": ["Meta", "Google", "A&B"]})) == expected


LABEL = Template("{% load tracker %}{{ record|label }}")


def _label(record, language: str) -> str:
    with translation.override(language):
        return LABEL.render(Context({"record": record}))


@pytest.mark.django_db
def test_records_without_a_name_are_labelled_in_the_pages_language():
    from companies.tests.factories import CompanyFactory, RivalryFactory, RoleFactory

    meta = CompanyFactory(name="Meta", name_ar="ميتا")
    role = RoleFactory(
        person__name="Alexandr Wang",
        person__name_ar="ألكسندر وانغ",
        company=meta,
        title="Head of AI",
        title_ar="رئيس قسم الذكاء الاصطناعي",
    )
    rivalry = RivalryFactory(company=meta, rival=CompanyFactory(name="OpenAI", name_ar=""))
    assert _label(role, "en") == "<bdi>Alexandr Wang</bdi>, Head of AI (<bdi>Meta</bdi>)"
    assert _label(role, "ar") == (
        "<bdi>ألكسندر وانغ</bdi>، رئيس قسم الذكاء الاصطناعي (<bdi>ميتا</bdi>)"
    )
    assert _label(rivalry, "ar") == "<bdi>ميتا</bdi> في مواجهة <bdi>OpenAI</bdi>"
    assert _label(meta, "ar") == "<bdi>ميتا</bdi>"


@pytest.mark.django_db
def test_party_groups_name_each_member_once_with_all_its_roles():
    deal = DealFactory()
    licensee = DealPartyFactory(deal=deal, role="licensee")
    DealPartyFactory(deal=deal, company=licensee.company, role="partner")
    DealPartyFactory(deal=deal, company=None, unnamed_description="researchers", role="hire")
    DealPartyFactory(deal=deal, company=None, unnamed_description="engineers", role="hire")
    with translation.override("en"):
        groups = party_groups(deal.parties.order_by("id"))
    assert [(group["member"], group["roles"]) for group in groups] == [
        (licensee.company, ["licensee", "partner"]),
        (None, ["hired"]),
        (None, ["hired"]),
    ]


@pytest.mark.parametrize(
    ("supports", "expected"),
    [
        ("announced", "announced"),  # a partial date, by the name its model gives it
        ("value", "value"),  # money
        ("kinds", "kinds"),  # a many-to-many link
        ("announced_via", "announced via"),  # a plain field
        ("the teams work together", "the teams work together"),  # a claim, as written
        ("", ""),
    ],
)
def test_field_label_names_what_a_citation_supports(supports, expected):
    from deals.models import Deal

    field_label = Template("{% load tracker %}{{ record|field_label:supports }}")
    rendered = field_label.render(Context({"record": Deal(), "supports": supports}))
    assert rendered == expected
    assert field_label.render(Context({"supports": "value"})) == "value", "no record"
