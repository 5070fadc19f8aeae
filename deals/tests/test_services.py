"""The deal, investment, lawsuit and development services: their rules and bookkeeping."""

import inspect
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from companies.tests.factories import CompanyFactory, PersonFactory
from core.dates import PartialDate
from core.models import slug_redirect_target
from core.money import Money
from core.versioning import EditConflict
from deals import services
from deals.models import Deal, DealParty, LawsuitParty
from deals.services import (
    Party,
    deal_create,
    deal_update,
    development_create,
    development_update,
    investment_create,
    investment_update,
    lawsuit_create,
    lawsuit_event_add,
    lawsuit_event_update,
    lawsuit_update,
    parties_replace,
)

from .factories import DealFactory, DealPartyFactory, LawsuitFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("module", [services.records, services.parties, services.events])
def test_every_public_function_is_exported(module):
    """`deals.services` re-exports each module's `__all__`: a service missing there is hidden."""
    defined = {
        name
        for name, value in vars(module).items()
        if inspect.isfunction(value) and value.__module__ == module.__name__
        if not name.startswith("_")
    }
    assert defined <= set(module.__all__)
    assert {name for name in module.__all__ if hasattr(services, name)} == set(module.__all__)


@pytest.fixture
def meta():
    return CompanyFactory(name="Meta")


@pytest.fixture
def scale():
    return CompanyFactory(name="Scale AI")


def acquisition(acquirer, target, **fields):
    return deal_create(
        title=fields.pop("title", "An acquisition"),
        kinds=["acquisition"],
        status="announced",
        parties=[Party(role="acquirer", company=acquirer), Party(role="target", company=target)],
        **fields,
    )


class TestDealCreate:
    def test_creates_the_deal_with_kinds_parties_dates_and_money(self, meta, scale, admin_user):
        deal = acquisition(
            meta,
            scale,
            announced=PartialDate.parse("2025-06"),
            value=Money(amount=Decimal("14000000000"), currency="USD"),
            user=admin_user,
            reason="Typed in",
        )
        deal.refresh_from_db()
        assert deal.slug == "an-acquisition"
        assert deal.version == 1
        assert str(deal.announced.isoformat()) == "2025-06"
        assert deal.value.amount == Decimal("14000000000")
        assert list(deal.kinds.values_list("code", flat=True)) == ["acquisition"]
        assert set(deal.parties.values_list("company__name", "role")) == {
            ("Meta", "acquirer"),
            ("Scale AI", "target"),
        }
        latest = deal.history.first()
        assert (latest.history_user, latest.history_change_reason) == (admin_user, "Typed in")
        assert DealParty.history.filter(deal_id=deal.pk, history_user=admin_user).count() == 2

    def test_a_deal_needs_a_kind(self, meta):
        with pytest.raises(ValidationError) as error:
            deal_create(title="No kind", kinds=[], status="announced")
        assert "kinds" in error.value.message_dict
        assert not Deal.objects.exists()

    def test_model_rules_are_field_errors_and_nothing_is_saved(self, meta):
        with pytest.raises(ValidationError) as error:
            deal_create(
                title="",
                kinds=["partnership"],
                status="announced",
                value=Money(amount=Decimal(5)),
            )
        assert {"title", "value_currency"} <= set(error.value.message_dict)
        assert not Deal.objects.exists()

    def test_unnamed_groups_take_part_with_a_count(self, meta):
        deal = deal_create(
            title="Hiring",
            kinds=["hiring"],
            status="announced",
            parties=[
                Party(role="employer", company=meta),
                Party(role="hire", unnamed="researchers", unnamed_ar="باحثون", count=12),
            ],
        )
        group = deal.parties.get(role="hire")
        assert (group.unnamed_description, group.unnamed_count) == ("researchers", 12)


