"""Writes for articles: submission, ingestion, and curators' decisions on proposals."""

from .citations import citation_add, citations_replace, conflict_resolve
from .ingestion import (
    DuplicateArticle,
    article_ingest,
    article_submit,
    ingestion_fail,
    ingestion_request,
    ingestion_send,
    ingestion_sweep,
)
from .review import proposal_accept, proposal_merge, proposal_reject

__all__ = [
    "DuplicateArticle",
    "article_ingest",
    "article_submit",
    "citation_add",
    "citations_replace",
    "conflict_resolve",
    "ingestion_fail",
    "ingestion_request",
    "ingestion_send",
    "ingestion_sweep",
    "proposal_accept",
    "proposal_merge",
    "proposal_reject",
]
