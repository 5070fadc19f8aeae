import json

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.db.models import Count
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from core.admin import TextDirectionMixin, TrackedAdmin, TrackedAdminForm

from .admin_forms import ConfidenceFilter, NoteForm, PayloadForm, error_lines, merge_form
from .models import (
    CITATION_TARGETS,
    PROPOSAL_RESULTS,
    Article,
    Citation,
    IngestionRun,
    IngestionStatus,
    Proposal,
    ProposalStatus,
    content_hash,
)
from .services import (
    conflict_resolve,
    ingestion_request,
    proposal_accept,
    proposal_merge,
    proposal_reject,
)
from .services.ingestion import article_text_errors
from .services.review import (
    RECORD_MODELS,
    ProposalDecided,
    accept_permissions,
    merge_permissions,
)


class CitationInline(TextDirectionMixin, admin.TabularInline):
    """A record's citations, edited beside it: the article and the words that state it."""

    model = Citation
    extra = 1
    fields = ["article", "excerpt", "supports"]
    autocomplete_fields = ["article"]
    formfield_overrides = {
        Citation._meta.get_field("excerpt"): {"widget": forms.Textarea(attrs={"rows": 2})}
    }
    verbose_name = _("citation")
    verbose_name_plural = _("citations (the article excerpts that state this record)")


class ArticleForm(TrackedAdminForm):
    """A pasted article: its text must be new to the tracker and plain text."""

    def clean_text(self):
        text = self.cleaned_data.get("text", "")
        errors = article_text_errors(text)
        if errors:
            raise forms.ValidationError(errors)
        existing = (
            Article.objects.filter(content_hash=content_hash(text))
            .exclude(pk=self.instance.pk)
            .first()
        )
        if existing is not None:
            url = reverse("admin:sources_article_change", args=[existing.pk])
            raise forms.ValidationError(
                format_html(
                    '{} <a href="{}">{}</a>',
                    _("This article's text is already in the tracker:"),
                    url,
                    existing,
                )
            )
        return text.strip()


class IngestionRunInline(TextDirectionMixin, admin.TabularInline):
    """The article's ingestion runs, latest first: status, attempts and any error."""

    model = IngestionRun
    extra = 0
    can_delete = False
    fields = ["status", "attempts", "proposal_count", "error", "created_at", "finished_at"]
    readonly_fields = fields
    verbose_name_plural = _("ingestion")

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Article)
class ArticleAdmin(TrackedAdmin):
    form = ArticleForm
    list_display = [
        "__str__",
        "language",
        "outlet",
        "published_display",
        "citation_count",
        "ingestion_status",
        "pending_proposals",
    ]
    list_filter = ["language", "text_is_public", "published_precision"]
    search_fields = ["title", "outlet", "url", "text"]
    readonly_fields = ["content_hash", "created_at", "updated_at", "proposals_link"]
    inlines = [IngestionRunInline]
    actions = ["ingest_again"]
    fieldsets = [
        (None, {"fields": ["title", "language", "outlet", "url", "text"]}),
        (
            _("Publication"),
            {
                "fields": [
                    "published_on",
                    "published_precision",
                    "published_basis",
                    "published_note",
                ]
            },
        ),
        (_("Rights"), {"fields": ["text_is_public", "attribution"]}),
        (
            _("Bookkeeping"),
            {"fields": ["proposals_link", "content_hash", "created_at", "updated_at"]},
        ),
    ]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                citation_count=Count("citations", distinct=True),
                pending_count=Count(
                    "proposals",
                    filter=models.Q(proposals__status=ProposalStatus.PENDING),
                    distinct=True,
                ),
            )
            .prefetch_related(
                models.Prefetch(
                    "ingestion_runs", queryset=IngestionRun.objects.order_by("-created_at", "-id")
                )
            )
        )

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if not change:
            ingestion_request(obj, user=request.user)
            self.message_user(
                request,
                _("Ingestion of the article is queued; its proposals appear in the queue."),
                messages.INFO,
            )

    @admin.action(description=_("Ingest the selected articles again"), permissions=["change"])
    def ingest_again(self, request, queryset):
        for article in queryset:
            ingestion_request(article, user=request.user)
        self.message_user(
            request,
            ngettext(
                "Ingestion of %(count)d article is queued.",
                "Ingestion of %(count)d articles is queued.",
                queryset.count(),
            )
            % {"count": queryset.count()},
            messages.SUCCESS,
        )

    @admin.display(description=_("ingestion"))
    def ingestion_status(self, article):
        run = next(iter(article.ingestion_runs.all()), None)
        if run is None:
            return "—"
        if run.status == IngestionStatus.FAILED:
            return format_html('<span title="{}">{}</span>', run.error, run.get_status_display())
        return run.get_status_display()

    @admin.display(description=_("pending proposals"), ordering="pending_count")
    def pending_proposals(self, article):
        return article.pending_count

    @admin.display(description=_("proposals"))
    def proposals_link(self, article):
        if article.pk is None:
            return "—"
        url = reverse("admin:sources_proposal_changelist") + f"?article__id__exact={article.pk}"
        return format_html('<a href="{}">{}</a>', url, _("Review this article's proposals"))

    @admin.display(description=_("published"), ordering="published_on")
    def published_display(self, article):
        return str(article.published)

    @admin.display(description=_("citations"), ordering="citation_count")
    def citation_count(self, article):
        return article.citation_count


