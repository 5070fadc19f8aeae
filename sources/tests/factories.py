import factory

from sources.models import Article, ArticleLanguage, Citation, Proposal, ProposalKind


class ArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Article

    title = factory.Sequence(lambda n: f"Article {n}")
    language = ArticleLanguage.ENGLISH
    text = factory.Sequence(lambda n: f"Article {n}: Meta agreed to license Midjourney's models.")


class ProposalFactory(factory.django.DjangoModelFactory):
    """A pending proposal; give `kind`, `payload` and an `evidence` found in the text."""

    class Meta:
        model = Proposal

    article = factory.SubFactory(ArticleFactory)
    kind = ProposalKind.COMPANY
    summary = factory.Sequence(lambda n: f"Proposal {n}")
    payload = factory.LazyFunction(lambda: {"name": "Lumen Vision", "name_ar": ""})
    confidence = 0.7
    evidence = factory.LazyAttribute(lambda proposal: proposal.article.text.split(":")[0])
    fingerprint = factory.Sequence(lambda n: f"{n:064d}")


class CitationFactory(factory.django.DjangoModelFactory):
    """A citation of the article's first words; give the record as `deal=…`, `company=…`."""

    class Meta:
        model = Citation

    article = factory.SubFactory(ArticleFactory)
    excerpt = factory.LazyAttribute(lambda citation: citation.article.text.split(":")[0])
