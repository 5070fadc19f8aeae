"""Sign-in lockout: django-axes' check, and the page a locked-out user sees.

Every sign-in through a page (the admin's) comes with its request, and is counted and
refused by client address (`core.addresses`) and username. A call to `authenticate`
without a request (a shell, a management command, the test client's `login`) has no
address to count against, so it is let through to the next backend instead of failing.
"""

from axes.backends import AxesStandaloneBackend
from axes.helpers import get_cool_off
from django.conf import settings
from django.contrib import admin
from django.template.response import TemplateResponse


class LockoutBackend(AxesStandaloneBackend):
    """Refuses sign-ins of a locked-out address and username; never signs anyone in."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


def lockout_response(request, original_response=None, credentials=None):
    """The page saying sign-in is locked, and for how long (429, as for the API's limits)."""
    minutes = int(get_cool_off(request).total_seconds() // 60)
    return TemplateResponse(
        request,
        "admin/locked_out.html",
        {**admin.site.each_context(request), "minutes": minutes},
        status=settings.AXES_HTTP_RESPONSE_CODE,
    ).render()