@admin.register(Citation)
class CitationAdmin(TrackedAdmin):
    list_display = ["excerpt_start", "article", "target", "supports", "conflict_resolved_at"]
    list_filter = ["article", "supports"]
    search_fields = ["excerpt", "article__title", "supports"]
    autocomplete_fields = ["article", *CITATION_TARGETS]
    list_select_related = ["article", *CITATION_TARGETS]
    #: Set by the action below (`conflict_resolve`), never typed in.
    readonly_fields = ["conflict_resolved_at", "conflict_resolved_by"]
    actions = ["resolve_conflicts"]

    @admin.action(description=_("Resolve the conflicts of the selected citations' fields"))
    def resolve_conflicts(self, request, queryset):
        """Mark every citation of each selected citation's record and field as reviewed,
        so the disagreement the record's page flags is no longer shown."""
        pairs = {(citation.target, citation.supports) for citation in queryset if citation.supports}
        marked = sum(
            conflict_resolve(record=record, field=field, user=request.user)
            for record, field in pairs
        )
        self.message_user(
            request,
            ngettext(
                "%(count)d citation marked as resolved.",
                "%(count)d citations marked as resolved.",
                marked,
            )
            % {"count": marked},
            messages.SUCCESS,
        )

    @admin.display(description=_("excerpt"))
    def excerpt_start(self, citation):
        return citation.excerpt[:90]


