from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

admin.site.site_header = _("AI deals tracker: curators")
admin.site.site_title = _("AI deals tracker")
admin.site.index_title = _("Records")

# JSON under /api/, pages elsewhere; an unreachable database is a 503 (core.errors).
handler400 = "core.errors.bad_request"
handler404 = "core.errors.not_found"
handler500 = "core.errors.server_error"

urlpatterns = [
    path("api/v1/", include(("config.api_urls", "api"), namespace="api")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include("core.urls")),
]

# Pages and the admin: English at /, Arabic under /ar/ (/ar/admin/ for curators).
urlpatterns += i18n_patterns(
    path("admin/", admin.site.urls),
    path("", include("deals.urls")),
    path("", include("companies.urls")),
    path("", include("sources.urls")),
    prefix_default_language=False,
)
