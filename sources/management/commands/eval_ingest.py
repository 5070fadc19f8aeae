from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from sources.eval.news import judge_news, news_failures
from sources.eval.report import news_lines
from sources.eval.scoring import (
    FIELDS,
    LABELS_FILE,
    THRESHOLDS,
    LabelsError,
    evaluate,
    throwaway_database,
)


class Command(BaseCommand):
    help = (
        "Measure ingestion on the labelled articles: precision and recall of entities, "
        "amounts, dates and kinds of event, or (--news) whole events judged strictly, junk and "
        "duplicates. Runs in a fresh, empty database created for the purpose (like the test "
        "runner's), so existing records do not help."
    )

    def add_arguments(self, parser):
        parser.add_argument("--labels", type=Path, default=LABELS_FILE)
        parser.add_argument(
            "--news",
            type=Path,
            help="Judge a folder of labelled news articles strictly (sources/eval/news/...).",
        )
        parser.add_argument(
            "--verbose-misses", action="store_true", help="List what each article missed."
        )
        parser.add_argument(
            "--check",
            action="store_true",
            help="Exit non-zero when a field is below its threshold "
            + ", ".join(f"{name} {value}" for name, value in THRESHOLDS.items())
            + ".",
        )

    def handle(self, *args, **options):
        if options["news"] is not None:
            return self.handle_news(options["news"], options)
        if not options["labels"].is_file():
            raise CommandError(f"No labelled set at {options['labels']}.")
        try:
            with throwaway_database():
                report = evaluate(options["labels"])
        except LabelsError as error:
            raise CommandError(str(error)) from None
        self.print_report(report, options["verbose_misses"])
        failures = report.failures()
        if options["check"] and failures:
            raise CommandError("Below threshold: " + "; ".join(failures) + ".")

    def print_report(self, report, verbose: bool) -> None:
        write = self.stdout.write
        languages = sorted({result.language for result in report.articles})
        write(f"{len(report.articles)} labelled articles ({', '.join(languages)})\n")
        header = f"{'field':<10}{'precision':>10}{'recall':>8}   {'right/found':>12}"
        header += f"{'found/labelled':>16}"
        for language in [None, *languages]:
            write(f"\n{'all articles' if language is None else language}")
            write(header)
            for name in FIELDS:
                score = report.total(name, language)
                write(
                    f"{name:<10}{score.precision:>10.2f}{score.recall:>8.2f}   "
                    f"{f'{score.right}/{score.found}':>12}"
                    f"{f'{score.recalled}/{score.labelled}':>16}"
                )
        if verbose:
            for result in report.articles:
                lines = [
                    f"  {name}: missed {result.misses[name]}, extra {result.extras[name]}"
                    for name in FIELDS
                    if result.misses[name] or result.extras[name]
                ]
                if lines:
                    write(f"\n{result.key}")
                    for line in lines:
                        write(line)

    def handle_news(self, folder: Path, options) -> None:
        if not folder.is_dir():
            raise CommandError(f"No folder of labelled news articles at {folder}.")
        try:
            with throwaway_database():
                results = judge_news(folder)
        except LabelsError as error:
            raise CommandError(str(error)) from None
        self.stdout.write("\n".join(news_lines(results, verbose=options["verbose_misses"])))
        failures = news_failures(results)
        if options["check"] and failures:
            raise CommandError("Below threshold: " + "; ".join(failures) + ".")
