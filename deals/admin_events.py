"""The admin of deal lifecycles and event links, and the inlines other admins add.

Steps and links are written by their services (`deals.services.events`), from their own
admins and from the inlines of the records they belong to, so the deal's status always
follows its latest step.
"""

from django.contrib import admin

from core.admin import HasCitationFilter, ServiceAdmin, TextDirectionMixin
from sources.admin import CitationInline

from . import services
from .models import LINKED_KINDS, DealTransition, EventLink


class DealsServiceAdmin(ServiceAdmin):
    """An admin of this app, saved through `deals.services`."""

    service_module = services


#: The field each linked kind is found by in the links' search.
_LINK_TITLES = (
    ("deal", "title"),
    ("investment", "investee__name"),
    ("lawsuit", "title"),
    ("lawsuit_event", "summary"),
    ("development", "title"),
)


def children_save(formset, *, user, fields, add, update, remove) -> None:
    """Save an inline's rows through services: `add(parent, user=…, **values)`,
    `update(row, user=…, **values)` and `remove(row, user=…)`."""
    formset.new_objects, formset.changed_objects, formset.deleted_objects = [], [], []
    for child_form in formset.forms:
        child = child_form.instance
        values = {
            name: child_form.cleaned_data[name]
            for name in child_form.changed_data
            if name in fields
        }
        if child_form in formset.deleted_forms:
            if child.pk is not None:
                remove(child, user=user)
                formset.deleted_objects.append(child)
        elif child.pk is not None and values:
            update(child, user=user, **values)
            formset.changed_objects.append((child, child_form.changed_data))
        elif child.pk is None and values:
            formset.new_objects.append(add(formset.instance, user=user, **values))


def transitions_save(formset, *, user) -> None:
    """Save a deal's lifecycle inline through the transition services (the deal's status
    follows the latest step)."""
    children_save(
        formset,
        user=user,
        fields=DealTransitionInline.fields,
        add=lambda deal, **values: services.deal_transition_add(deal=deal, **values),
        update=lambda step, **values: services.deal_transition_update(transition=step, **values),
        remove=lambda step, **kw: services.deal_transition_remove(transition=step, **kw),
    )


class DealTransitionInline(TextDirectionMixin, admin.TabularInline):
    model = DealTransition
    extra = 0
    fields = [
        "status",
        "occurred_on",
        "occurred_precision",
        "occurred_basis",
        "occurred_note",
        "note",
        "note_ar",
    ]
    show_change_link = True


def links_save(formset, *, user) -> None:
    """Save the links from a record, inline, through the event link services."""
    children_save(
        formset,
        user=user,
        fields=LINK_FIELDS,
        add=lambda record, **values: services.event_link_add(subject=record, **values),
        update=lambda link, **values: services.event_link_update(link=link, **values),
        remove=lambda link, **kw: services.event_link_remove(link=link, **kw),
    )


LINK_FIELDS = ["relation", *(f"to_{kind}" for kind in LINKED_KINDS), "note", "note_ar"]


class EventLinkFromInline(TextDirectionMixin, admin.StackedInline):
    """The links that start from the record (it *follows*, *settles*… another)."""

    model = EventLink
    extra = 0
    fields = LINK_FIELDS
    autocomplete_fields = [f"to_{kind}" for kind in LINKED_KINDS]
    show_change_link = True

    @classmethod
    def of(cls, kind: str) -> type:
        """The inline for records of `kind` ("deal"): links whose subject they are."""
        return type(
            f"{kind.title().replace('_', '')}LinksInline", (cls,), {"fk_name": f"from_{kind}"}
        )


class LinksSavedByServices:
    """An admin with an `EventLinkFromInline`, whose rows its services save."""

    def save_formset(self, request, form, formset, change):
        if formset.model is EventLink:
            links_save(formset, user=request.user)
        else:
            super().save_formset(request, form, formset, change)


@admin.register(DealTransition)
class DealTransitionAdmin(DealsServiceAdmin):
    """A step of a deal's lifecycle; saving or deleting one sets the deal's status."""

    record_name = "deal_transition"
    record_arg = "transition"
    create_action = "add"
    list_display = ["deal", "status", "occurred_on", "occurred_precision"]
    list_filter = ["status", HasCitationFilter]
    search_fields = ["deal__title", "deal__title_ar", "note", "note_ar"]
    autocomplete_fields = ["deal"]
    list_select_related = ["deal"]
    inlines = [CitationInline]

    def delete_model(self, request, obj):
        services.deal_transition_remove(transition=obj, user=request.user)

    def delete_queryset(self, request, queryset):
        for step in queryset:
            self.delete_model(request, step)


@admin.register(EventLink)
class EventLinkAdmin(DealsServiceAdmin):
    """A typed link between two events ("the licence follows the lawsuit")."""

    record_name = "event_link"
    record_arg = "link"
    create_action = "add"
    list_display = ["__str__", "relation"]
    list_filter = ["relation", HasCitationFilter]
    search_fields = [
        "note",
        "note_ar",
        *(f"{end}_{kind}__{name}" for end in ("from", "to") for kind, name in _LINK_TITLES),
    ]
    autocomplete_fields = [f"{end}_{kind}" for end in ("from", "to") for kind in LINKED_KINDS]
    inlines = [CitationInline]
