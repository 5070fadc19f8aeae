"""Dates known to a precision: "June 2025" is a month, not 2025-06-01.

A partial date is stored as four columns: the first day of the period it names
(`<name>_on`), its precision, where it comes from (`<name>_basis`: stated in the cited
text, inferred from it, or added by a curator from outside the cited sources) and a note
(`<name>_note`: the excerpt an inferred date rests on, or where a curator's date comes
from). Sorting uses the date; display and the API use all four.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import formats
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext


class DatePrecision(models.TextChoices):
    DAY = "day", _("day")
    MONTH = "month", _("month")
    QUARTER = "quarter", _("quarter")
    YEAR = "year", _("year")
    UNKNOWN = "unknown", _("unknown")


class DateBasis(models.TextChoices):
    """Where a known date comes from; an unknown date has no basis."""

    STATED = "stated", _("stated in the cited text")
    INFERRED = "inferred", _("inferred from the cited text")
    CURATOR = "curator", _("added by a curator")


#: The longest note a date keeps (an excerpt or a curator's sentence).
DATE_NOTE_MAX_LENGTH = 500

CURATOR_NOTE_REQUIRED = _("A date added by a curator needs a note saying where it comes from.")


def basis_problem(basis: str, note: str) -> str | None:
    """What is wrong with a known date's basis and note, or None: the one rule both
    `PartialDate.from_dict` and the models' validation apply."""
    if basis == DateBasis.CURATOR and not note.strip():
        return str(CURATOR_NOTE_REQUIRED)
    if len(note) > DATE_NOTE_MAX_LENGTH:
        return str(
            _("Keep the date's note to %(limit)s characters.") % {"limit": DATE_NOTE_MAX_LENGTH}
        )
    return None


_ISO_PATTERNS = (
    (re.compile(r"^(\d{4})-(\d{2})-(\d{2})$"), DatePrecision.DAY),
    (re.compile(r"^(\d{4})-(\d{2})$"), DatePrecision.MONTH),
    (re.compile(r"^(\d{4})-Q([1-4])$", re.IGNORECASE), DatePrecision.QUARTER),
    (re.compile(r"^(\d{4})$"), DatePrecision.YEAR),
)


_DATE_FORMS = (
    "Give date as YYYY-MM-DD (the first day of a month or year), YYYY-MM, YYYY-Qn, YYYY or null."
)


def period_end(start: datetime.date, precision: str) -> datetime.date:
    """The last day of the period of `precision` that starts on `start`."""
    if precision == DatePrecision.YEAR:
        return start.replace(month=12, day=31)
    if precision in (DatePrecision.MONTH, DatePrecision.QUARTER):
        months = 3 if precision == DatePrecision.QUARTER else 1
        year, month = divmod(start.month - 1 + months, 12)
        return datetime.date(start.year + year, month + 1, 1) - datetime.timedelta(days=1)
    return start


