"""The data migrations marking records that accepted proposals became as machine-extracted."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

BEFORE = [("deals", "0012_review_level"), ("sources", "0010_citations_of_transitions_and_links")]
AFTER = [("deals", "0013_accepted_records_machine_extracted")]
DECIDED = datetime.datetime(2025, 6, 1, 12, tzinfo=datetime.UTC)


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def test_accepted_records_become_machine_extracted_by_the_deciding_curator(django_user_model):
    old = migrate(BEFORE)
    user = old.get_model("auth", "User").objects.create(username="decider")
    Lawsuit = old.get_model("deals", "Lawsuit")
    accepted = Lawsuit.objects.create(title="Accepted", slug="accepted", status="filed")
    Lawsuit.objects.create(title="Typed in", slug="typed-in", status="filed")
    Article = old.get_model("sources", "Article")
    article = Article.objects.create(title="An article", text="A v. B was filed.", language="en")
    old.get_model("sources", "Proposal").objects.create(
        article=article,
        kind="lawsuit",
        status="accepted",
        payload={},
        evidence="A v. B was filed.",
        confidence=0.9,
        summary="A v. B",
        fingerprint="f",
        decided_by=user,
        decided_at=DECIDED,
        lawsuit=accepted,
    )
    new = migrate(AFTER)
    rows = {
        row["title"]: row
        for row in new.get_model("deals", "Lawsuit").objects.values(
            "title", "review", "review_by", "review_at"
        )
    }
    assert rows["Accepted"] == {
        "title": "Accepted",
        "review": "machine",
        "review_by": user.pk,
        "review_at": DECIDED,
    }
    assert (rows["Typed in"]["review"], rows["Typed in"]["review_by"]) == ("reviewed", None)
    leaves = MigrationExecutor(connection).loader.graph.leaf_nodes()
    MigrationExecutor(connection).migrate(leaves)
    assert not MigrationExecutor(connection).migration_plan(leaves)


def test_accepted_companies_become_machine_extracted_too():
    old = migrate([("companies", "0011_review_level"), *BEFORE])
    Company = old.get_model("companies", "Company")
    accepted = Company.objects.create(name="Accepted", slug="accepted")
    Company.objects.create(name="Typed in", slug="typed-in")
    article = old.get_model("sources", "Article").objects.create(
        title="An article", text="Accepted is new.", language="en"
    )
    old.get_model("sources", "Proposal").objects.create(
        article=article,
        kind="company",
        status="accepted",
        payload={},
        evidence="Accepted is new.",
        confidence=0.9,
        summary="Accepted",
        fingerprint="f",
        decided_at=DECIDED,
        company=accepted,
    )
    new = migrate([("companies", "0012_accepted_records_machine_extracted")])
    levels = dict(new.get_model("companies", "Company").objects.values_list("name", "review"))
    assert levels == {"Accepted": "machine", "Typed in": "reviewed"}
    leaves = MigrationExecutor(connection).loader.graph.leaf_nodes()
    MigrationExecutor(connection).migrate(leaves)
