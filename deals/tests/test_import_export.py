"""Bulk import and export of deals, investments and lawsuits through the admin."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from deals.models import Deal, Investment, Lawsuit
from deals.services import deal_update

CSV_FORMAT, JSON_FORMAT = "0", "1"
HEADER = "slug,title,kinds,status,announced,value_amount,value_currency,value_qualifier,parties\n"


def upload(client, model: str, content: str, name: str, file_format: str = CSV_FORMAT):
    url = reverse(f"admin:deals_{model}_import")
    upload = SimpleUploadedFile(name, content.encode(), content_type="text/plain")
    return client.post(url, {"import_file": upload, "format": file_format, "resource": "0"})


def export(client, model: str, file_format: str):
    """Post the export form as a curator would, with every column ticked."""
    url = reverse(f"admin:deals_{model}_export")
    form = client.get(url).context["form"]
    data = {name: "on" for name in form.fields if form[name].value() is True}
    data.update({"format": file_format, "resource": "0"})
    return client.post(url, data)


def imported(client, model: str, content: str, name: str, file_format: str = CSV_FORMAT):
    """Upload a file that previews without errors, then confirm the import."""
    preview = upload(client, model, content, name, file_format)
    assert not preview.context["result"].has_validation_errors()
    return confirm(client, model, preview)


def confirm(client, model: str, preview):
    form = preview.context["confirm_form"]
    data = {name: form[name].value() for name in form.fields}
    return client.post(reverse(f"admin:deals_{model}_process_import"), data)


def test_a_valid_file_is_previewed_then_imported_with_parties_and_dates(seeded, curator_client):
    content = HEADER + (
        "anthropic-google-cloud,Google and Anthropic cloud deal,partnership,announced,2025-10,"
        '"10000000000",USD,about,company:google:partner|company:meta:partner\n'
        "play-ai-talks,Talks over Play AI,acquisition_offer,talks,2025?,,,exact,"
        "company:meta:bidder|group:unnamed investors:bidder\n"
    )
    preview = upload(curator_client, "deal", content, "deals.csv")
    assert preview.status_code == 200
    result = preview.context["result"]
    assert not result.has_errors()
    assert not result.has_validation_errors()
    assert not Deal.objects.filter(slug="anthropic-google-cloud").exists(), "preview saved rows"

    assert confirm(curator_client, "deal", preview).status_code == 302
    deal = Deal.objects.get(slug="anthropic-google-cloud")
    assert str(deal.value) == "about $10B"
    assert (deal.announced_on.isoformat(), deal.announced_precision) == ("2025-10-01", "month")
    assert set(deal.parties.values_list("company__slug", "role")) == {
        ("google", "partner"),
        ("meta", "partner"),
    }
    talks = Deal.objects.get(slug="play-ai-talks")
    assert (talks.announced_precision, talks.announced_basis) == ("year", "inferred")
    assert talks.parties.filter(unnamed_description="unnamed investors").exists()
    assert deal.history.first().history_user.username == "curator"


def test_one_bad_row_imports_nothing_and_names_the_row(seeded, curator_client):
    deals_before = Deal.objects.count()
    content = HEADER + (
        "good-deal,A good deal,partnership,announced,2025-10,,,exact,company:meta:partner\n"
        "bad-deal,A bad deal,partnership|teleportation,announced,June 2025,-5,,exact,"
        "company:nobody:partner\n"
    )
    preview = upload(curator_client, "deal", content, "deals.csv")
    result = preview.context["result"]
    assert result.has_validation_errors()
    assert "confirm_form" not in preview.context
    [invalid] = result.invalid_rows
    assert invalid.number == 2
    errors = json.dumps(invalid.error_dict, default=str)
    assert "teleportation" in errors
    assert "June 2025" in errors
    assert "No company with slug 'nobody'" in errors
    page = preview.content.decode()
    assert "teleportation" in page
    assert Deal.objects.count() == deals_before


def test_export_writes_parties_kinds_and_partial_dates(seeded, curator_client):
    response = export(curator_client, "deal", CSV_FORMAT)
    content = response.content.decode()
    assert response.status_code == 200
    assert "meta-midjourney-licensing-partnership" in content
    assert "licensing|partnership" in content or "partnership|licensing" in content
    # The seed's curator-added month is no inferred date: no "?" mark.
    assert ",2025-08," in content
    assert "2025-08?" not in content
    assert "company:meta:licensee" in content


def test_a_row_keeping_a_date_keeps_where_it_comes_from(seeded, curator_client):
    deal = Deal.objects.get(slug="meta-midjourney-licensing-partnership")
    note = deal.announced_note
    row = "meta-midjourney-licensing-partnership,{},licensing|partnership,announced,{},,,exact,"
    row += "company:meta:licensee|company:midjourney:licensor\n"
    imported(curator_client, "deal", HEADER + row.format("Kept", "2025-08"), "deals.csv")
    deal.refresh_from_db()
    assert (deal.title, deal.announced_basis, deal.announced_note) == ("Kept", "curator", note)
    imported(curator_client, "deal", HEADER + row.format("Marked", "2025-08?"), "deals.csv")
    deal.refresh_from_db()
    assert (deal.title, deal.announced_basis, deal.announced_note) == ("Marked", "inferred", "")


def test_export_then_import_round_trips_a_lawsuit(seeded, curator_client):
    exported = export(curator_client, "lawsuit", JSON_FORMAT)
    rows = json.loads(exported.content)
    rows[0]["slug"] = "disney-universal-v-midjourney-copy"
    rows[0]["title"] = "A copy"
    imported(curator_client, "lawsuit", json.dumps(rows), "lawsuits.json", JSON_FORMAT)
    copy = Lawsuit.objects.get(slug="disney-universal-v-midjourney-copy")
    assert set(copy.parties.values_list("company__slug", "side")) == {
        ("disney", "plaintiff"),
        ("universal", "plaintiff"),
        ("midjourney", "defendant"),
    }
    assert list(copy.claims.values_list("code", flat=True)) == ["copyright"]


def test_a_parties_column_replaces_the_parties_as_in_the_api(seeded, curator_client):
    content = HEADER + (
        "meta-midjourney-licensing-partnership,Meta and Midjourney,licensing|partnership,"
        "announced,2025-08?,,,exact,company:meta:licensee|company:midjourney:licensor\n"
    )
    imported(curator_client, "deal", content, "deals.csv")
    deal = Deal.objects.get(slug="meta-midjourney-licensing-partnership")
    assert set(deal.parties.values_list("company__slug", "role")) == {
        ("meta", "licensee"),
        ("midjourney", "licensor"),
    }


@pytest.mark.parametrize(
    ("model", "content", "message"),
    [
        (
            "deal",
            HEADER + "meta-buys-meta,Meta buys Meta,acquisition,announced,2025,,,exact,"
            "company:meta:acquirer|company:meta:target\n",
            "cannot be both acquirer and target",
        ),
        (
            "lawsuit",
            "slug,title,status,filed,claims,parties\n"
            "meta-buys-meta,X v. X,filed,2025,copyright,"
            "company:meta:plaintiff|company:meta:defendant\n",
            "listed twice",
        ),
    ],
)
def test_a_rule_on_parties_refuses_the_row(seeded, curator_client, model, content, message):
    """An acquirer is not its own target; a lawsuit party is on one side."""
    preview = upload(curator_client, model, content, f"{model}s.csv")
    [invalid] = preview.context["result"].invalid_rows
    assert message in json.dumps(invalid.error_dict, default=str)
    assert not Deal.objects.filter(slug="meta-buys-meta").exists()
    assert not Lawsuit.objects.filter(slug="meta-buys-meta").exists()


def test_investments_import_with_investors_by_slug(seeded, curator_client):
    content = (
        "slug,investee,investors,status,announced,value_amount,value_currency,stake_percent\n"
        "google-in-anthropic,openai,google|meta,announced,2025-Q4,2000000000,USD,10\n"
    )
    imported(curator_client, "investment", content, "investments.csv")
    investment = Investment.objects.get(slug="google-in-anthropic")
    assert set(investment.investors.values_list("slug", flat=True)) == {"google", "meta"}
    assert investment.announced_precision == "quarter"


def test_a_reviewer_cannot_import(seeded, client, reviewer):
    client.force_login(reviewer)
    assert client.get(reverse("admin:deals_deal_import")).status_code == 403


@pytest.mark.parametrize("model", ["deal", "investment", "lawsuit"])
def test_import_pages_offer_csv_and_json(seeded, curator_client, model):
    page = curator_client.get(reverse(f"admin:deals_{model}_import")).content.decode()
    assert "csv" in page
    assert "json" in page


def test_csv_export_escapes_formulas_and_imports_back_unchanged(seeded, curator_client):
    """A title a spreadsheet would run is written with a quote, which the import takes off."""
    formula = '=HYPERLINK("http://example.com/x","open")'
    Deal.objects.filter(slug="meta-midjourney-licensing-partnership").update(
        title=formula, summary="-1+2"
    )
    content = export(curator_client, "deal", CSV_FORMAT).content.decode()
    assert '"\'=HYPERLINK(""http://example.com/x"",""open"")"' in content
    assert ",'-1+2" in content
    assert ',"=HYPERLINK' not in content

    header, *rows = content.splitlines()
    row = next(line for line in rows if line.startswith("meta-midjourney-licensing-partnership,"))
    copy = row.replace("meta-midjourney-licensing-partnership", "formula-copy", 1)
    imported(curator_client, "deal", f"{header}\n{copy}\n", "deals.csv")
    deal = Deal.objects.get(slug="formula-copy")
    assert (deal.title, deal.summary) == (formula, "-1+2")


@pytest.mark.parametrize("file_format", [CSV_FORMAT, JSON_FORMAT], ids=["csv", "json"])
def test_an_old_export_cannot_overwrite_a_newer_edit(seeded, curator_client, file_format):
    slug = "meta-play-ai-acquisition"
    old_file = export(curator_client, "deal", file_format).content.decode()
    deal = Deal.objects.get(slug=slug)
    deal_update(deal=deal, expected_version=deal.version, status="completed", user=None)

    preview = upload(curator_client, "deal", old_file, "deals.file", file_format)
    result = preview.context["result"]
    assert result.has_validation_errors()
    assert "confirm_form" not in preview.context
    [stale] = [row for row in result.invalid_rows if row.values[0] == slug] or [None]
    assert stale is not None, [row.error_dict for row in result.invalid_rows]
    assert len(result.invalid_rows) == 1
    errors = json.dumps(stale.error_dict, default=str, ensure_ascii=False)
    assert "exported at version 1" in errors
    assert "status: announced → completed" in errors
    assert "exported at version 1" in preview.content.decode()
    deal.refresh_from_db()
    assert (deal.status, deal.version) == ("completed", 2)


def test_a_current_export_imports_and_bumps_the_version(seeded, curator_client):
    rows = json.loads(export(curator_client, "deal", JSON_FORMAT).content)
    row = next(row for row in rows if row["slug"] == "meta-play-ai-acquisition")
    assert row["version"] == 1
    row["status"] = "completed"
    imported(curator_client, "deal", json.dumps([row]), "deals.json", JSON_FORMAT)
    deal = Deal.objects.get(slug="meta-play-ai-acquisition")
    assert (deal.status, deal.version) == ("completed", 2)
