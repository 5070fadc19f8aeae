"""`record_changed`: sent once a save commits, with the fields whose values changed."""

import pytest
from django.db import transaction

from companies.models import Company
from companies.tests.factories import CompanyFactory
from core.editing import record_changed, record_edit

pytestmark = pytest.mark.django_db


@pytest.fixture
def sent():
    calls = []

    def receiver(sender, record, created, changed, **kwargs):
        calls.append((sender, record.pk, created, changed))

    record_changed.connect(receiver)
    yield calls
    record_changed.disconnect(receiver)


def test_a_new_record_is_announced_after_the_commit(sent, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        company = record_edit(record=Company(), fields={"name": "Lumen"}, links={"kinds": []})
        assert sent == []
    assert len(callbacks) == 1
    assert sent == [(Company, company.pk, True, [])]


def test_an_edit_names_the_changed_fields_and_links(sent, django_capture_on_commit_callbacks):
    company = CompanyFactory(name="Old")
    with django_capture_on_commit_callbacks(execute=True):
        record_edit(
            record=company,
            fields={"name": "New", "website": company.website},
            links={"kinds": ["startup"]},
        )
    assert sent == [(Company, company.pk, False, ["name", "kinds"])]


def test_an_edit_changing_nothing_is_not_announced(sent, django_capture_on_commit_callbacks):
    company = CompanyFactory(name="Same")
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        record_edit(record=company, fields={"name": "Same"})
    assert (callbacks, sent) == ([], [])


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_rolled_back_save_is_never_announced(sent):
    def save_then_fail():
        with transaction.atomic():
            record_edit(record=Company(), fields={"name": "Gone"})
            raise RuntimeError

    with pytest.raises(RuntimeError):
        save_then_fail()
    assert sent == []
    record_edit(record=Company(), fields={"name": "Kept"})
    assert [created for _sender, _pk, created, _changed in sent] == [True]


def test_a_failing_listener_leaves_the_committed_save_alone(django_capture_on_commit_callbacks):
    def broken(**kwargs):
        raise RuntimeError("listener down")

    record_changed.connect(broken)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            company = record_edit(record=Company(), fields={"name": "Solid"})
    finally:
        record_changed.disconnect(broken)
    assert Company.objects.filter(pk=company.pk).exists()
