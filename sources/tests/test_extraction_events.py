import pytest

from sources.extraction.events import EventKind, event_kinds, event_mentions
from sources.seed import ARTICLES_DIR


def cues(text) -> list[tuple[str, str]]:
    found = event_mentions(text)
    for mention in found:
        assert text[mention.start : mention.end] == mention.text
    return [(mention.kind, mention.text) for mention in found]


def test_the_event_kinds():
    assert dict(EventKind.choices) == {
        "investment": "investment",
        "acquisition": "acquisition",
        "licensing": "licensing",
        "partnership": "partnership",
        "bid": "bid",
        "lawsuit": "lawsuit",
        "ruling": "ruling",
        "product_launch": "product launch",
        "hiring": "hiring",
    }


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("استثمار", "استثمار"),
        ("استثمارات ميتا", "استثمارات"),
        ("استثماراتها في الذكاء", "استثماراتها"),
        ("وباستثمار ضخم", "وباستثمار"),
        ("استثمرت ميتا", "استثمرت"),
        ("تستثمر الشركة", "تستثمر"),
        ("سيستثمرون المليارات", "سيستثمرون"),
        ("جولة تمويل", "جولة تمويل"),
        ("جولة تمويلية جديدة", "جولة تمويلية"),
        ("في جولة التمويل", "جولة التمويل"),
        ("جمعت 4 مليارات دولار في جولة", "جمعت 4 مليارات دولار في جولة"),
        ("جمعت الشركة تمويلاً", "جمعت الشركة تمويلاً"),
        ("قادت الجولة", "قادت الجولة"),
        ("ضخ", "ضخ"),
        ("ضخّت ميتا أموالاً", "ضخّت"),
        ("تضخ الشركة", "تضخ"),
        ("استحوذت على حصة في شركة", "استحوذت على حصة"),
        ("invested", "invested"),
        ("invests", "invests"),
        ("an investment", "investment"),
        ("a funding round", "funding round"),
        ("a round of funding", "round of funding"),
        ("it raised $14.3 billion", "raised"),
        ("raised new capital", "raised"),
        ("led a round", "led a round"),
        ("a Series B", "Series B"),
        ("acquired a 10% stake in", "acquired a 10% stake"),
        ("a stake in Anthropic", "stake"),
    ],
)
def test_investment_cues(text, cue):
    assert cues(text) == [(EventKind.INVESTMENT, cue)]


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("استحواذ على", "استحواذ"),
        ("الاستحواذ على شركة", "الاستحواذ"),
        ("والاستحواذات الكبرى", "والاستحواذات"),
        ("استحوذت على", "استحوذت"),
        ("استحوذوا عليها", "استحوذوا"),
        ("تستحوذ", "تستحوذ"),
        ("ستستحوذ ميتا", "ستستحوذ"),
        ("صفقة شراء", "صفقة شراء"),
        ("صفقة استحواذ", "صفقة استحواذ"),
        ("اشترت ميتا", "اشترت"),
        ("اشترى زوكربيرج", "اشترى"),
        ("تشتري الشركة", "تشتري"),
        ("الاندماج بين الشركتين", "الاندماج"),
        ("acquired", "acquired"),
        ("acquires", "acquires"),
        ("the acquisition of Play AI", "acquisition"),
        ("bought", "bought"),
        ("agreed to buy", "buy"),
        ("a takeover", "takeover"),
        ("the merger", "merger"),
    ],
)
def test_acquisition_cues(text, cue):
    assert cues(text) == [(EventKind.ACQUISITION, cue)]


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("بشأن محاولة استحواذ بقيمة 97 مليار دولار", "محاولة استحواذ"),
        ("رفض الشركة في السابق عروض استحواذ من ميتا", "عروض استحواذ"),
        ("محاولة للاستحواذ على الشركة", "محاولة للاستحواذ"),
        ("عرض استحواذ", "عرض استحواذ"),
        ("قدمت عرضاً للاستحواذ على", "عرضاً للاستحواذ"),
        ("قدم عرضا بقيمة 97 مليار دولار للاستحواذ", "عرضا بقيمة 97 مليار دولار للاستحواذ"),
        ("عرض شراء", "عرض شراء"),
        ("تقدم بعرض", "تقدم بعرض"),
        ("تقدّمت بعروض", "تقدّمت بعروض"),
        ("تسعى للاستحواذ على", "تسعى للاستحواذ"),
        ("a bid for OpenAI", "bid"),
        ("an offer to acquire", "offer to acquire"),
        ("offered to buy", "offered to buy"),
        ("a takeover offer", "takeover offer"),
        ("an unsolicited offer", "unsolicited offer"),
        ("made an offer", "made an offer"),
        ("sought to acquire", "sought to acquire"),
        ("launched a takeover bid", "takeover bid"),
    ],
)
def test_bid_cues_win_over_acquisition(text, cue):
    assert cues(text) == [(EventKind.BID, cue)]


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("ترخيص", "ترخيص"),
        ("بترخيص تقنيات", "بترخيص"),
        ("ترخيصها", "ترخيصها"),
        ("رخصة", "رخصة"),
        ("الرخصة", "الرخصة"),
        ("اتفاقية ترخيص", "اتفاقية ترخيص"),
        ("تراخيص", "تراخيص"),
        ("license", "license"),
        ("licence", "licence"),
        ("licensing", "licensing"),
        ("licensed", "licensed"),
    ],
)
def test_licensing_cues(text, cue):
    assert cues(text) == [(EventKind.LICENSING, cue)]


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("شراكة", "شراكة"),
        ("الشراكة", "الشراكة"),
        ("والشراكات", "والشراكات"),
        ("شراكتها مع", "شراكتها"),
        ("تحالف", "تحالف"),
        ("ميتا تتحالف مع ميدجورني", "تتحالف"),
        ("تحالفت", "تحالفت"),
        ("اتفاقية تعاون", "اتفاقية تعاون"),
        ("مذكرة تفاهم", "مذكرة تفاهم"),
        ("partnership", "partnership"),
        ("partnered", "partnered"),
        ("partners with", "partners with"),
        ("teamed up", "teamed up"),
        ("an alliance", "alliance"),
        ("a joint venture", "joint venture"),
    ],
)
def test_partnership_cues(text, cue):
    assert cues(text) == [(EventKind.PARTNERSHIP, cue)]


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("دعوى قضائية", "دعوى قضائية"),
        ("دعاوى قضائية", "دعاوى قضائية"),
        ("دعوى", "دعوى"),
        ("والدعوى", "والدعوى"),
        ("رفعت ديزني دعوى ضد", "رفعت ديزني دعوى"),
        ("رفعت دعوى قضائية", "رفعت دعوى قضائية"),
        ("قاضت", "قاضت"),
        ("تقاضي", "تقاضي"),
        ("يقاضيها", "يقاضيها"),
        ("مقاضاة", "مقاضاة"),
        ("قدمت شكوى", "قدمت شكوى"),
        ("a lawsuit", "lawsuit"),
        ("sued", "sued"),
        ("sues", "sues"),
        ("threatened to sue", "to sue"),
        ("filed suit", "filed suit"),
        ("filed a complaint", "filed a complaint"),
        ("a class action", "class action"),
    ],
)
def test_lawsuit_cues(text, cue):
    assert cues(text) == [(EventKind.LAWSUIT, cue)]


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("حكم", "حكم"),
        ("الحكم", "الحكم"),
        ("بالحكم", "بالحكم"),
        ("أحكام", "أحكام"),
        ("أحكاماً", "أحكاماً"),
        ("قضت المحكمة", "قضت المحكمة"),
        ("أصدرت المحكمة حكماً", "أصدرت المحكمة حكماً"),
        ("رفضت المحكمة الدعوى", "رفضت المحكمة الدعوى"),
        ("المحاكم الأميركية أصدرت مؤخراً أحكاماً", "المحاكم الأميركية أصدرت مؤخراً أحكاماً"),
        ("ruled", "ruled"),
        ("a ruling", "ruling"),
        ("a judge ruled", "judge ruled"),
        ("a court decision", "court decision"),
        ("dismissed the case", "dismissed the case"),
        ("the verdict", "verdict"),
    ],
)
def test_ruling_cues(text, cue):
    assert cues(text) == [(EventKind.RULING, cue)]


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("أطلقت", "أطلقت"),
        ("وأطلقتها", "وأطلقتها"),
        ("تطلق", "تطلق"),
        ("إطلاق", "إطلاق"),
        ("الإطلاق الرسمي", "الإطلاق"),
        ("طرحت", "طرحت"),
        ("كشفت عن", "كشفت عن"),
        ("أعلنت عن نموذج", "أعلنت عن نموذج"),
        ("أعلنت الشركة عن تطبيق", "أعلنت الشركة عن تطبيق"),
        ("launched", "launched"),
        ("launches", "launches"),
        ("released", "released"),
        ("unveiled", "unveiled"),
        ("rolled out", "rolled out"),
        ("introduced", "introduced"),
    ],
)
def test_product_launch_cues(text, cue):
    assert cues(text) == [(EventKind.PRODUCT_LAUNCH, cue)]


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("توظيف", "توظيف"),
        ("حملة توظيف", "حملة توظيف"),
        ("عيّنت", "عيّنت"),
        ("تعيين", "تعيين"),
        ("انضم إلى", "انضم إلى"),
        ("انضمت إلى", "انضمت إلى"),
        ("استقطاب الباحثين", "استقطاب الباحثين"),
        ("استقطاب أفضل الكفاءات", "استقطاب أفضل الكفاءات"),
        ("تستقطب مهندسين", "تستقطب مهندسين"),
        ("hired", "hired"),
        ("hires", "hires"),
        ("hiring", "hiring"),
        ("poached", "poached"),
        ("joins as", "joins as"),
        ("joined Meta as", "joined Meta as"),
        ("appointed", "appointed"),
        ("named its new CEO", "named"),
    ],
)
def test_hiring_cues(text, cue):
    assert cues(text) == [(EventKind.HIRING, cue)]


