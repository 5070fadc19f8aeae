import itertools

import pytest

from sources.extraction.names import NameCandidate, name_candidates
from sources.seed import ARTICLES_DIR


def found(text) -> list[NameCandidate]:
    candidates = name_candidates(text)
    for candidate in candidates:
        assert text[candidate.start : candidate.end] == candidate.name
    starts = [candidate.start for candidate in candidates]
    assert starts == sorted(starts)
    assert all(a.end <= b.start for a, b in itertools.pairwise(candidates))
    return candidates


def names(text) -> list[tuple[str, str]]:
    return [(candidate.kind, candidate.name) for candidate in found(text)]


def owned(text) -> list[tuple[str, str, str]]:
    return [(candidate.kind, candidate.name, candidate.owner) for candidate in found(text)]


# Latin-script names in Arabic text.


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("شراكة مع شركة Midjourney الناشئة", [("company", "Midjourney")]),
        ("استثمار بقيمة 14 مليار دولار في شركة Scale AI.", [("company", "Scale AI")]),
        ("الاستحواذ على شركة Play AI المتخصصة", [("company", "Play AI")]),
        ("أعلنت Midjourney الناشئة", [("company", "Midjourney")]),
        ("وقعت OpenAI الصفقة", [("company", "OpenAI")]),
        ("رفضت الصفقة، وOpenAI رفضت", [("company", "OpenAI")]),
        ("الرئيس التنفيذي لـMidjourney، عبر", [("company", "Midjourney")]),
        ("الرئيس التنفيذي لـ OpenAI", [("company", "OpenAI")]),
        ("شركتي Disney وUniversal", [("company", "Disney"), ("company", "Universal")]),
        ("منافستها Anthropic", [("company", "Anthropic")]),
    ],
)
def test_latin_company_names_in_arabic_text(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("إلى جانب أداة Movie Gen لتوليد مقاطع الفيديو", [("product", "Movie Gen")]),
        ("أداة توليد الصور الخاصة بها Imagine ضمن", [("product", "Imagine")]),
        ("أطلقت الشركة أول نموذج لتوليد الفيديو عبر الذكاء الاصطناعي V1.", [("product", "V1")]),
        ("عبر منصة X أن شركته", [("product", "X")]),
        ("في منشور على منصة “Threads”، أشار", [("product", "Threads")]),
        (
            "أطلقت جوجل نموذج Gemini 2.5 ومساعد Bard",
            [("product", "Gemini 2.5"), ("product", "Bard")],
        ),
        ("تطبيق ChatGPT", [("product", "ChatGPT")]),
        ("أعلنت عن GPT-5 أمس", [("product", "GPT-5")]),
    ],
)
def test_latin_product_names_in_arabic_text(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Sora التابعة لـ OpenAI",
            [("product", "Sora", "OpenAI"), ("company", "OpenAI", "")],
        ),
        (
            "نموذج Sora التابع لـOpenAI",
            [("product", "Sora", "OpenAI"), ("company", "OpenAI", "")],
        ),
        (
            "أداة Imagine التابعة لميتا",
            [("product", "Imagine", "ميتا"), ("company", "ميتا", "")],
        ),
        (
            "وFlux من Black Forest Lab",
            [("product", "Flux", "Black Forest Lab"), ("company", "Black Forest Lab", "")],
        ),
        ("وVeo من جوجل.", [("product", "Veo", "جوجل"), ("company", "جوجل", "")]),
        (
            "Llama من تطوير Meta",
            [("product", "Llama", "Meta"), ("company", "Meta", "")],
        ),
    ],
)
def test_a_latin_name_with_an_owner_is_a_product(text, expected):
    assert owned(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "OpenAI من جهتها رفضت",
        "Midjourney من المستثمرين",
    ],
)
def test_from_without_a_name_after_it_is_no_owner(text):
    assert owned(text) == [("company", text.split()[0], "")]


def test_from_after_a_name_inside_a_clause_is_no_owner():
    assert owned("حصلت OpenAI من مايكروسوفت على استثمار") == [("company", "OpenAI", "")]


def test_competition_is_not_a_rival():
    assert owned("لمنافسة GPT-4 وتواجه منافستها OpenAI") == [
        ("product", "GPT-4", ""),
        ("company", "OpenAI", ""),
    ]


def test_an_attached_conjunction_is_not_part_of_a_latin_name():
    text = "مثل: Sora، وFlux من Black Forest Lab"
    flux = next(candidate for candidate in found(text) if candidate.name == "Flux")
    assert flux.start == text.index("F")
    assert text[flux.start - 1] == "و"


@pytest.mark.parametrize(
    "text", ["AI", "الذكاء الاصطناعي AI", "في عام 2022", "بقيمة 97 مليار دولار", "CEO"]
)
def test_latin_words_that_are_not_names(text):
    assert names(text) == []


