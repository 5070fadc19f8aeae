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