@pytest.mark.parametrize(
    "text",
    [
        "حكومة",
        "الحكومي",
        "الحكومات",
        "تحكم",
        "يتحكم في",
        "بحكم موقعها",
        "الحكمة",
        "محكمة",
        "ضخمة",
        "دعوة",
        "دعوتها",
        "يتعين على ميتا",
        "التعاون",
        "ستتعاون",
        "استقطاب",
        "على الإطلاق",
        "أطلق عليها اسم",
        "أطلقت حملة",
        "أطلقت الشركة حملة إعلانية",
        "توظيف الذكاء الاصطناعي",
        "يتقاضى راتباً",
        "عروض الأزياء",
        "رخيص",
        "مستثمرين",
        "investigation",
        "raised concerns",
        "ruled out",
        "the ruling party",
        "launched a campaign",
        "launched an advertising campaign",
        "launched an investigation",
        "released a statement",
        "introduced a bill",
        "Sue Smith",
        "buyer",
        "bidet",
        "overruled",
        "sustainable",
        "rehired",
    ],
)
def test_no_match_inside_other_words_or_non_event_uses(text):
    assert cues(text) == []


def test_a_gap_never_crosses_a_sentence():
    assert cues("جمعت الشركة أموالاً. وفي جولة أخرى") == []
    assert cues("رفعت الشركة سعرها. وكانت دعوى") == [(EventKind.LAWSUIT, "دعوى")]


