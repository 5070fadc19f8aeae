"""`existing_event` reads any payload a curator may send without failing."""

import pytest

from sources.services.matching import existing_event

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("kind", "payload"),
    [
        ("deal", {"kinds": "acquisition", "parties": [{"type": ["company"], "name": "X"}]}),
        ("deal", {"kinds": ["acquisition"], "parties": "Meta"}),
        ("deal", {"kinds": [5], "parties": [{"name": {"x": 1}}]}),
        ("investment", {"investee": "Scale AI", "investors": None}),
        ("lawsuit", {"parties": [{"slug": 5}], "filed": {"date": "not a date"}}),
        ("company", {"name": "Meta"}),
    ],
)
def test_malformed_or_unmatched_payloads_match_nothing(kind, payload):
    assert existing_event(kind, payload) is None
