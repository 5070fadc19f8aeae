from django import forms
from django.utils.translation import gettext_lazy as _

from companies.models import Company

from .selectors import TimelineKind, timeline_statuses


class TimelineFilterForm(forms.Form):
    """The timeline's filters: every one optional, all shareable in the URL."""

    company = forms.ChoiceField(label=_("Company"), required=False)
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("All kinds")), *TimelineKind.choices]
    )
    status = forms.ChoiceField(label=_("Status"), required=False)
    year = forms.IntegerField(label=_("Year"), required=False, min_value=1, max_value=9999)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        companies = Company.objects.order_by("name").values_list("slug", "name", "name_ar")
        self.fields["status"].choices = [("", _("Any status")), *timeline_statuses()]
        self.fields["company"].choices = [("", _("All companies"))] + [
            (slug, f"{name} — {name_ar}" if name_ar else name) for slug, name, name_ar in companies
        ]
