import sys
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from core.dates import PartialDate
from sources.models import ArticleLanguage, IngestionStatus
from sources.services import DuplicateArticle, article_submit


class Command(BaseCommand):
    help = (
        "Add an article from a text file (UTF-8) and queue its ingestion; prints the "
        "article's id. Text already in the tracker is not added again: the command says so "
        "and prints the existing article's id."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="The article's text, UTF-8; - for stdin.")
        parser.add_argument(
            "--language", required=True, choices=ArticleLanguage.values, help="ar or en."
        )
        parser.add_argument(
            "--published-on",
            default="",
            help="Publication date: YYYY-MM-DD, YYYY-MM or YYYY (relative dates such as "
            "«يوم الجمعة الماضي» are resolved against a full date).",
        )
        parser.add_argument("--title", default="")
        parser.add_argument("--outlet", default="")
        parser.add_argument("--url", default="")

    def handle(self, *args, **options):
        text = self.read(options["file"])
        try:
            published = PartialDate.parse(options["published_on"])
        except ValueError as error:
            raise CommandError(f"--published-on: {error}") from None
        try:
            article, run = article_submit(
                text=text,
                language=options["language"],
                title=options["title"],
                outlet=options["outlet"],
                url=options["url"],
                published=published,
            )
        except DuplicateArticle as duplicate:
            self.stderr.write(str(duplicate))
            self.stdout.write(str(duplicate.article.pk))
            return
        except ValidationError as error:
            messages = [
                f"{field}: {message}"
                for field, field_messages in error.message_dict.items()
                for message in field_messages
            ]
            raise CommandError("The article was not added. " + " ".join(messages)) from None
        run.refresh_from_db()
        if run.status == IngestionStatus.FAILED:
            self.stderr.write(f"Ingestion failed: {run.error}")
        elif run.status == IngestionStatus.DONE:
            self.stderr.write(f"Ingested: {run.proposal_count} proposals.")
        else:
            self.stderr.write("Ingestion queued.")
        self.stdout.write(str(article.pk))

    def read(self, path: Path) -> str:
        try:
            data = sys.stdin.buffer.read() if str(path) == "-" else path.read_bytes()
        except OSError as error:
            raise CommandError(f"Cannot read {path}: {error.strerror}.") from None
        try:
            return data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise CommandError(f"{path} is not UTF-8 text.") from None
