from import_export import fields

from core.resources import CodesWidget, PartialDateField, TrackedResource

from .models import Company, CompanyKind
from .services import primary_aliases_sync


class CompanyResource(TrackedResource):
    """Companies as CSV/JSON rows keyed by slug; kinds as codes separated by "|"."""

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

    def after_save_instance(self, instance, row, **kwargs):
        primary_aliases_sync(instance)