def period_start(day: datetime.date, precision: str) -> datetime.date:
    """The first day of the period of `precision` that contains `day`."""
    if precision == DatePrecision.MONTH:
        return day.replace(day=1)
    if precision == DatePrecision.QUARTER:
        return day.replace(month=(day.month - 1) // 3 * 3 + 1, day=1)
    if precision == DatePrecision.YEAR:
        return day.replace(month=1, day=1)
    return day


@dataclass(frozen=True)
class PartialDate:
    """A date with its precision and where it comes from.

    `date` is None exactly when the precision is unknown. `basis` says whether the cited
    text states the date, implies it (`note`: the excerpt it rests on) or a curator added
    it from outside the cited sources (`note`: where it comes from). An unknown date has
    no basis: it is kept as stated with no note.
    """

    date: datetime.date | None = None
    precision: str = DatePrecision.UNKNOWN
    basis: str = DateBasis.STATED
    note: str = ""

    def __post_init__(self):
        if self.precision not in DatePrecision.values:
            raise ValueError(f"Unknown date precision {self.precision!r}.")
        if self.basis not in DateBasis.values:
            raise ValueError(f"Unknown date basis {self.basis!r}.")
        if (self.date is None) != (self.precision == DatePrecision.UNKNOWN):
            raise ValueError("A partial date has a date exactly when its precision is known.")
        if self.date is not None:
            object.__setattr__(self, "date", period_start(self.date, self.precision))
        else:
            object.__setattr__(self, "basis", DateBasis.STATED)
            object.__setattr__(self, "note", "")
        object.__setattr__(self, "note", (self.note or "").strip())

    @property
    def inferred(self) -> bool:
        """Implied by the cited text rather than stated (the API's former flag)."""
        return self.basis == DateBasis.INFERRED

    @property
    def provenance(self) -> str:
        """Where the date comes from, as a reader is told: "inferred from «…»"."""
        if not self.is_known:
            return ""
        if self.basis == DateBasis.INFERRED and self.note:
            return _("inferred from «%(excerpt)s»") % {"excerpt": self.note}
        if self.basis == DateBasis.CURATOR:
            return _("added by a curator: %(note)s") % {"note": self.note}
        return str(DateBasis(self.basis).label)

    @classmethod
    def parse(
        cls, text: str | None, *, basis: str = DateBasis.STATED, note: str = ""
    ) -> PartialDate:
        """Read "2025-06-13", "2025-06", "2025-Q2", "2025" or ""/None (unknown)."""
        text = (text or "").strip()
        if not text:
            return cls()
        for pattern, precision in _ISO_PATTERNS:
            match = pattern.match(text)
            if not match:
                continue
            year = int(match.group(1))
            month, day = 1, 1
            if precision == DatePrecision.QUARTER:
                month = (int(match.group(2)) - 1) * 3 + 1
            elif precision in (DatePrecision.MONTH, DatePrecision.DAY):
                month = int(match.group(2))
            if precision == DatePrecision.DAY:
                day = int(match.group(3))
            try:
                return cls(datetime.date(year, month, day), precision, basis, note)
            except ValueError as error:
                raise ValueError(f"{text!r} is not a real date: {error}.") from error
        raise ValueError(f"{text!r} is not a date: use YYYY-MM-DD, YYYY-MM, YYYY-Qn or YYYY.")

    @classmethod
    def from_dict(cls, data) -> PartialDate:
        """Read {"date": "2025-08-01", "precision": "month", "basis": "curator", "note": "…"}.

        The one reader of the shape the API, the seed and proposal payloads share. `date`
        may also be a shorter form ("2025-08", "2025-Q3", "2025") whose precision it
        implies; a missing precision is a day for a full date and unknown without one.
        `basis` is stated, inferred or curator (stated when missing); the former flag
        `inferred: true` still reads as the inferred basis. Raises `ValueError` with a
        sentence saying what is wrong.
        """
        if not isinstance(data, dict):
            raise ValueError('Give an object such as {"date": "2025-08-01", "precision": "month"}.')
        unknown = set(data) - {"date", "precision", "basis", "note", "inferred"}
        if unknown:
            raise ValueError(f"Unknown keys: {', '.join(sorted(unknown))}.")
        raw_date, precision = data.get("date"), data.get("precision")
        basis, note = _basis_from_dict(data)
        if precision is not None and precision not in DatePrecision.values:
            raise ValueError(f"precision must be one of {', '.join(DatePrecision.values)}.")
        if raw_date is not None and not isinstance(raw_date, str):
            raise ValueError(_DATE_FORMS)
        try:
            parsed = cls.parse(raw_date, basis=basis, note=note)
        except ValueError as error:
            raise ValueError(f"{error} {_DATE_FORMS}") from None
        if not parsed.is_known and precision not in (None, DatePrecision.UNKNOWN):
            raise ValueError(
                "A date with a precision needs its date: give date as YYYY-MM-DD "
                "(the first day of a month or year), or set precision to unknown."
            )
        if parsed.is_known and (problem := basis_problem(basis, note)):
            raise ValueError(problem)
        if precision is None or parsed.precision != DatePrecision.DAY:
            if precision not in (None, parsed.precision):
                raise ValueError(
                    f"{raw_date!r} is a {parsed.precision}, not a {precision}: give the first "
                    "day of the period (YYYY-MM-DD) with its precision."
                )
            return parsed
        try:
            return cls(parsed.date, precision, basis, note)
        except ValueError as error:
            raise ValueError(f"{error} {_DATE_FORMS}") from None

    def as_dict(self) -> dict:
        """The shape `from_dict` reads; `basis` is null for an unknown date, and
        `inferred` repeats `basis == "inferred"` for readers of the former shape."""
        return {
            "date": self.date.isoformat() if self.date else None,
            "precision": self.precision,
            "basis": self.basis if self.is_known else None,
            "note": self.note,
            "inferred": self.inferred,
        }

    def columns(self, name: str) -> dict:
        """The model columns of partial date `name` holding this value (for bulk writes)."""
        return dict(
            zip(
                (f"{name}_{part}" for part in PARTIAL_DATE_PARTS),
                (self.date, self.precision, self.basis, self.note),
                strict=True,
            )
        )

    @property
    def is_known(self) -> bool:
        return self.date is not None

    @property
    def last_day(self) -> datetime.date | None:
        """The last day the period could mean: comparisons across precisions use it."""
        return None if self.date is None else period_end(self.date, self.precision)

    def isoformat(self) -> str:
        """The shortest ISO-like form that keeps the precision ("2025-06", "2025-Q2")."""
        if self.date is None:
            return ""
        if self.precision == DatePrecision.YEAR:
            return f"{self.date.year:04d}"
        if self.precision == DatePrecision.QUARTER:
            return f"{self.date.year:04d}-Q{(self.date.month - 1) // 3 + 1}"
        if self.precision == DatePrecision.MONTH:
            return f"{self.date.year:04d}-{self.date.month:02d}"
        return self.date.isoformat()

    def __str__(self) -> str:
        """Display in the active language, never claiming more precision than stored."""
        if self.date is None:
            return str(_("date unknown"))
        if self.precision == DatePrecision.YEAR:
            return formats.date_format(self.date, "Y")
        if self.precision == DatePrecision.QUARTER:
            quarter = (self.date.month - 1) // 3 + 1
            return pgettext("quarter of a year", "Q%(quarter)s %(year)s") % {
                "quarter": quarter,
                "year": self.date.year,
            }
        if self.precision == DatePrecision.MONTH:
            return formats.date_format(self.date, "YEAR_MONTH_FORMAT")
        return formats.date_format(self.date, "DATE_FORMAT")


def _basis_from_dict(data: dict) -> tuple[str, str]:
    """The basis and note of a date's dict; `inferred` alone is the former shape."""
    basis, note, inferred = data.get("basis"), data.get("note"), data.get("inferred")
    if inferred is not None and not isinstance(inferred, bool):
        raise ValueError("inferred must be true or false.")
    if basis is None:
        basis = DateBasis.INFERRED if inferred else DateBasis.STATED
    elif basis not in DateBasis.values:
        raise ValueError(f"basis must be one of {', '.join(DateBasis.values)}.")
    elif inferred is not None and inferred != (basis == DateBasis.INFERRED):
        raise ValueError("inferred and basis disagree: give basis alone.")
    if note is None:
        note = ""
    if not isinstance(note, str):
        raise ValueError("note must be text.")
    return basis, note.strip()


#: The columns of a partial date `name`, as `<name>_<part>`.
PARTIAL_DATE_PARTS = ("on", "precision", "basis", "note")


def partial_date_fields(name: str, verbose_name: str) -> type[models.Model]:
    """An abstract model adding the partial date `name` to the models that inherit it.

    It contributes `<name>_on`, `<name>_precision`, `<name>_basis` and `<name>_note`, a
    `<name>` property that reads and writes them as one `PartialDate`, and validation. Its
    database rules come from `partial_date_constraints(name)`, listed in the model's Meta
    (Django takes Meta from one abstract parent only).
    """
    on_field, precision_field, basis_field, note_field = (
        f"{name}_{part}" for part in PARTIAL_DATE_PARTS
    )

    def read(self) -> PartialDate:
        return PartialDate(
            getattr(self, on_field),
            getattr(self, precision_field),
            getattr(self, basis_field),
            getattr(self, note_field),
        )

    def write(self, value: PartialDate) -> None:
        setattr(self, on_field, value.date)
        setattr(self, precision_field, value.precision)
        setattr(self, basis_field, value.basis)
        setattr(self, note_field, value.note)

    def normalize(self) -> None:
        """A date's first day; an unknown date's basis and note cleared."""
        day = getattr(self, on_field)
        if day is None:
            setattr(self, basis_field, DateBasis.STATED)
            setattr(self, note_field, "")
        else:
            setattr(self, on_field, period_start(day, getattr(self, precision_field)))
            setattr(self, note_field, (getattr(self, note_field) or "").strip())

    def clean(self):
        super(mixin, self).clean()
        day, precision = getattr(self, on_field), getattr(self, precision_field)
        if day is None and precision != DatePrecision.UNKNOWN:
            raise ValidationError(
                {on_field: _("Give the date, or set its precision to unknown.")}, code="required"
            )
        if day is not None and precision == DatePrecision.UNKNOWN:
            raise ValidationError(
                {precision_field: _("A date is given: say whether it is a day, month, or year.")},
                code="invalid",
            )
        normalize(self)
        if day is not None:
            problem = basis_problem(getattr(self, basis_field), getattr(self, note_field))
            if problem:
                raise ValidationError({note_field: problem}, code="required")

    def save(self, **kwargs):
        normalize(self)
        super(mixin, self).save(**kwargs)

    attrs = {
        "__module__": __name__,
        on_field: models.DateField(
            format_lazy(_("{name} date"), name=verbose_name),
            null=True,
            blank=True,
            db_index=True,
            help_text=_("First day of the period the source gives (a month is stored as its 1st)."),
        ),
        precision_field: models.CharField(
            format_lazy(_("{name} precision"), name=verbose_name),
            max_length=7,
            choices=DatePrecision.choices,
            default=DatePrecision.UNKNOWN,
            help_text=_("How precisely the source dates it: day, month, quarter, year or unknown."),
        ),
        basis_field: models.CharField(
            format_lazy(_("{name} date basis"), name=verbose_name),
            max_length=8,
            choices=DateBasis.choices,
            default=DateBasis.STATED,
            help_text=_(
                "Where the date comes from: stated in the cited text, inferred from it, or "
                "added by a curator from outside the cited sources."
            ),
        ),
        note_field: models.CharField(
            format_lazy(_("{name} date note"), name=verbose_name),
            max_length=DATE_NOTE_MAX_LENGTH,
            blank=True,
            help_text=_(
                "For an inferred date, the excerpt it rests on; for a curator's date, where "
                "it comes from (required)."
            ),
        ),
        name: property(read, write),
        "partial_date_name": name,
        "partial_date_label": verbose_name,
        "clean": clean,
        "save": save,
        "Meta": type("Meta", (), {"abstract": True}),
    }
    mixin = type(f"{name.title().replace('_', '')}PartialDate", (models.Model,), attrs)
    return mixin


def partial_date_constraints(name: str) -> list[models.BaseConstraint]:
    on_field, precision_field = f"{name}_on", f"{name}_precision"
    return [
        models.CheckConstraint(
            condition=(
                Q(**{f"{on_field}__isnull": True, precision_field: DatePrecision.UNKNOWN})
                | (
                    Q(**{f"{on_field}__isnull": False})
                    & ~Q(**{precision_field: DatePrecision.UNKNOWN})
                )
            ),
            name=f"%(app_label)s_%(class)s_{name}_precision_matches_date",
            violation_error_message=_("A date needs a known precision, and only a date has one."),
        ),
        models.CheckConstraint(
            condition=~Q(**{f"{name}_basis": DateBasis.CURATOR}) | ~Q(**{f"{name}_note": ""}),
            name=f"%(app_label)s_%(class)s_{name}_curator_date_has_note",
            violation_error_message=CURATOR_NOTE_REQUIRED,
        ),
    ]
