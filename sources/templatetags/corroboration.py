"""How well a record's sources support it, as readers see it near its sources."""

from django import template
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.templatetags.tracker import list_separator
from sources.selectors import Support, corroboration_of

register = template.Library()


@register.simple_tag
def corroboration(citations, record=None):
    """`{% corroboration citations record as found %}`: the record's `Corroboration`,
    from its citations already fetched with their articles (no query)."""
    return corroboration_of(citations, record)


def _language_count(code: str, count: int) -> str:
    number = {"count": number_format(count)}
    if code == "ar":
        return ngettext("%(count)s Arabic", "%(count)s Arabic", count) % number
    if code == "en":
        return ngettext("%(count)s English", "%(count)s English", count) % number
    return f"{number['count']} {code}"


@register.filter
def support_line(support: Support) -> str:
    """«3 sources: 2 Arabic, 1 English; 2 outlets», in the page's language."""
    sources = ngettext("%(count)s source", "%(count)s sources", support.articles) % {
        "count": number_format(support.articles)
    }
    languages = list_separator().join(
        _language_count(code, count) for code, count in support.languages.items()
    )
    line = _("%(sources)s: %(languages)s") % {"sources": sources, "languages": languages}
    if support.outlets:
        outlets = ngettext("%(count)s outlet", "%(count)s outlets", support.outlets) % {
            "count": number_format(support.outlets)
        }
        line = _("%(sources)s; %(outlets)s") % {"sources": line, "outlets": outlets}
    return line
