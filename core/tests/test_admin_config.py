"""Promises about every admin page, checked over the registry rather than listed by hand."""

import pytest
from django.contrib import admin
from django.contrib.auth.models import User
from django.test import RequestFactory

from companies.models import Company, Person, Product
from core.admin import TrackedAdmin
from core.models import TrackedModel
from sources.models import CITATION_TARGETS, Article, Citation

AUTOCOMPLETED = (Company, Person, Product, Article)


def admin_forms():
    """Every registered model admin and every inline, with the model it edits."""
    for model, model_admin in admin.site._registry.items():
        if model._meta.app_label not in {"companies", "deals", "sources", "core"}:
            continue
        yield model_admin, model, None
        for inline in model_admin.inlines:
            yield inline(model, admin.site), inline.model, model


@pytest.mark.parametrize(
    ("model_admin", "model", "parent"),
    list(admin_forms()),
    ids=lambda value: getattr(value, "__name__", type(value).__name__),
)
def test_every_link_to_a_company_person_product_or_article_autocompletes(
    model_admin, model, parent
):
    request = RequestFactory().get("/admin/")
    request.user = User(is_staff=True, is_superuser=True)
    shown = set(model_admin.get_fields(request))
    for field in model._meta.get_fields():
        if not (field.concrete and field.is_relation and field.related_model in AUTOCOMPLETED):
            continue
        if field.related_model is parent or field.name not in shown:
            continue
        assert field.name in model_admin.autocomplete_fields, f"{model_admin}: {field.name}"


@pytest.mark.parametrize(
    "model",
    [m for m in admin.site._registry if issubclass(m, TrackedModel)],
    ids=lambda model: model.__name__,
)
def test_every_tracked_model_has_history_and_locking_in_the_admin(model):
    assert isinstance(admin.site._registry[model], TrackedAdmin)


def test_citations_are_editable_beside_every_cited_record():
    for target in CITATION_TARGETS:
        cited = Citation._meta.get_field(target).related_model
        inlines = [inline.model for inline in admin.site._registry[cited].inlines]
        assert Citation in inlines, cited
