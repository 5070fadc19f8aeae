import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from companies.models import Company
from core.tests.admin_forms import admin_form_data, errors_of

pytestmark = pytest.mark.usefixtures("seeded")

CHANGELIST = reverse("admin:companies_company_changelist")


@pytest.mark.parametrize(
    ("query", "slug"),
    [
        ("غوغل", "google"),
        ("ميدجورنى", "midjourney"),
        ("سكيل", "scale-ai"),
        ("Black Forest", "black-forest-labs"),
    ],
)
def test_company_search_goes_through_aliases(curator_client, query, slug):
    response = curator_client.get(CHANGELIST, {"q": query})
    assert [company.slug for company in response.context["cl"].result_list] == [slug]


def test_people_search_in_arabic(curator_client):
    response = curator_client.get(reverse("admin:companies_person_changelist"), {"q": "وانج"})
    assert [person.slug for person in response.context["cl"].result_list] == ["alexandr-wang"]


def test_the_company_page_has_its_aliases_roles_products_and_citations(curator_client):
    midjourney = Company.objects.get(slug="midjourney")
    page = curator_client.get(reverse("admin:companies_company_change", args=[midjourney.pk]))
    content = page.content.decode()
    for text in ("ميدجورني", "Chief Executive Officer", "V1", "تأسست “ميدجورني” عام 2022"):
        assert text in content


def test_adding_a_spelling_inline_computes_its_keys_and_refuses_a_duplicate(curator_client):
    google = Company.objects.get(slug="google")
    url = reverse("admin:companies_company_change", args=[google.pk])
    data = admin_form_data(curator_client.get(url))
    prefix = f"aliases-{data['aliases-INITIAL_FORMS']}"
    data[f"{prefix}-name"] = "گوگل"
    data[f"{prefix}-language"] = "ar"
    assert curator_client.post(url, data).status_code == 302
    alias = google.aliases.get(name="گوگل")
    assert alias.loose_key == "kl"

    data = admin_form_data(curator_client.get(url))
    prefix = f"aliases-{data['aliases-INITIAL_FORMS']}"
    data[f"{prefix}-name"] = "غُوغِل"
    response = curator_client.post(url, data)
    assert "This name is already recorded for this record." in errors_of(response)


def test_renaming_a_company_keeps_its_old_name_searchable(curator_client):
    play = Company.objects.get(slug="play-ai")
    url = reverse("admin:companies_company_change", args=[play.pk])
    data = admin_form_data(curator_client.get(url))
    data["name"] = "PlayHT"
    assert curator_client.post(url, data).status_code == 302
    names = dict(play.aliases.values_list("name", "is_primary"))
    assert names["PlayHT"] is True
    assert names["Play AI"] is False


def test_company_import_with_a_bad_row_imports_nothing(curator_client):
    content = (
        "slug,name,name_ar,kinds,founded,status\n"
        "anthropic,Anthropic,أنثروبيك,startup|research_lab,2021,independent\n"
        "mistral,Mistral AI,ميسترال,startup,2023-13,independent\n"
    )
    upload = SimpleUploadedFile("companies.csv", content.encode(), content_type="text/csv")
    preview = curator_client.post(
        reverse("admin:companies_company_import"),
        {"import_file": upload, "format": "0", "resource": "0"},
    )
    [invalid] = preview.context["result"].invalid_rows
    assert invalid.number == 2
    assert "2023-13" in str(invalid.error_dict)
    assert not Company.objects.filter(slug__in=["anthropic", "mistral"]).exists()


def test_merging_needs_the_delete_permission(client, django_user_model):
    editor = django_user_model.objects.create_user("editor", password="x", is_staff=True)
    editor.user_permissions.set(
        Permission.objects.filter(codename__in=["view_company", "change_company"])
    )
    client.force_login(editor)
    companies = list(Company.objects.values_list("pk", flat=True)[:2])
    client.post(
        reverse("admin:companies_company_changelist"),
        {
            "action": "merge_companies",
            "_selected_action": companies,
            "survivor": companies[0],
            "confirm": "yes",
        },
    )
    assert Company.objects.filter(pk__in=companies).count() == 2
