from types import SimpleNamespace

import pytest
from django.template import Context, Template
from django.utils import translation

OTHER_NAME = Template('{% load tracker %}<p lang="{% other_lang %}">{{ record|other:"name" }}</p>')


@pytest.mark.parametrize(
    ("language", "expected"),
    [("ar", '<p lang="en">Google</p>'), ("en", '<p lang="ar">جوجل</p>')],
)
def test_the_other_name_is_marked_with_the_language_not_shown(language, expected):
    record = SimpleNamespace(name="Google", name_ar="جوجل")
    with translation.override(language):
        assert OTHER_NAME.render(Context({"record": record})) == expected


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
