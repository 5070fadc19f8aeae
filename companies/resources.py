from import_export import fields

from core.resources import CodesWidget, PartialDateField, ServiceResource, TrackedResource

from . import services
from .models import Company, CompanyKind


class CompanyResource(ServiceResource):
    """Companies as CSV/JSON rows keyed by slug; kinds as codes separated by "|".

    A new row whose name an existing company has is refused, naming the company.
    """

    service_module = services
    record_arg = "company"

    kinds = fields.Field(attribute="kinds", column_name="kinds", widget=CodesWidget(CompanyKind))
    founded = PartialDateField("founded")

    def service_arguments(self, instance, row):
        """A new row may say (a `confirm_new` column) it is not the same-named company."""
        confirmed = str(row.get("confirm_new") or "").strip().lower() in {"1", "yes", "true"}
        return {"confirm_new": True} if confirmed and instance.pk is None else {}

    class Meta(TrackedResource.Meta):
        model = Company
        import_id_fields = ["slug"]
        fields = [
            "slug",
            "version",
            "name",
            "name_ar",
            "kinds",
            "founded",
            "status",
            "headquarters_country",
            "website",
            "wikidata",
            "description",
            "description_ar",
        ]