@admin.register(Proposal)
class ProposalAdmin(TrackedAdmin):
    """The review queue: what ingestion found, to accept, edit and accept, merge or reject."""

    list_display = ["summary", "kind", "status", "confidence_display", "article", "created_at"]
    list_filter = ["status", ConfidenceFilter, "kind", "article__language", "article"]
    search_fields = ["summary", "evidence"]
    list_select_related = ["article"]
    autocomplete_fields = ["article"]
    actions = ["accept_selected", "reject_selected"]
    #: The payload is edited on the accept page; the resulting record is shown as a link.
    exclude = ["payload", *PROPOSAL_RESULTS]
    readonly_fields = [
        "article",
        "kind",
        "status",
        "summary",
        "confidence",
        "evidence",
        "payload_display",
        "record_link",
        "decided_by",
        "decided_at",
        "note",
        "run",
        "created_at",
    ]
    fieldsets = [
        (None, {"fields": ["summary", "kind", "status", "confidence", "article"]}),
        (_("Evidence"), {"fields": ["evidence", "payload_display"]}),
        (_("Decision"), {"fields": ["record_link", "decided_by", "decided_at", "note"]}),
        (_("Bookkeeping"), {"fields": ["run", "created_at"]}),
    ]
    change_form_template = "admin/sources/proposal/change_form.html"

    def has_add_permission(self, request):
        return False

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        """A decision is not undone by reverting the proposal: its record stays."""
        raise PermissionDenied

    def change_view(self, request, object_id, form_url="", extra_context=None):
        """Offer only the decisions the user may take: a reviewer sees the proposal alone."""
        proposal = self.get_object(request, unquote(object_id))
        decisions = {}
        if proposal is not None and proposal.is_pending:
            user = request.user
            decisions = {
                "can_accept": user.has_perms(accept_permissions(proposal.kind)),
                "can_merge": proposal.kind in RECORD_MODELS
                and user.has_perms(merge_permissions(proposal.kind)),
                "can_reject": self.has_change_permission(request, proposal),
            }
        return super().change_view(
            request, object_id, form_url, extra_context={**(extra_context or {}), **decisions}
        )

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("article")

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path(
                "<path:object_id>/accept/", view(self.accept_view), name="sources_proposal_accept"
            ),
            path("<path:object_id>/merge/", view(self.merge_view), name="sources_proposal_merge"),
            path(
                "<path:object_id>/reject/", view(self.reject_view), name="sources_proposal_reject"
            ),
            *super().get_urls(),
        ]

    @admin.display(description=_("confidence"), ordering="confidence")
    def confidence_display(self, proposal):
        return f"{proposal.confidence:.0%}"

    @admin.display(description=_("payload"))
    def payload_display(self, proposal):
        return format_html(
            '<pre dir="ltr">{}</pre>', json.dumps(proposal.payload, ensure_ascii=False, indent=2)
        )

    @admin.display(description=_("record"))
    def record_link(self, proposal):
        record = proposal.record
        if record is None:
            return "—"
        opts = record._meta
        url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[record.pk])
        return format_html('<a href="{}">{}</a>', url, record)

    # -- decisions ------------------------------------------------------------------------

    def _pending(self, request, object_id) -> Proposal:
        proposal = self.get_object(request, unquote(object_id))
        if proposal is None:
            raise Http404(_("No such proposal."))
        return proposal

    def _back(self, proposal):
        return HttpResponseRedirect(reverse("admin:sources_proposal_change", args=[proposal.pk]))

    def _render(self, request, proposal, form, title, action):
        return TemplateResponse(
            request,
            "admin/sources/proposal/decision.html",
            {
                **self.admin_site.each_context(request),
                "title": title,
                "opts": self.model._meta,
                "proposal": proposal,
                "original": proposal,
                "form": form,
                "action": action,
                "media": self.media + form.media,
            },
        )

    def _decide(self, request, proposal, form, decide, success):
        """Run a decision: on success a redirect with `success(record)`; a payload the
        rules refuse becomes the form's errors (and None is returned)."""
        try:
            record = decide()
        except ValidationError as error:
            for line in error_lines(error):
                form.add_error(None, line)
            return None
        except ProposalDecided as decided:
            self.message_user(request, decided, messages.WARNING)
        else:
            self.message_user(request, success(record), messages.SUCCESS)
        return self._back(proposal)

    def accept_view(self, request, object_id):
        proposal = self._pending(request, object_id)
        if not request.user.has_perms(accept_permissions(proposal.kind)):
            raise PermissionDenied
        if not proposal.is_pending:
            self.message_user(request, ProposalDecided(proposal), messages.WARNING)
            return self._back(proposal)
        form = PayloadForm(request.POST or None, initial={"payload": proposal.payload})
        if request.method == "POST" and form.is_valid():
            done = self._decide(
                request,
                proposal,
                form,
                lambda: proposal_accept(
                    proposal=proposal, user=request.user, payload=form.cleaned_data["payload"]
                ),
                lambda record: _("Accepted: %(record)s was created.") % {"record": record},
            )
            if done:
                return done
        return self._render(request, proposal, form, _("Accept the proposal"), _("Accept"))

    def merge_view(self, request, object_id):
        proposal = self._pending(request, object_id)
        if proposal.kind not in RECORD_MODELS:
            self.message_user(
                request, _("A new spelling is accepted or rejected, not merged."), messages.ERROR
            )
            return self._back(proposal)
        if not request.user.has_perms(merge_permissions(proposal.kind)):
            raise PermissionDenied
        form = merge_form(proposal.kind, self.admin_site)(request.POST or None)
        if request.method == "POST" and form.is_valid():
            done = self._decide(
                request,
                proposal,
                form,
                lambda: proposal_merge(
                    proposal=proposal,
                    target=form.cleaned_data["into"],
                    user=request.user,
                    note=form.cleaned_data["note"],
                ),
                lambda record: _("Merged into %(record)s.") % {"record": record},
            )
            if done:
                return done
        return self._render(request, proposal, form, _("Merge into an existing record"), _("Merge"))

    def reject_view(self, request, object_id):
        proposal = self._pending(request, object_id)
        if not self.has_change_permission(request, proposal):
            raise PermissionDenied
        form = NoteForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            try:
                proposal_reject(
                    proposal=proposal, user=request.user, note=form.cleaned_data["note"]
                )
            except ProposalDecided as decided:
                self.message_user(request, decided, messages.WARNING)
            else:
                self.message_user(request, _("Rejected."), messages.SUCCESS)
            return self._back(proposal)
        return self._render(request, proposal, form, _("Reject the proposal"), _("Reject"))

    @admin.action(
        description=_("Accept the selected proposals as proposed"), permissions=["change"]
    )
    def accept_selected(self, request, queryset):
        accepted, failed = 0, []
        for proposal in queryset.filter(status=ProposalStatus.PENDING).order_by("id"):
            if not request.user.has_perms(accept_permissions(proposal.kind)):
                failed.append(f"{proposal}: {_('you may not create this kind of record.')}")
                continue
            try:
                proposal_accept(proposal=proposal, user=request.user)
            except (ValidationError, ProposalDecided) as error:
                lines = error_lines(error) if isinstance(error, ValidationError) else [str(error)]
                failed.append(f"{proposal}: {'; '.join(lines)}")
            else:
                accepted += 1
        self.message_user(
            request,
            ngettext("%(count)d proposal accepted.", "%(count)d proposals accepted.", accepted)
            % {"count": accepted},
            messages.SUCCESS if accepted else messages.WARNING,
        )
        for line in failed:
            self.message_user(request, line, messages.ERROR)

    @admin.action(description=_("Reject the selected proposals"), permissions=["change"])
    def reject_selected(self, request, queryset):
        rejected = 0
        for proposal in queryset.filter(status=ProposalStatus.PENDING):
            proposal_reject(proposal=proposal, user=request.user)
            rejected += 1
        self.message_user(
            request,
            ngettext("%(count)d proposal rejected.", "%(count)d proposals rejected.", rejected)
            % {"count": rejected},
            messages.SUCCESS,
        )
