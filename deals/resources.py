"""Deals, investments and lawsuits as CSV/JSON rows keyed by slug.

Parties are one column: entries separated by "|", each "company:<slug>:<role>",
"person:<slug>:<role>" or, for deals, "group:<description>:<role>"
(for example "company:meta:licensee|company:midjourney:licensor"). Rows are saved by the
deal, investment and lawsuit services; a parties column replaces the record's parties,
as a `parties` list does in the API (decision 0010).
"""

from import_export import fields

from companies.models import Company, Person
from core.resources import (
    CodesWidget,
    PartialDateField,
    ServiceResource,
    SlugsWidget,
    SlugWidget,
    TrackedResource,
)

from . import services
from .models import ClaimKind, Deal, DealKind, DealParty, Investment, Lawsuit, LawsuitParty

MONEY_FIELDS = [
    "value_amount",
    "value_currency",
    "value_qualifier",
    "value_undisclosed",
    "value_basis",
]


class PartiesField(fields.Field):
    """The parties column: parsed and checked on import, created once the record is saved."""

    def __init__(self, party_model, role_field: str, *, allow_groups: bool):
        super().__init__(attribute="parties", column_name="parties", readonly=False)
        self.party_model = party_model
        self.role_field = role_field
        self.allow_groups = allow_groups

    def parse(self, text: str) -> list[dict]:
        roles = dict(self.party_model._meta.get_field(self.role_field).choices)
        parties = []
        for entry in filter(None, (part.strip() for part in (text or "").split("|"))):
            kind, _, rest = entry.partition(":")
            name, _, role = rest.rpartition(":")
            if role not in roles:
                raise ValueError(
                    f"{entry!r}: unknown {self.role_field} {role!r}; use one of {', '.join(roles)}."
                )
            if kind == "company":
                parties.append({"company": SlugWidget(Company).clean(name), self.role_field: role})
            elif kind == "person":
                parties.append({"person": SlugWidget(Person).clean(name), self.role_field: role})
            elif kind == "group" and self.allow_groups and name:
                parties.append({"unnamed_description": name, self.role_field: role})
            else:
                allowed = "company, person or group" if self.allow_groups else "company or person"
                raise ValueError(f"{entry!r}: write {allowed}:<name>:<{self.role_field}>.")
        return parties

    def clean(self, row, **kwargs):
        return self.parse(row.get(self.column_name, ""))

    def save(self, instance, row, is_m2m=False, **kwargs):
        """Only check the column: the service writes the parties with the record."""
        self.clean(row)

    def get_value(self, instance):
        if instance.pk is None:
            return ""
        entries = []
        for party in instance.parties.all():
            if party.company_id:
                name = f"company:{party.company.slug}"
            elif party.person_id:
                name = f"person:{party.person.slug}"
            else:
                name = f"group:{party.unnamed_description}"
            entries.append(f"{name}:{getattr(party, self.role_field)}")
        return "|".join(entries)


class DealsResource(ServiceResource):
    """Rows of this app, saved through `deals.services`."""

    service_module = services


class PartiesResource(DealsResource):
    """A record with a parties column: the parties it lists replace the record's own."""

    def service_arguments(self, instance, row):
        if "parties" not in row:
            return {}
        role_field = self.fields["parties"].role_field
        parsed = self.fields["parties"].clean(row)
        return {"parties": [services.Party.from_fields(party, role_field) for party in parsed]}


class DealResource(PartiesResource):
    record_arg = "deal"
    kinds = fields.Field(attribute="kinds", column_name="kinds", widget=CodesWidget(DealKind))
    announced = PartialDateField("announced")
    announced_by = fields.Field(
        attribute="announced_by", column_name="announced_by", widget=SlugWidget(Person)
    )
    parties = PartiesField(DealParty, "role", allow_groups=True)

    class Meta(TrackedResource.Meta):
        model = Deal
        import_id_fields = ["slug"]
        fields = [
            "slug",
            "version",
            "title",
            "title_ar",
            "kinds",
            "status",
            "announced",
            "announced_by",
            "announced_via",
            *MONEY_FIELDS,
            "parties",
            "summary",
            "summary_ar",
        ]


class InvestmentResource(DealsResource):
    record_arg = "investment"
    investee = fields.Field(
        attribute="investee", column_name="investee", widget=SlugWidget(Company)
    )
    investors = fields.Field(
        attribute="investors", column_name="investors", widget=SlugsWidget(Company)
    )
    announced = PartialDateField("announced")

    class Meta(TrackedResource.Meta):
        model = Investment
        import_id_fields = ["slug"]
        fields = [
            "slug",
            "version",
            "investee",
            "investors",
            "status",
            "round",
            "announced",
            *MONEY_FIELDS,
            "stake_percent",
            "summary",
            "summary_ar",
        ]


class LawsuitResource(PartiesResource):
    record_arg = "lawsuit"
    claims = fields.Field(attribute="claims", column_name="claims", widget=CodesWidget(ClaimKind))
    filed = PartialDateField("filed")
    parties = PartiesField(LawsuitParty, "side", allow_groups=False)

    class Meta(TrackedResource.Meta):
        model = Lawsuit
        import_id_fields = ["slug"]
        fields = [
            "slug",
            "version",
            "title",
            "title_ar",
            "court",
            "docket_number",
            "docket_url",
            "jurisdiction",
            "status",
            "filed",
            "claims",
            "parties",
            "summary",
            "summary_ar",
        ]
