"""Reads of articles and citations."""

from django.db.models import Count, Q, QuerySet

from .models import CITATION_TARGETS, Article


def articles_about_company(company) -> QuerySet[Article]:
    """Articles citing the company or any deal, investment, lawsuit or product it is in."""
    mentions = (
        Q(citations__company=company)
        | Q(citations__deal__parties__company=company)
        | Q(citations__investment__investee=company)
        | Q(citations__investment__investors=company)
        | Q(citations__lawsuit__parties__company=company)
        | Q(citations__product__company=company)
        | Q(citations__statement__company=company)
    )
    return (
        Article.objects.filter(mentions)
        .distinct()
        .annotate(citation_count=Count("citations", distinct=True))
        .order_by("-published_on", "-id")
    )


def article_cited_records(article) -> list:
    """Every record that cites `article`, with the excerpt, in the order of the text."""
    # A product's and a lawsuit event's pages are their company's and lawsuit's; the
    # records without a name of their own are labelled by the names they link.
    citations = list(
        article.citations.select_related(
            *CITATION_TARGETS,
            "product__company",
            "lawsuit_event__lawsuit",
            "role__person",
            "role__company",
            "statement__company",
            "rivalry__company",
            "rivalry__rival",
            "metric__company",
            "deal_transition__deal",
            *(
                f"event_link__{end}_{kind}"
                for end in ("from", "to")
                for kind in ("deal", "lawsuit", "development")
            ),
            *(f"event_link__{end}_investment__investee" for end in ("from", "to")),
            *(f"event_link__{end}_lawsuit_event__lawsuit" for end in ("from", "to")),
        )
    )
    return sorted(citations, key=lambda citation: article.text.find(citation.excerpt))
