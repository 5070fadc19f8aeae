"""Who may read what of the sources: the one rule for articles' full texts.

A news article's full text is for curators and reviewers; readers see the cited
excerpts and the link, unless the text is public (seed articles shipped with their
attribution). The API and every page that shows an article's text ask here, so no page
shows a text the API hides.
"""


def is_curator(user) -> bool:
    """Curators and reviewers: staff who may view articles and proposals.

    Being staff is not enough: a staff account in no group has no view permission.
    """
    return bool(user.is_staff and user.has_perms(["sources.view_article", "sources.view_proposal"]))


def may_read_text(user, *, text_is_public: bool) -> bool:
    """Whether `user` may read an article's full text."""
    return text_is_public or is_curator(user)
