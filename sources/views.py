from django.shortcuts import get_object_or_404
from django.utils.html import escape
from django.utils.safestring import mark_safe

from core.views import render_page

from .access import may_read_text
from .models import Article
from .selectors import article_cited_records


def highlighted(text: str, excerpts: list[str]) -> str:
    """The article's text, escaped, with every cited excerpt wrapped in <mark>."""
    spans = []
    for excerpt in excerpts:
        start = text.find(excerpt)
        if start >= 0:
            spans.append((start, start + len(excerpt)))
    merged = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    parts, position = [], 0
    for start, end in merged:
        parts.append(escape(text[position:start]))
        parts.append(f"<mark>{escape(text[start:end])}</mark>")
        position = end
    parts.append(escape(text[position:]))
    return mark_safe("".join(parts))


def article_detail(request, pk: int):
    """An article and what it supports. News texts are for curators; readers see excerpts."""
    article = get_object_or_404(Article, pk=pk)
    citations = article_cited_records(article)
    show_text = may_read_text(request.user, text_is_public=article.text_is_public)
    return render_page(
        request,
        "sources/article_detail.html",
        {
            "article": article,
            "citations": citations,
            "text": highlighted(article.text, [c.excerpt for c in citations])
            if show_text
            else None,
        },
    )
