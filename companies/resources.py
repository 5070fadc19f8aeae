from import_export import fields

from core.resources import CodesWidget, PartialDateField, ServiceResource, TrackedResource

from .models import Company, CompanyKind
from .services import company_create, company_update


class CompanyResource(ServiceResource):
    """Companies as CSV/JSON rows keyed by slug; kinds as codes separated by "|"."""

    create_service = company_create
    update_service = company_update
    record_arg = "company"

    kinds = fields.Field(attribute="kinds", column_name="kinds", widget=CodesWidget(CompanyKind))
    founded = PartialDateField("founded")

    class Meta(TrackedResource.Meta):
        model = Company
        import_id_fields = ["slug"]
        fields = [
            "slug",
            "name",
            "name_ar",
            "kinds",
            "founded",
            "status",
            "headquarters_country",
            "website",
            "description",
            "description_ar",
        ]
