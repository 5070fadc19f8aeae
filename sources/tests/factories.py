import factory

from sources.models import Article, ArticleLanguage


class ArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Article

    title = factory.Sequence(lambda n: f"Article {n}")
    language = ArticleLanguage.ENGLISH
    text = factory.Sequence(lambda n: f"Article {n}: Meta agreed to license Midjourney's models.")