# Arabic names after cue words.


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("أعلنت شركة ميتا عن شراكة", [("company", "ميتا")]),
        ("خطوة كبيرة لشركة ميتا التي", [("company", "ميتا")]),
        ("وبشركة أنثروبيك", [("company", "أنثروبيك")]),
        ("استثمار في شركة سكيل إيه آي", [("company", "سكيل إيه آي")]),
        ("مختبر ديب مايند", [("company", "ديب مايند")]),
        ("استثمرت في الشركة الناشئة أنثروبيك", [("company", "أنثروبيك")]),
        ("الشركة الناشئة الفرنسية ميسترال", [("company", "ميسترال")]),
        ("شركة ناشئة أمريكية تدعى بيربلكسيتي", [("company", "بيربلكسيتي")]),
        ("تواجه منافستها جوجل", [("company", "جوجل")]),
        ("رفع شركتي ديزني ويونيفرسال دعاوى", [("company", "ديزني"), ("company", "يونيفرسال")]),
        ("ستنافس شركتا أبل ونفيديا", [("company", "أبل"), ("company", "نفيديا")]),
        ("تواجه منافستيها جوجل وأمازون", [("company", "جوجل"), ("company", "أمازون")]),
        ("عبر منصة ثريدز", [("product", "ثريدز")]),
    ],
)
def test_arabic_names_after_cue_words(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("شراكة مع مختبر أبحاث الذكاء الاصطناعي “ميدجورني”", [("company", "ميدجورني", "مختبر")]),
        ("شراكة مع مختبر أبحاث الذكاء الاصطناعي «ميدجورني»", [("company", "ميدجورني", "مختبر")]),
        ('شراكة مع مختبر أبحاث الذكاء الاصطناعي "ميدجورني"', [("company", "ميدجورني", "مختبر")]),
        ("عبر منصة “ثريدز”، عن", [("product", "ثريدز", "منصة")]),
        ("تأسست “ميدجورني” عام 2022", [("company", "ميدجورني", "quoted")]),
        ("ستتعاون مع «أوبن إيه آي»", [("company", "أوبن إيه آي", "quoted")]),
    ],
)
def test_quoted_arabic_names(text, expected):
    assert [(c.kind, c.name, c.cue) for c in found(text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "مختبر “الذكاء الاصطناعي”",
        "قال: «نحن سعداء جداً بهذه الشراكة الجديدة»",
        "وصفها بأنها “خطوة، كبيرة”",
    ],
)
def test_quotes_that_are_not_names(text):
    assert names(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "ضمن منتجات مثل فيسبوك وإنستجرام وماسنجر، إلى جانب",
            [("product", "فيسبوك"), ("product", "إنستجرام"), ("product", "ماسنجر")],
        ),
        (
            "المنافسة مع شركات مثل جوجل وأوبن إيه آي، وقد افتقرت",
            [("company", "جوجل"), ("company", "أوبن إيه آي")],
        ),
        (
            "شركات مثل جوجل وأوبن إيه آي وديب مايند",
            [("company", "جوجل"), ("company", "أوبن إيه آي"), ("company", "ديب مايند")],
        ),
        (
            "منتجات مثل فيسبوك، وإنستجرام، أو واتساب.",
            [("product", "فيسبوك"), ("product", "إنستجرام"), ("product", "واتساب")],
        ),
        ("منصات مثل «تيك توك» و«إكس»", [("product", "تيك توك"), ("product", "إكس")]),
        ("تطبيقات مثل ChatGPT وClaude", [("product", "ChatGPT"), ("product", "Claude")]),
        ("الشركات الناشئة مثل ميسترال", [("company", "ميسترال")]),
        ("نماذج مثل لاما وجيميني لكن", [("product", "لاما"), ("product", "جيميني")]),
    ],
)
def test_lists_after_like(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "شركة ناشئة في مجال الذكاء",
        "شركة التقنية",
        "الشركة الأم",
        "شركات أخرى",
        "فيما تواجه ميتا وعدة شركات أخرى دعاوى مشابهة",
        "لصالح شركات التقنية في قضايا",
        "شركة عملاقة",
        "شركة لها فروع",
        "شركة جديدة",
        "أكد أن شركته ستبقى مستقلة",
        "رفض الشركة في السابق",
        "عبر منصات ميتا",
        "منصة التواصل الاجتماعي",
        "منتجات مثل: الهواتف",
    ],
)
def test_common_nouns_after_cues_are_not_names(text):
    assert names(text) == []