def test_a_launch_cue_is_not_a_campaign_but_a_hiring_drive_is_hiring():
    assert cues("إطلاق حملة توظيف") == [(EventKind.HIRING, "حملة توظيف")]


def test_a_stake_is_an_investment_not_an_acquisition():
    assert cues("Nvidia bought a stake in Intel") == [(EventKind.INVESTMENT, "bought a stake")]


def test_diacritics_and_hamza_forms_do_not_matter():
    assert cues("الإستحواذ") == [(EventKind.ACQUISITION, "الإستحواذ")]
    assert cues("عيَّنَتْ") == [(EventKind.HIRING, "عيَّنَتْ")]
    assert [kind for kind, _ in cues("أَطْلَقَتْ اطلقت إطلاق اطلاق")] == [EventKind.PRODUCT_LAUNCH] * 4


def test_mentions_are_ordered_and_kinds_are_distinct_in_first_order():
    text = "Meta sued X, then acquired Y and launched Z. It acquired W."
    assert [m.kind for m in event_mentions(text)] == [
        EventKind.LAWSUIT,
        EventKind.ACQUISITION,
        EventKind.PRODUCT_LAUNCH,
        EventKind.ACQUISITION,
    ]
    assert event_kinds(text) == [
        EventKind.LAWSUIT,
        EventKind.ACQUISITION,
        EventKind.PRODUCT_LAUNCH,
    ]
    assert event_kinds("") == []