class TestPartyRules:
    def test_an_acquirer_is_not_its_own_target(self, meta):
        with pytest.raises(ValidationError) as error:
            acquisition(meta, meta)
        assert "cannot be both acquirer and target" in str(error.value.message_dict["parties"])
        assert not Deal.objects.exists()

    @pytest.mark.parametrize(
        ("first", "second"),
        [("licensor", "licensee"), ("employer", "hire"), ("bidder", "target")],
    )
    def test_roles_that_exclude_each_other(self, meta, first, second):
        parties = [Party(role=first, company=meta), Party(role=second, company=meta)]
        with pytest.raises(ValidationError, match="cannot be both"):
            deal_create(title="X", kinds=["licensing"], status="announced", parties=parties)

    def test_one_company_may_hold_two_compatible_roles(self, meta, scale):
        parties = [
            Party(role="partner", company=meta),
            Party(role="licensee", company=meta),
            Party(role="licensor", company=scale),
        ]
        deal = deal_create(
            title="X", kinds=["licensing", "partnership"], status="announced", parties=parties
        )
        assert deal.parties.count() == 3

    def test_a_party_once_per_role(self, meta):
        parties = [Party(role="partner", company=meta), Party(role="partner", company=meta)]
        with pytest.raises(ValidationError, match="listed twice as partner"):
            deal_create(title="X", kinds=["partnership"], status="announced", parties=parties)

    @pytest.mark.parametrize(
        ("party", "message"),
        [
            (Party(role="partner"), "Choose a company or a person"),
            (Party(role="teleporter", unnamed="someone"), "is not one of"),
        ],
    )
    def test_malformed_parties_are_named_by_position(self, meta, party, message):
        parties = [Party(role="partner", company=meta), party]
        with pytest.raises(ValidationError) as error:
            deal_create(title="X", kinds=["partnership"], status="announced", parties=parties)
        [line] = error.value.message_dict["parties"]
        assert line.startswith("Party 2: ")
        assert message in line

    def test_a_company_and_a_person_at_once_is_refused(self, meta):
        party = Party(role="partner", company=meta, person=PersonFactory())
        with pytest.raises(ValidationError, match="not both"):
            deal_create(title="X", kinds=["partnership"], status="announced", parties=[party])

    def test_a_lawsuit_party_is_on_one_side(self, meta, scale):
        parties = [Party(role="plaintiff", company=meta), Party(role="defendant", company=meta)]
        with pytest.raises(ValidationError, match="one side of a lawsuit"):
            lawsuit_create(title="Meta v. Meta", status="filed", parties=parties)

    def test_a_lawsuit_has_no_unnamed_parties(self):
        with pytest.raises(ValidationError, match="Choose a company or a person"):
            lawsuit_create(
                title="X v. Y", status="filed", parties=[Party(role="plaintiff", unnamed="many")]
            )


class TestPartiesReplace:
    def test_keeps_rows_that_stay_and_changes_only_the_rest(self, meta, scale):
        deal = DealFactory()
        kept = DealPartyFactory(deal=deal, company=meta, role="licensee")
        DealPartyFactory(deal=deal, company=scale, role="partner")
        parties_replace(
            record=deal,
            parties=[Party(role="licensee", company=meta), Party(role="licensor", company=scale)],
        )
        assert set(deal.parties.values_list("id", "role")) >= {(kept.pk, "licensee")}
        assert set(deal.parties.values_list("company__name", "role")) == {
            ("Meta", "licensee"),
            ("Scale AI", "licensor"),
        }

    def test_a_refused_list_changes_nothing(self, meta, scale):
        deal = DealFactory()
        DealPartyFactory(deal=deal, company=scale, role="partner")
        with pytest.raises(ValidationError):
            parties_replace(
                record=deal,
                parties=[Party(role="acquirer", company=meta), Party(role="target", company=meta)],
            )
        assert list(deal.parties.values_list("company__name", flat=True)) == ["Scale AI"]

    def test_a_lawsuit_party_can_change_sides(self, meta):
        lawsuit = LawsuitFactory()
        parties_replace(record=lawsuit, parties=[Party(role="plaintiff", company=meta)])
        parties_replace(record=lawsuit, parties=[Party(role="defendant", company=meta)])
        assert list(LawsuitParty.objects.values_list("side", flat=True)) == ["defendant"]


