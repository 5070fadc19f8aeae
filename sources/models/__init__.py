from .articles import CITATION_TARGETS, Article, ArticleLanguage, Citation, content_hash
from .ingestion import (
    PROPOSAL_RESULTS,
    IngestionRun,
    IngestionStatus,
    Proposal,
    ProposalKind,
    ProposalStatus,
)

__all__ = [
    "CITATION_TARGETS",
    "PROPOSAL_RESULTS",
    "Article",
    "ArticleLanguage",
    "Citation",
    "IngestionRun",
    "IngestionStatus",
    "Proposal",
    "ProposalKind",
    "ProposalStatus",
    "content_hash",
]
