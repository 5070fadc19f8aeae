"""Reverting a record restores its own fields, links and children, as of that version."""

import pytest

from core.history import record_revert
from core.versioning import EditConflict, version_lock
from deals.models import Lawsuit
from deals.tests.factories import LawsuitEventFactory, LawsuitFactory, LawsuitPartyFactory
from sources.models import Citation
from sources.tests.factories import ArticleFactory, CitationFactory

pytestmark = pytest.mark.django_db


def edit(record, **changes):
    """Save `changes` the way an editing path does: a new version."""
    for field, value in changes.items():
        setattr(record, field, value)
    record.version += 1
    record.save()


def test_revert_restores_claims_parties_events_and_their_citations():
    article = ArticleFactory(text="Disney sued Midjourney; the court ruled in June.")
    lawsuit = LawsuitFactory(title="Disney v. Midjourney")
    lawsuit.claims.set(["copyright"])
    LawsuitPartyFactory(lawsuit=lawsuit, side="plaintiff")
    event = LawsuitEventFactory(lawsuit=lawsuit, kind="ruling", summary="Ruling")
    CitationFactory(article=article, excerpt="the court ruled", lawsuit_event=event)
    first_version = lawsuit.history.earliest("history_date")
    event_pk = event.pk

    edit(lawsuit, title="Renamed", status="dismissed")
    lawsuit.claims.set(["trademark"])
    lawsuit.parties.all().delete()
    event.delete()
    assert not Citation.objects.exists()

    record_revert(record=lawsuit, history_id=first_version.history_id, expected_version=2)

    lawsuit.refresh_from_db()
    assert (lawsuit.title, lawsuit.status, lawsuit.version) == ("Disney v. Midjourney", "filed", 3)
    assert list(lawsuit.claims.values_list("code", flat=True)) == ["copyright"]
    assert lawsuit.parties.get().side == "plaintiff"
    restored = lawsuit.events.get()
    assert restored.pk == event_pk
    assert restored.citations.get().excerpt == "the court ruled"


def test_revert_drops_children_added_after_the_version():
    lawsuit = LawsuitFactory()
    first_version = lawsuit.history.earliest("history_date")
    edit(lawsuit, status="pending")
    LawsuitEventFactory(lawsuit=lawsuit, kind="hearing", summary="Added later")
    record_revert(record=lawsuit, history_id=first_version.history_id, expected_version=2)
    assert not lawsuit.events.exists()
    assert Lawsuit.objects.get(pk=lawsuit.pk).status == "filed"


def test_a_stale_version_is_a_conflict_that_names_the_change():
    lawsuit = LawsuitFactory(status="filed")
    edit(lawsuit, status="settled")
    with pytest.raises(EditConflict) as conflict:
        version_lock(lawsuit, 1)
    assert conflict.value.current_version == 2
    assert "status: filed → settled" in conflict.value.message()
