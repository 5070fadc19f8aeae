"""The strict news report as text: what `manage.py eval_ingest --news` prints."""

from sources.models.ingestion import REVIEW_THRESHOLD

from .news import calibration, totals

#: The review queue's default "hide below" confidence.
QUEUE_THRESHOLD = REVIEW_THRESHOLD
FIELDS = ("events", "kind+roles", "entities", "amounts", "dates")
HEADER = f"{'field':<12}{'precision':>10}{'recall':>8}   {'right/found':>12}{'found/labelled':>16}"


def _share(part: int, whole: int) -> str:
    return f"{part / whole:.0%} ({part})" if whole else "0% (0)"


def news_lines(results, *, verbose: bool = False) -> list[str]:
    languages = sorted({result.language for result in results})
    lines = [f"{len(results)} labelled news articles ({', '.join(languages)})"]
    for language in [None, *languages]:
        summary = totals(results, language)
        lines += ["", "all articles" if language is None else language]
        lines.append(HEADER)
        for name in FIELDS:
            score = summary["scores"][name]
            lines.append(
                f"{name:<12}{score.precision:>10.2f}{score.recall:>8.2f}   "
                f"{f'{score.right}/{score.found}':>12}{f'{score.recalled}/{score.labelled}':>16}"
            )
        counts = summary["counts"]
        whole = counts["proposals"]
        lines.append(
            f"proposals {whole}: junk {_share(counts['junk'], whole)}, duplicates "
            f"{_share(counts['duplicates'], whole)}, need an edit {_share(counts['edits'], whole)}"
        )
        chosen = [r for r in results if language is None or r.language == language]
        fit = calibration(chosen, QUEUE_THRESHOLD)
        lines.append(
            f"confidence below {fit['threshold']}: hides {fit['junk_removed']:.0%} of "
            f"{fit['junk']} junk or duplicate proposals, keeps {fit['good_kept']:.0%} of "
            f"{fit['good']} good"
        )
    if verbose:
        for result in results:
            lines += ["", result.key]
            lines += [f"  missed: {event}" for event in result.missed]
            lines += [f"  junk: {summary}" for summary in result.junk]
            lines += [f"  duplicate: {summary}" for summary in result.duplicates]
            lines += [f"  needs an edit: {summary}" for summary in result.edits]
    return lines
