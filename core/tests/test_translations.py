"""The Arabic catalogue is complete, current, compiled, and used.

The interface is bilingual, so every string the project marks for translation has an
Arabic translation in locale/ar/LC_MESSAGES/django.po, and the compiled django.mo (built
by `make translations`, git-ignored) matches it.
"""

import ast
import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.functional import Promise
from simple_history.models import HistoricalChanges

from companies.duplicates import duplicates_refuse
from companies.models import Company
from companies.normalization import is_arabic
from companies.tests.factories import CompanyFactory
from core.dates import DatePrecision
from core.money import MoneyBasis, MoneyQualifier
from deals.models import Deal, DealKind, DealStatus, Lawsuit
from deals.services import Party, deal_create, parties_check
from sources.services.payloads import codes

LC_MESSAGES = Path(settings.BASE_DIR) / "locale" / "ar" / "LC_MESSAGES"
PO = LC_MESSAGES / "django.po"
MO = LC_MESSAGES / "django.mo"
ARABIC_NPLURALS = 6
PLACEHOLDER = re.compile(r"%\((\w+)\)[sdif]|\{(\w+)\}")
PROJECT_APPS = ("core", "companies", "deals", "sources")


@dataclass
class Entry:
    """One message of a .po file: its context, ids, translations and flags."""

    line: int
    msgctxt: str | None = None
    msgid: str | None = None
    msgid_plural: str | None = None
    msgstr: dict[int, str] = field(default_factory=dict)
    flags: set[str] = field(default_factory=set)

    @property
    def name(self) -> str:
        context = f"[{self.msgctxt}] " if self.msgctxt is not None else ""
        return f"line {self.line}: {context}{self.msgid!r}"

    def add(self, keyword: str, text: str) -> None:
        plural_form = re.fullmatch(r"msgstr(?:\[(\d+)\])?", keyword)
        if plural_form:
            index = int(plural_form.group(1) or 0)
            self.msgstr[index] = self.msgstr.get(index, "") + text
        elif keyword in ("msgctxt", "msgid", "msgid_plural"):
            setattr(self, keyword, (getattr(self, keyword) or "") + text)
        else:
            raise ValueError(f"unknown keyword {keyword!r}")


def parse_po(path: Path) -> list[Entry]:
    """A small .po reader for the files makemessages writes: entries split by blank lines.

    Returns the entries in file order, the header (msgid "") first; comment-only blocks,
    such as obsolete `#~` entries, are skipped.
    """
    entries: list[Entry] = []
    entry, keyword = None, None
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        if not line:
            entry = None
            continue
        if entry is None:
            entry = Entry(line=number)
            entries.append(entry)
        if line.startswith("#,"):
            entry.flags.update(flag.strip() for flag in line[2:].split(","))
        elif line.startswith("#"):
            continue
        elif line.startswith('"'):
            entry.add(keyword, ast.literal_eval(line))
        else:
            keyword, _, value = line.partition(" ")
            entry.add(keyword, ast.literal_eval(value))
    return [entry for entry in entries if entry.msgid is not None]


@pytest.fixture(scope="module")
def catalogue() -> list[Entry]:
    assert PO.exists(), f"{PO} is missing: run makemessages -l ar (see the README)."
    return parse_po(PO)


@pytest.fixture(scope="module")
def header(catalogue) -> dict[str, str]:
    first = catalogue[0]
    assert first.msgid == "", "the .po file has no header entry"
    assert first.msgctxt is None, "the .po file has no header entry"
    lines = first.msgstr[0].strip("\n").split("\n")
    return dict(line.split(": ", 1) for line in lines)


@pytest.fixture(scope="module")
def messages(catalogue) -> list[Entry]:
    return catalogue[1:]


def test_po_header_declares_arabic(header, catalogue):
    assert header["Language"] == "ar"
    assert "charset=UTF-8" in header["Content-Type"]
    assert f"nplurals={ARABIC_NPLURALS};" in header["Plural-Forms"]
    assert "fuzzy" not in catalogue[0].flags, "the header is still marked fuzzy"


def test_every_message_is_translated(messages):
    assert len(messages) > 100, "the catalogue looks truncated"
    untranslated = []
    for entry in messages:
        forms = ARABIC_NPLURALS if entry.msgid_plural is not None else 1
        if any(not entry.msgstr.get(index, "").strip() for index in range(forms)):
            untranslated.append(entry.name)
    assert not untranslated, "Untranslated messages in django.po:\n" + "\n".join(untranslated)


def test_no_message_is_fuzzy(messages):
    fuzzy = [entry.name for entry in messages if "fuzzy" in entry.flags]
    assert not fuzzy, "Fuzzy messages in django.po (check, then drop the flag):\n" + "\n".join(
        fuzzy
    )


def test_translations_keep_their_placeholders(messages):
    """A translation uses only the msgid's placeholders; a singular one uses all of them."""

    def names(text: str) -> set[str]:
        return {a or b for a, b in PLACEHOLDER.findall(text)}

    wrong = []
    for entry in messages:
        expected = names(entry.msgid) | names(entry.msgid_plural or "")
        for index, text in entry.msgstr.items():
            found = names(text)
            if not found <= expected or (entry.msgid_plural is None and found != expected):
                wrong.append(f"{entry.name} msgstr[{index}] has {sorted(found)}")
    assert not wrong, "Placeholders differ from the msgid:\n" + "\n".join(wrong)