# People.


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("أعلن ألكسندر وانغ، الرئيس التنفيذي", "ألكسندر وانغ"),
        ("أشار ألكسندر وانج، رئيس قسم", "ألكسندر وانج"),
        ("كما خاض مارك زوكربيرج محادثات", "مارك زوكربيرج"),
        ("وحتى مع إيلون ماسك نفسه", "إيلون ماسك"),
        ("أكد ديفيد هولز، الرئيس التنفيذي", "ديفيد هولز"),
        ("ونقل عن سام ألتمان قوله", "سام ألتمان"),
        ("قال ساتيا ناديلا إن", "ساتيا ناديلا"),
        ("قال يان لو كون إن", "يان لو كون"),
        ("قال جنسن هوانغ", "جنسن هوانغ"),
        ("قال محمد العلي، الرئيس التنفيذي للشركة", "محمد العلي"),
        ("قال سامي الجابر، المؤسس", "سامي الجابر"),
        ("قال المؤسس محمد حسن إن الشركة", "محمد حسن"),
        ("وقال Sam Altman إن", "Sam Altman"),
    ],
)
def test_people_in_arabic_text(text, expected):
    assert names(text) == [("person", expected)]


def test_a_particle_on_a_first_name_is_left_out():
    text = "وأكد لمارك زوكربيرغ"
    [candidate] = found(text)
    assert (candidate.kind, candidate.name) == ("person", "مارك زوكربيرغ")


def test_a_title_before_names_the_organisation_and_the_person():
    assert names("قال الرئيس التنفيذي لميتا مارك زوكربيرغ إن") == [
        ("company", "ميتا"),
        ("person", "مارك زوكربيرغ"),
    ]
    assert names("صرح ديفيد هولز، الرئيس التنفيذي لميدجورني، بأن") == [
        ("person", "ديفيد هولز"),
        ("company", "ميدجورني"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "قال وانغ إن",
        "صرح هولز، الرئيس التنفيذي",
        "أعلن الموقع، الرئيس",
        "الرئيس التنفيذي لقطاع الذكاء الاصطناعي في",
        "سام جديد",
        "محمد",
    ],
)
def test_words_that_only_look_like_people(text):
    assert names(text) == []


# English.


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Shares of Apple Inc. rose.", [("company", "Apple")]),
        ("Nvidia Corp. said", [("company", "Nvidia")]),
        ("The Walt Disney Co. objected.", [("company", "Walt Disney")]),
        ("Arm Ltd was sold.", [("company", "Arm")]),
        ("It invested in Scale AI last year.", [("company", "Scale AI")]),
        (
            "Black Forest Labs released Flux.",
            [("company", "Black Forest Labs"), ("product", "Flux")],
        ),
        ("Acme Technologies grew.", [("company", "Acme Technologies")]),
        ("the AI startup Anthropic said", [("company", "Anthropic")]),
        ("the company Midjourney", [("company", "Midjourney")]),
        ("its chatbot Claude", [("product", "Claude")]),
        ("Google launched Gemini", [("product", "Gemini")]),
        ("OpenAI unveiled its new model Sora.", [("company", "OpenAI"), ("product", "Sora")]),
        ("Meta acquired Scale AI.", [("company", "Meta"), ("company", "Scale AI")]),
        ("Microsoft invested in OpenAI.", [("company", "Microsoft"), ("company", "OpenAI")]),
        ("Disney sued Midjourney.", [("company", "Disney"), ("company", "Midjourney")]),
        ("Meta has agreed to buy Manus.", [("company", "Meta"), ("company", "Manus")]),
        (
            "Google and Samsung announced a strategic partnership.",
            [("company", "Google"), ("company", "Samsung")],
        ),
        ("Amazon backed Anthropic", [("company", "Amazon"), ("company", "Anthropic")]),
        ("Nvidia bought a stake in Intel.", [("company", "Nvidia"), ("company", "Intel")]),
        ("Nvidia's CEO spoke.", [("company", "Nvidia")]),
        ("The New York Times sued OpenAI.", [("company", "New York Times"), ("company", "OpenAI")]),
    ],
)
def test_english_companies_and_products(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("CEO Jane Doe said", "Jane Doe"),
        ("chief executive Pat Gelsinger left", "Pat Gelsinger"),
        ("Judge Vince Chhabria ruled", "Vince Chhabria"),
        ("Jane Doe, chief executive of Acme, said", "Jane Doe"),
        ("Pat Gelsinger, the CEO of Intel, said", "Pat Gelsinger"),
        ("said Lisa Su on Monday", "Lisa Su"),
        ("according to Lip Bu Tan", "Lip Bu Tan"),
        ("Sam Altman said", "Sam Altman"),
        ("Elon Musk's xAI", "Elon Musk"),
        ("Mark Zuckerberg", "Mark Zuckerberg"),
    ],
)
def test_english_people(text, expected):
    assert ("person", expected) in names(text)


