"""Lawsuits with parties on their sides, claims and dated events; and developments."""

from random import Random

from deals.models import (
    ClaimKind,
    Development,
    DevelopmentKind,
    Lawsuit,
    LawsuitEvent,
    LawsuitEventKind,
    LawsuitParty,
    LawsuitSide,
    LawsuitStatus,
)

from .articles import ArticleDesk
from .companies import Directory
from .deals import pick_distinct
from .values import SlugBook, partial_date
from .writer import bulk_insert

COURTS = (
    "US District Court for the Northern District of California",
    "High Court of Justice",
    "Dubai International Financial Centre Courts",
    "Tribunal judiciaire de Paris",
)
JURISDICTIONS = ("US", "GB", "AE", "FR")
PERSON_SHARE = 0.2
EVENT_SENTENCES = {
    LawsuitEventKind.FILING: ("The complaint was filed.", "رفعت الدعوى."),
    LawsuitEventKind.MOTION: ("A motion to dismiss was filed.", "قدم طلب لرد الدعوى."),
    LawsuitEventKind.HEARING: ("The court held a hearing.", "عقدت المحكمة جلسة."),
    LawsuitEventKind.RULING: ("The court ruled.", "أصدرت المحكمة حكمها."),
    LawsuitEventKind.SETTLEMENT: ("The parties settled.", "توصل الطرفان إلى تسوية."),
    LawsuitEventKind.DISMISSAL: ("The case was dismissed.", "ردت الدعوى."),
    LawsuitEventKind.APPEAL: ("The ruling was appealed.", "استؤنف الحكم."),
}


def _parties(rng: Random, directory: Directory):
    """Two to four parties, plaintiff and defendant first, each once in the lawsuit."""
    count = rng.randint(2, 4)
    people = sum(rng.random() < PERSON_SHARE for _ in range(count - 2)) if directory.people else 0
    companies = pick_distinct(rng, directory.companies, count - people)
    persons = pick_distinct(rng, directory.people, people)
    sides = [LawsuitSide.PLAINTIFF, LawsuitSide.DEFENDANT]
    sides += [rng.choice(LawsuitSide.values) for _ in range(len(companies) + len(persons) - 2)]
    who = [(c.id, None) for c in companies] + [(None, p.id) for p in persons]
    return companies, [(side, *ids) for side, ids in zip(sides, who, strict=True)]


def _lawsuit(rng: Random, directory: Directory, slugs: SlugBook, number: int):
    companies, parties = _parties(rng, directory)
    title = f"{companies[0].name} v. {companies[1].name}"
    title_ar = f"{companies[0].name_ar} ضد {companies[1].name_ar}"
    filed = partial_date(rng, "filed")
    year = filed["filed_on"].year if filed["filed_on"] else 2020
    lawsuit = Lawsuit(
        slug=slugs.slug(title, title_ar),
        title=title,
        title_ar=title_ar,
        court=rng.choice(COURTS),
        docket_number=f"{year}-cv-{number:05d}",
        jurisdiction=rng.choice(JURISDICTIONS),
        status=rng.choice(LawsuitStatus.values),
        summary=f"{companies[0].name} sued {companies[1].name}.",
        summary_ar=f"رفعت {companies[0].name_ar} دعوى على {companies[1].name_ar}.",
        **filed,
    )
    claims = rng.sample(ClaimKind.Code.values, rng.randint(1, 2))
    return lawsuit, parties, claims


def _events(rng: Random, lawsuit: Lawsuit) -> list[LawsuitEvent]:
    events = []
    for kind in rng.sample(LawsuitEventKind.values, rng.randint(1, 4)):
        summary, summary_ar = EVENT_SENTENCES[kind]
        events.append(
            LawsuitEvent(
                lawsuit=lawsuit,
                kind=kind,
                summary=f"{lawsuit.title}: {summary}",
                summary_ar=f"{lawsuit.title_ar}: {summary_ar}",
                **partial_date(rng, "occurred", after=lawsuit.filed_on),
            )
        )
    return events


def lawsuits_generate(
    rng: Random, directory: Directory, count: int, desk: ArticleDesk, batch_size: int
) -> int:
    """`count` lawsuits with parties, claims and one to four events, all cited."""
    slugs = SlugBook(Lawsuit, "lawsuit")
    written = 0
    for start in range(0, count, batch_size):
        size = min(batch_size, count - start)
        made = [_lawsuit(rng, directory, slugs, start + offset) for offset in range(size)]
        lawsuits = bulk_insert([lawsuit for lawsuit, _, _ in made])
        parties = [
            LawsuitParty(lawsuit=lawsuit, side=side, company_id=company_id, person_id=person_id)
            for lawsuit, lawsuit_parties, _ in made
            for side, company_id, person_id in lawsuit_parties
        ]
        claims = [
            Lawsuit.claims.through(lawsuit_id=lawsuit.pk, claimkind_id=claim)
            for lawsuit, _, lawsuit_claims in made
            for claim in lawsuit_claims
        ]
        events = [event for lawsuit in lawsuits for event in _events(rng, lawsuit)]
        bulk_insert(parties)
        bulk_insert(claims)
        bulk_insert(events)
        for lawsuit in lawsuits:
            desk.add("lawsuit", lawsuit.pk, lawsuit.summary, lawsuit.summary_ar)
        for event in events:
            desk.add("lawsuit_event", event.pk, event.summary, event.summary_ar)
        written += len(lawsuits) + len(parties) + len(claims) + len(events)
    return written


def developments_generate(rng: Random, directory: Directory, count: int, desk: ArticleDesk) -> int:
    """`count` developments naming up to three companies each."""
    slugs = SlugBook(Development, "development")
    developments, named = [], []
    for number in range(count):
        companies = pick_distinct(rng, directory.companies, rng.randint(0, 3))
        title = f"Regulators review AI market, report {number + 1}"
        title_ar = f"الجهات التنظيمية تراجع سوق الذكاء الاصطناعي، التقرير {number + 1}"
        developments.append(
            Development(
                slug=slugs.slug(title, title_ar),
                title=title,
                title_ar=title_ar,
                kind=rng.choice(DevelopmentKind.values),
                jurisdiction=rng.choice(JURISDICTIONS),
                summary=f"{title}.",
                summary_ar=f"{title_ar}.",
                **partial_date(rng, "occurred"),
            )
        )
        named.append(companies)
    bulk_insert(developments)
    links = [
        Development.companies.through(development_id=development.pk, company_id=company.id)
        for development, companies in zip(developments, named, strict=True)
        for company in companies
    ]
    bulk_insert(links)
    for development in developments:
        desk.add("development", development.pk, development.summary, development.summary_ar)
    return len(developments) + len(links)