def test_spans_cover_whole_words_with_their_particles():
    text = "قررت ميتا وللاستحواذ"
    [mention] = event_mentions(text)
    assert (mention.start, mention.end, mention.text) == (10, 20, "وللاستحواذ")


def test_the_first_seed_article():
    text = (ARTICLES_DIR / "000_1001d59c7aa3159d.txt").read_text(encoding="utf-8")
    assert cues(text) == [
        (EventKind.PARTNERSHIP, "تتحالف"),
        (EventKind.PARTNERSHIP, "شراكة"),
        (EventKind.LICENSING, "ترخيص"),
        (EventKind.HIRING, "استقطاب أفضل الكفاءات"),
        (EventKind.PRODUCT_LAUNCH, "طرحت"),
        (EventKind.INVESTMENT, "استثمارات"),
        (EventKind.INVESTMENT, "استثمار"),
        (EventKind.ACQUISITION, "الاستحواذ"),
        (EventKind.HIRING, "حملة توظيف"),
        (EventKind.BID, "محاولة استحواذ"),
        (EventKind.BID, "عروض استحواذ"),
        (EventKind.PRODUCT_LAUNCH, "أطلقت"),
        (EventKind.PARTNERSHIP, "الشراكة"),
        (EventKind.LAWSUIT, "رفع شركتي ديزني ويونيفرسال دعاوى قضائية"),
        (EventKind.LAWSUIT, "دعاوى"),
        (EventKind.RULING, "المحاكم الأميركية أصدرت مؤخراً أحكاماً"),
    ]
    assert event_kinds(text) == [
        EventKind.PARTNERSHIP,
        EventKind.LICENSING,
        EventKind.HIRING,
        EventKind.PRODUCT_LAUNCH,
        EventKind.INVESTMENT,
        EventKind.ACQUISITION,
        EventKind.BID,
        EventKind.LAWSUIT,
        EventKind.RULING,
    ]


def test_the_second_seed_article():
    text = (ARTICLES_DIR / "001_684bed3df9a39272.txt").read_text(encoding="utf-8")
    assert event_kinds(text) == [
        EventKind.PARTNERSHIP,
        EventKind.LICENSING,
        EventKind.INVESTMENT,
        EventKind.HIRING,
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Microsoft did not acquire Inflection, the companies said.",
        "The deal was struck without an acquisition of the startup.",
        "Google could invest in the company next year.",
        "قالت الشركة إنها لم تستحوذ على الشركة الناشئة.",
        "أكدت أنها لا تعتزم الاستحواذ على أي شركة.",
    ],
)
def test_a_denied_or_supposed_event_is_not_an_event(text):
    kinds = {mention.kind for mention in event_mentions(text)}
    assert not kinds & {"acquisition", "investment"}


@pytest.mark.parametrize(
    "text",
    [
        "SoftBank said on Wednesday it would buy Ampere Computing.",
        "كانت ميتا قد طرحت سابقاً أداة توليد الصور.",
        "In May, Nvidia acquired Run:ai.",
    ],
)
def test_reported_and_past_events_still_count(text):
    assert event_mentions(text)


@pytest.mark.parametrize(
    "text",
    [
        "تعمل الشركة في مجالات عدة لا سيما الاستثمار في الشركات الناشئة.",
        "حصلت على ترخيص غير حصري لتقنيات الشركة.",
    ],
)
def test_especially_and_non_exclusive_do_not_deny(text):
    assert event_mentions(text)


@pytest.mark.parametrize(
    "text",
    ["وتوظف الشركة أكثر من 300 خبير في هلسنكي", "وتوظف 300 مهندس"],
)
def test_a_headcount_is_not_a_hire(text):
    assert EventKind.HIRING not in event_kinds(text)