def test_a_company_and_its_leader():
    assert names("OpenAI CEO Sam Altman said the startup Anthropic and Mistral AI compete.") == [
        ("company", "OpenAI"),
        ("person", "Sam Altman"),
        ("company", "Anthropic"),
        ("company", "Mistral AI"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The deal closed.",
        "In June, the deal closed.",
        "On Monday, it closed.",
        "Under the deal, terms changed.",
        "Financial terms were not disclosed.",
        "AI is changing everything.",
        "CEO pay rose.",
        "US regulators objected.",
        "The U.S. government objected.",
        "January was busy.",
        "It raised a Series B.",
        "Breaking: markets fell.",
        "Meta said nothing.",
    ],
)
def test_ordinary_capitalised_words_are_not_names(text):
    assert names(text) == []


# Whole articles.


def test_the_first_seed_article():
    text = (ARTICLES_DIR / "000_1001d59c7aa3159d.txt").read_text(encoding="utf-8")
    assert owned(text) == [
        ("person", "ألكسندر وانغ", ""),
        ("company", "ميتا", ""),
        ("product", "ثريدز", ""),
        ("company", "Midjourney", ""),
        ("company", "ميدجورني", ""),
        ("product", "Sora", "OpenAI"),
        ("company", "OpenAI", ""),
        ("product", "Flux", "Black Forest Lab"),
        ("company", "Black Forest Lab", ""),
        ("product", "Veo", "جوجل"),
        ("company", "جوجل", ""),
        ("product", "Imagine", ""),
        ("product", "فيسبوك", ""),
        ("product", "إنستجرام", ""),
        ("product", "ماسنجر", ""),
        ("product", "Movie Gen", ""),
        ("company", "Scale AI", ""),
        ("company", "Play AI", ""),
        ("person", "مارك زوكربيرج", ""),
        ("person", "إيلون ماسك", ""),
        ("company", "OpenAI", ""),
        ("company", "OpenAI", ""),
        ("person", "ديفيد هولز", ""),
        ("company", "Midjourney", ""),
        ("product", "X", ""),
        ("company", "ميدجورني", ""),
        ("product", "V1", ""),
        ("company", "ديزني", ""),
        ("company", "يونيفرسال", ""),
        ("company", "Midjourney", ""),
    ]


def test_the_first_seed_article_cues():
    text = (ARTICLES_DIR / "000_1001d59c7aa3159d.txt").read_text(encoding="utf-8")
    cues = {(c.name, c.cue) for c in found(text)}
    assert {
        ("ألكسندر وانغ", "first name"),
        ("Midjourney", "شركة"),
        ("ثريدز", "منصة"),
        ("Sora", "التابعة لـ"),
        ("Flux", "من"),
        ("Imagine", "أداة"),
        ("فيسبوك", "مثل"),
        ("ديزني", "شركتي"),
        ("V1", "نموذج"),
    } <= cues


def test_the_second_seed_article():
    text = (ARTICLES_DIR / "001_684bed3df9a39272.txt").read_text(encoding="utf-8")
    assert [(c.kind, c.name, c.cue) for c in found(text)] == [
        ("company", "ميتا", "شركة"),
        ("company", "ميدجورني", "مختبر"),
        ("product", "Threads", "منصة"),
        ("person", "ألكسندر وانج", "first name"),
        ("company", "ميتا", "لشركة"),
        ("company", "جوجل", "مثل"),
        ("company", "أوبن إيه آي", "مثل"),
        ("person", "ديفيد هولز", "first name"),
        ("company", "ميدجورني", "الرئيس التنفيذي"),
    ]


def test_empty_text():
    assert name_candidates("") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The deal was reviewed by Naveen Rao and General Catalyst.",
            ["Naveen Rao", "General Catalyst"],
        ),
        ("Its code is hosted on GitHub.", ["GitHub"]),
        ("ASML led the round.", ["ASML"]),
        ("ChatGPT has 800 million users.", ["ChatGPT"]),
        ("The startup opened an office in San Francisco.", []),
        ("Regulators in Europe and the French government agreed.", []),
        ("Shares rose after the Series B.", []),
    ],
)
def test_capitalised_names_mid_sentence_or_in_unusual_case_are_guessed(text, expected):
    assert [candidate.name for candidate in name_candidates(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ستتعاون مع «ميدجورني» في المشروع", ["ميدجورني"]),
        ("وقال رئيسه إن المختبر «ليس للبيع»", []),
        ("أن مستقبل الشركتين «متشابك»", []),
        ("شركته الناشئة للذكاء الاصطناعي", []),
    ],
)
def test_quotations_are_not_names(text, expected):
    assert [candidate.name for candidate in name_candidates(text)] == expected


@pytest.mark.parametrize("name", ["ميغان غارسيا", "روجر داسن", "سكوت كانون", "غيوم لامبل"])
def test_more_foreign_first_names_open_a_persons_name(name):
    people = [
        c.name
        for c in name_candidates(f"وقالت {name} إن الشركة ستواصل عملها.")
        if c.kind == "person"
    ]
    assert name in people
