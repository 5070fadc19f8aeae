"""Curators' view of webhook subscriptions (disabled ones flagged) and their deliveries."""

from django import forms
from django.contrib import admin, messages
from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from core.admin import NulSafeChangelist

from .models import KIND_CHOICES, Delivery, Subscription
from .services import subscription_create, subscription_enable


class SubscriptionForm(forms.ModelForm):
    kinds = forms.MultipleChoiceField(
        label=_("record kinds"),
        choices=KIND_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("None ticked follows all kinds."),
    )

    class Meta:
        model = Subscription
        fields = ["owner", "url", "kinds", "companies", "is_active"]


class DisabledFilter(admin.SimpleListFilter):
    title = _("state")
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return [("active", _("active")), ("disabled", _("disabled"))]

    def queryset(self, request, queryset):
        if self.value() in ("active", "disabled"):
            return queryset.filter(is_active=self.value() == "active")
        return queryset


@admin.register(Subscription)
class SubscriptionAdmin(NulSafeChangelist, admin.ModelAdmin):
    form = SubscriptionForm
    list_display = ["url", "owner", "state", "failure_count", "created_at"]
    list_filter = [DisabledFilter, "created_at"]
    search_fields = ["url", "owner__username"]
    readonly_fields = ["failure_count", "disabled_at", "disabled_reason", "created_at"]
    autocomplete_fields = ["owner"]
    actions = ["enable"]

    @admin.display(description=_("state"), ordering="is_active")
    def state(self, subscription):
        if subscription.is_active:
            return format_html(
                '<img src="{}" alt=""> {}', static("admin/img/icon-yes.svg"), _("active")
            )
        return format_html(
            '<img src="{}" alt=""> <strong>{}</strong> <span title="{}">{}</span>',
            static("admin/img/icon-no.svg"),
            _("disabled"),
            subscription.disabled_reason,
            subscription.disabled_at or "",
        )

    def save_model(self, request, obj, form, change):
        if change:
            obj.full_clean()
            obj.save()
            return
        saved = subscription_create(
            owner=obj.owner, url=obj.url, kinds=obj.kinds, companies=obj.companies
        )
        obj.pk, obj.secret = saved.pk, saved.secret
        obj._state.adding = False
        messages.warning(
            request,
            _("The secret of this subscription, shown only now: %(secret)s")
            % {"secret": saved.secret},
        )

    @admin.action(description=_("Enable again (failures back to zero)"), permissions=["change"])
    def enable(self, request, queryset):
        for subscription in queryset:
            subscription_enable(subscription=subscription)
        count = queryset.count()
        message = ngettext(
            "%(count)d subscription enabled.", "%(count)d subscriptions enabled.", count
        )
        self.message_user(request, message % {"count": count}, messages.SUCCESS)


@admin.register(Delivery)
class DeliveryAdmin(NulSafeChangelist, admin.ModelAdmin):
    """Deliveries are a log: read, never written, in the admin."""

    list_display = ["event_type", "subscription", "attempt", "status_code", "error", "created_at"]
    list_filter = ["event_type", "status_code", "created_at"]
    search_fields = ["event_id", "subscription__url"]
    list_select_related = ["subscription"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