class TestDealUpdate:
    def test_bumps_the_version_and_replaces_given_lists_only(self, meta, scale):
        deal = acquisition(meta, scale)
        deal_update(deal=deal, title="Renamed", expected_version=1)
        deal.refresh_from_db()
        assert (deal.title, deal.version, deal.parties.count()) == ("Renamed", 2, 2)
        deal_update(deal=deal, kinds=["acquisition", "acqui_hire"], parties=[])
        deal.refresh_from_db()
        assert deal.version == 3
        assert deal.parties.count() == 0
        assert deal.kinds.count() == 2

    def test_a_stale_version_is_a_conflict_and_changes_nothing(self, meta, scale):
        deal = acquisition(meta, scale)
        deal_update(deal=deal, title="First")
        with pytest.raises(EditConflict):
            deal_update(deal=Deal.objects.get(pk=deal.pk), title="Second", expected_version=1)
        assert Deal.objects.get(pk=deal.pk).title == "First"

    def test_a_new_slug_leaves_a_redirect(self, meta, scale):
        deal = acquisition(meta, scale)
        deal_update(deal=deal, slug="meta-buys-scale")
        assert slug_redirect_target(Deal, "an-acquisition") == "meta-buys-scale"

    def test_the_party_rule_holds_on_update(self, meta, scale):
        deal = acquisition(meta, scale)
        with pytest.raises(ValidationError):
            deal_update(
                deal=deal,
                parties=[Party(role="target", company=meta), Party(role="acquirer", company=meta)],
            )
        assert deal.parties.count() == 2


class TestInvestments:
    def test_create_and_update(self, meta, scale):
        investment = investment_create(
            investee=scale,
            investors=[meta],
            status="announced",
            value=Money(amount=Decimal("14000000000"), currency="USD"),
        )
        assert list(investment.investors.all()) == [meta]
        investment_update(investment=investment, stake_percent=Decimal(49))
        investment.refresh_from_db()
        assert (investment.stake_percent, investment.version) == (Decimal(49), 2)

    def test_a_company_does_not_invest_in_itself(self, meta, scale):
        with pytest.raises(ValidationError, match="cannot invest in itself"):
            investment_create(investee=meta, investors=[meta, scale], status="announced")
        investment = investment_create(investee=scale, investors=[meta], status="announced")
        with pytest.raises(ValidationError, match="cannot invest in itself"):
            investment_update(investment=investment, investee=meta)

    def test_an_investment_needs_an_investee(self):
        with pytest.raises(ValidationError) as error:
            investment_create(status="announced")
        assert "investee" in error.value.message_dict


class TestLawsuits:
    def test_create_update_and_events(self, meta, scale):
        lawsuit = lawsuit_create(
            title="Scale v. Meta",
            status="filed",
            claims=["copyright"],
            filed=PartialDate.parse("2025-06"),
            parties=[Party(role="plaintiff", company=scale), Party(role="defendant", company=meta)],
        )
        lawsuit_update(lawsuit=lawsuit, status="settled", claims=["copyright", "trademark"])
        lawsuit.refresh_from_db()
        assert (lawsuit.status, lawsuit.version, lawsuit.claims.count()) == ("settled", 2, 2)
        event = lawsuit_event_add(lawsuit=lawsuit, kind="settlement", summary="They settled.")
        lawsuit_event_update(event=event, occurred=PartialDate.parse("2025-09"))
        event.refresh_from_db()
        assert (event.occurred.isoformat(), event.version) == ("2025-09", 2)

    def test_an_event_needs_a_kind(self):
        with pytest.raises(ValidationError) as error:
            lawsuit_event_add(lawsuit=LawsuitFactory(), summary="Something")
        assert "kind" in error.value.message_dict


class TestDevelopments:
    def test_create_and_update_with_companies(self, meta, scale):
        development = development_create(
            title="Courts side with AI companies",
            kind="court_rulings",
            summary="Courts ruled for the companies.",
            companies=[meta],
        )
        development_update(development=development, companies=[meta, scale], jurisdiction="US")
        development.refresh_from_db()
        assert development.companies.count() == 2
        assert (development.jurisdiction, development.version) == ("US", 2)
