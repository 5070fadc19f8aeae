"""Helpers every page view uses."""

from django.http import Http404, HttpResponsePermanentRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import patch_vary_headers

from .models import slug_redirect_target


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


def record_or_redirect(queryset, key: str, url_name: str):
    """The record with slug (or numeric id) `key`; an old slug or an id redirects permanently.

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
            return None, HttpResponsePermanentRedirect(reverse(url_name, args=[record.slug]))
    new_slug = slug_redirect_target(model, key)
    if new_slug:
        return None, HttpResponsePermanentRedirect(reverse(url_name, args=[new_slug]))
    raise Http404(f"No {model._meta.verbose_name} {key!r}.")