@pytest.mark.parametrize(
    "label",
    [
        Deal._meta.verbose_name,
        Deal._meta.verbose_name_plural,
        DealKind.Code.LICENSING.label,
        DealStatus.COMPLETED.label,
        MoneyQualifier.UP_TO.label,
        MoneyBasis.PER_MONTH.label,
        DatePrecision.MONTH.label,
    ],
    ids=lambda label: str(label),
)
def test_code_strings_are_translated(label):
    with translation.override("en"):
        english = str(label)
    with translation.override("ar"):
        arabic = str(label)
    assert arabic != english, f"{english!r} is not translated (is django.mo compiled?)"
    assert is_arabic(arabic), f"{english!r} -> {arabic!r} has no Arabic letters"


def test_deal_name_is_arabic():
    with translation.override("ar"):
        assert str(Deal._meta.verbose_name) == "صفقة"
        assert str(Deal._meta.verbose_name_plural) == "الصفقات"


def code_strings() -> list[str]:
    """English strings the code marks for translation: model names and some choices.

    History models are skipped: django-simple-history names them ("historical deal").
    """
    labels = []
    for app in PROJECT_APPS:
        for model in apps.get_app_config(app).get_models():
            if issubclass(model, HistoricalChanges):
                continue
            for key in ("verbose_name", "verbose_name_plural"):
                if isinstance(model._meta.original_attrs.get(key), Promise):
                    labels.append(getattr(model._meta, key))
    for choices in (DealKind.Code, DealStatus, MoneyQualifier, MoneyBasis, DatePrecision):
        labels.extend(choices.labels)
    with translation.override("en"):
        return sorted({str(label) for label in labels})


def test_catalogue_is_current(messages):
    """Strings in the code are in the catalogue; if not, makemessages was not run."""
    msgids = {entry.msgid for entry in messages}
    missing = [text for text in code_strings() if text not in msgids]
    assert not missing, (
        "Strings missing from locale/ar/LC_MESSAGES/django.po; run makemessages -l ar "
        "(see the README) and translate them:\n" + "\n".join(missing)
    )


def test_mo_is_compiled_from_current_po():
    hint = "run `make translations` to compile locale/ar/LC_MESSAGES/django.po"
    assert MO.exists(), f"{MO} is missing: {hint}."
    assert MO.stat().st_mtime >= PO.stat().st_mtime, f"{MO.name} is older than {PO.name}: {hint}."


def arabic_errors(field: str, check, *args, **kwargs) -> list[str]:
    """The messages on `field` that `check(*args, **kwargs)` refuses with, in Arabic."""
    with translation.override("ar"), pytest.raises(ValidationError) as refused:
        check(*args, **kwargs)
    return refused.value.message_dict[field]


@pytest.mark.django_db
class TestServiceMessagesInArabic:
    """Messages the services assemble from pieces come out as Arabic sentences."""

    def test_exclusive_roles_name_the_party_and_both_roles(self):
        meta = CompanyFactory(name="Meta")
        parties = [Party(role="acquirer", company=meta), Party(role="target", company=meta)]
        errors = arabic_errors("parties", parties_check, record_model=Deal, parties=parties)
        assert errors == ["لا يمكن للطرف Meta أن يكون الجهة المستهدفة والمُستحوِذ معًا في صفقة واحدة."]

    @pytest.mark.parametrize(
        ("record_model", "role", "expected"),
        [
            (Deal, "partner", "الطرف 1: اختر شركة أو شخصًا، أو صِف الطرف غير المُسمّى."),
            (Lawsuit, "plaintiff", "الطرف 1: اختر شركة أو شخصًا."),
        ],
    )
    def test_a_row_problem_is_led_by_the_party_number(self, record_model, role, expected):
        errors = arabic_errors(
            "parties", parties_check, record_model=record_model, parties=[Party(role=role)]
        )
        assert errors == [expected]

    def test_a_deal_without_kinds(self):
        errors = arabic_errors("kinds", deal_create, title="X", kinds=[], status="announced")
        assert errors == ["للصفقة نوع واحد على الأقل."]

    def test_a_possible_duplicate_names_the_kind_of_record(self):
        meta = CompanyFactory(name="Meta")
        errors = arabic_errors("name", duplicates_refuse, Company, ["Meta"])
        assert errors == [
            f"قد يكون هذا السجل (شركة) مُسجَّلًا من قبل: {meta} ({meta.slug}). "
            "ادمجه في السجل الموجود، أو أكِّد أنه سجل مختلف."
        ]

    def test_unknown_codes_are_listed(self):
        (error,) = arabic_errors("kinds", codes, {"kinds": ["teleportation"]}, "kinds", DealKind)
        assert error.startswith("رموز غير معروفة: teleportation؛ استخدم: ")
        assert "licensing" in error
