"""Helpers every page view uses."""

from django.http import Http404, HttpResponsePermanentRedirect, HttpResponseRedirect
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import URLPattern, path, reverse
from django.utils.cache import patch_vary_headers
from django.utils.module_loading import import_string

from .models import slug_redirect_target
from .records import record_type, served_pages


def render_page(request, template: str, context: dict, partial: str | None = None):
    """The whole page, or only its `partial` region for an htmx request.

    Boosted requests and history restores want the whole page. The response varies on
    HX-Request (the django-htmx middleware does not add it by itself).
    """
    htmx = getattr(request, "htmx", None)
    wants_partial = partial and htmx and not htmx.boosted and not htmx.history_restore_request
    response = render(request, f"{template}#{partial}" if wants_partial else template, context)
    patch_vary_headers(response, ["HX-Request"])
    return response


def favicon(request):
    """/favicon.ico, which browsers ask for whatever a page links: the site's SVG icon.

    A temporary redirect, since the icon's static name changes with its content.
    """
    return HttpResponseRedirect(static("img/favicon.svg"))


def _moved(url: str, query: str) -> HttpResponsePermanentRedirect:
    return HttpResponsePermanentRedirect(f"{url}?{query}" if query else url)


def record_or_redirect(queryset, key: str, url_name: str, query: str = ""):
    """The record with slug (or numeric id) `key`; an old slug or an id redirects permanently,
    keeping the query string `query` ("tab=products").

    Returns (record, None) or (None, redirect response).
    """
    model = queryset.model
    if "\x00" in key:
        raise Http404("No such record.")
    record = queryset.filter(slug=key).first()
    if record is not None:
        return record, None
    if key.isascii() and key.isdigit():
        record = queryset.filter(pk=int(key)).first()
        if record is not None:
            return None, _moved(reverse(url_name, args=[record.slug]), query)
    new_slug = slug_redirect_target(model, key)
    if new_slug:
        return None, _moved(reverse(url_name, args=[new_slug]), query)
    raise Http404(f"No {model._meta.verbose_name} {key!r}.")


def record_page(request, key: str, record_name: str):
    """The reader page of one record, as its entry in `core.records` describes it."""
    entry = record_type(record_name)
    page = entry.page
    queryset = import_string(page.queryset)() if page.queryset else entry.model.objects.all()
    query = request.META.get("QUERY_STRING", "")
    record, redirect = record_or_redirect(queryset, key, page.url_name, query)
    if redirect:
        return redirect
    context = {entry.model._meta.model_name: record}
    context.update({name: import_string(selector)(record) for name, selector in page.context})
    return render_page(request, page.template, context)


def record_page_urls(namespace: str) -> list[URLPattern]:
    """The URLs of the pages `record_page` serves in `namespace`: "<resource>/<key>/"."""
    return [
        path(
            f"{entry.resource}/<str:key>/",
            record_page,
            {"record_name": entry.name},
            name=entry.page.url_name.removeprefix(f"{namespace}:"),
        )
        for entry in served_pages(namespace)
    ]
