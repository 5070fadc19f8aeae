"""An admin save must carry the version the page was loaded with, or it is refused."""

import pytest
from django.urls import reverse

from companies.models import Company, Role
from core.tests.admin_forms import admin_form_data, errors_of
from deals.models import Deal
from sources.models import Article

#: A record saved through a service (deal, company) and one saved by the admin (role).
RECORDS = [
    (Deal, {"slug": "meta-play-ai-acquisition"}),
    (Company, {"slug": "meta"}),
    (Role, {}),
    (Article, {}),
]


def change_url(record) -> str:
    meta = record._meta
    return reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[record.pk])


@pytest.mark.usefixtures("seeded")
@pytest.mark.parametrize(
    ("model", "lookup"), RECORDS, ids=lambda value: getattr(value, "__name__", "")
)
@pytest.mark.parametrize("version", [None, ""], ids=["omitted", "empty"])
def test_a_save_without_the_loaded_version_is_refused(curator_client, model, lookup, version):
    record = model.objects.filter(**lookup).first()
    data = admin_form_data(curator_client.get(change_url(record)))
    data.pop("version")
    if version is not None:
        data["version"] = version
    response = curator_client.post(change_url(record), data)
    assert response.status_code == 200
    assert any("reload the page" in error for error in errors_of(response)), errors_of(response)
    assert model.objects.get(pk=record.pk).version == record.version
