"""The record types' table agrees with the models, the URLs, the API and the proposals."""

import inspect

import pytest
from django.apps import apps
from django.urls import reverse
from django.utils import translation
from django.utils.module_loading import import_string

from companies.tests.factories import ProductFactory
from core.records import (
    RECORD_TYPES,
    citation_fields,
    own_pages,
    proposal_models,
    record_type,
    record_type_of,
    timeline_type,
)
from core.tests.factories import record_factory
from deals.tests.factories import DealFactory, LawsuitEventFactory
from deals.timeline import TimelineKind
from sources.models import CITATION_TARGETS, PROPOSAL_RESULTS, Citation, Proposal, ProposalKind
from sources.tests.factories import ArticleFactory


def saved(record):
    """A saved record of the type, from its factory (found by convention)."""
    return record_factory(record)()


WITH_PAGES = [record for record in RECORD_TYPES if record.page]


def test_names_models_and_resources_are_unique():
    for attribute in ("name", "model_label"):
        values = [getattr(record, attribute) for record in RECORD_TYPES]
        assert len(values) == len(set(values)), attribute
    resources = [record.resource for record in RECORD_TYPES if record.resource]
    assert len(resources) == len(set(resources))


@pytest.mark.parametrize("record", RECORD_TYPES, ids=lambda record: record.name)
def test_every_entry_names_a_model(record):
    assert record.model._meta.label == record.model_label
    assert record_type_of(record.model) is record


def test_every_foreign_key_of_a_citation_has_an_entry():
    targets = [
        field.name
        for field in Citation._meta.get_fields()
        if field.many_to_one and field.name not in ("article", "conflict_resolved_by")
    ]
    assert CITATION_TARGETS == citation_fields() == targets
    for name in targets:
        related = Citation._meta.get_field(name).related_model
        assert record_type_of(related).citation_field == name


@pytest.mark.parametrize("record", WITH_PAGES, ids=lambda record: record.name)
def test_the_model_of_every_page_says_where_it_is(record):
    assert hasattr(record.model, "get_absolute_url")


def test_models_without_an_entry_page_have_no_absolute_url():
    """The admin's "view on site" and templates trust `get_absolute_url`: no dead links."""
    paged = {record.model for record in WITH_PAGES}
    for app in ("companies", "deals", "sources"):
        for model in apps.get_app_config(app).get_models():
            assert hasattr(model, "get_absolute_url") == (model in paged), model


@pytest.mark.django_db
@pytest.mark.parametrize("record", WITH_PAGES, ids=lambda record: record.name)
@pytest.mark.parametrize("language", ["en", "ar"])
def test_every_page_answers_for_a_saved_record(record, language, client):
    saved_record = saved(record)
    with translation.override(language):
        url = saved_record.get_absolute_url()
        assert url == record.page.url_of(saved_record)
    assert url.startswith("/ar/") == (language == "ar")
    path, _, anchor = url.partition("#")
    response = client.get(path)
    assert response.status_code == 200, url
    if anchor:
        assert f'id="{anchor}"' in response.content.decode()


@pytest.mark.django_db
def test_pages_keep_their_addresses():
    product = ProductFactory(name="Movie Gen")
    event = LawsuitEventFactory(lawsuit__title="Disney v. Midjourney")
    assert product.get_absolute_url() == "/products/movie-gen/"
    assert event.get_absolute_url() == f"/lawsuits/disney-v-midjourney/#event-{event.pk}"
    assert DealFactory(title="A deal").get_absolute_url() == "/deals/a-deal/"
    article = ArticleFactory()
    assert article.get_absolute_url() == f"/articles/{article.pk}/"


@pytest.mark.parametrize("record", RECORD_TYPES, ids=lambda record: record.name)
def test_every_resource_is_an_api_route(record):
    if record.resource:
        assert reverse(f"api:{record.resource}-list")


@pytest.mark.django_db
@pytest.mark.parametrize(("resource", "url_name"), own_pages().items())
def test_own_pages_are_addressed_by_the_api_key(resource, url_name):
    """The API links a record's page by the key of its resource (slug, or id)."""
    (record,) = (entry for entry in RECORD_TYPES if entry.resource == resource)
    assert record.page.url_name == url_name
    assert record.page.is_own
    saved_record = saved(record)
    key = getattr(saved_record, record.viewset_class.lookup_field)
    assert reverse(url_name, args=[key]) == saved_record.get_absolute_url()


def test_proposal_kinds_map_to_models():
    kinds = proposal_models()
    assert set(kinds) <= set(ProposalKind.values)
    assert set(ProposalKind.values) - set(kinds) == {ProposalKind.ALIAS}
    assert set(PROPOSAL_RESULTS) == set(kinds)
    for kind, label in kinds.items():
        assert Proposal._meta.get_field(kind).related_model._meta.label == label
        assert record_type(kind).proposal_kind == kind


def test_the_timeline_kinds_are_the_timeline_sources():
    sources = [record.timeline for record in RECORD_TYPES if record.timeline]
    assert TimelineKind.values == [source.kind for source in sources]
    for source in sources:
        record = timeline_type(source.kind)
        assert record.timeline is source
        model = record.model
        model._meta.get_field(f"{source.date}_on")
        assert record.page is not None, "a timeline entry links to a page"
        if source.has_status:
            assert model._meta.get_field("status").choices


@pytest.mark.parametrize(
    "record", [record for record in RECORD_TYPES if record.proposed], ids=lambda r: r.name
)
def test_every_proposed_kind_names_how_it_is_accepted_and_merged(record):
    app_label = record.model_label.split(".")[0]
    if record.proposed.accept:
        assert callable(import_string(record.proposed.accept))
        assert record.proposed.accept.split(".")[0] == app_label
    else:
        # The payload is read off the model for the record type's create service.
        assert record.proposed.result_label
        assert callable(import_string(f"{app_label}.services.{record.name}_create"))
    if record.proposed.merge_update:
        update = import_string(record.proposed.merge_update)
        assert record.name in inspect.signature(update).parameters
        record.model._meta.get_field(f"{record.timeline.date}_on")
