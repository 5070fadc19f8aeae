"""Money as the sources state it: an amount, a currency, how sure, per what.

"Up to $100M per contract", "about $97B" and "terms undisclosed" are all values.
Amounts are Decimals, never floats.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.utils.text import format_lazy
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class MoneyQualifier(models.TextChoices):
    EXACT = "exact", _("exact")
    ABOUT = "about", _("about")
    UP_TO = "up_to", _("up to")
    AT_LEAST = "at_least", _("at least")


class MoneyBasis(models.TextChoices):
    TOTAL = "total", _("total")
    PER_CONTRACT = "per_contract", _("per contract")
    PER_MONTH = "per_month", _("per month")
    PER_YEAR = "per_year", _("per year")
    PER_PERSON = "per_person", _("per person")


CURRENCY_SYMBOLS = {"USD": "$", "EUR": "€", "GBP": "£"}
CURRENCY_NAMES = {
    "USD": _("dollars"),
    "EUR": _("euros"),
    "GBP": _("pounds sterling"),
    "SAR": _("riyals"),
    "AED": _("dirhams"),
}
_SCALES = ((Decimal(10) ** 12, "T"), (Decimal(10) ** 9, "B"), (Decimal(10) ** 6, "M"))
_SCALE_WORDS = {"T": _("trillion"), "B": _("billion"), "M": _("million")}

currency_code_validator = RegexValidator(
    r"^[A-Z]{3}$", _("Use a three-letter ISO 4217 currency code such as USD.")
)


def _scaled(amount: Decimal) -> tuple[str, str]:
    for scale, suffix in _SCALES:
        if abs(amount) >= scale:
            return f"{(amount / scale).normalize():f}", suffix
    return f"{amount.normalize():f}", ""


def compact_amount(amount: Decimal) -> str:
    """14000000000 -> "14B", 2750000000 -> "2.75B", 120 -> "120"."""
    number, suffix = _scaled(amount)
    return f"{number}{suffix}"


def spelled_amount(amount: Decimal, currency: str) -> str:
    """The amount as words in the active language: "14 مليار دولار" in Arabic."""
    number, suffix = _scaled(amount)
    parts = [
        number,
        str(_SCALE_WORDS[suffix]) if suffix else "",
        str(CURRENCY_NAMES.get(currency, currency)),
    ]
    return " ".join(part for part in parts if part)


@dataclass(frozen=True)
class Money:
    """A stated value. `undisclosed` means the source says there is a value but not what."""

    amount: Decimal | None = None
    currency: str = ""
    qualifier: str = MoneyQualifier.EXACT
    undisclosed: bool = False
    basis: str = MoneyBasis.TOTAL

    @classmethod
    def from_dict(cls, data) -> Money:
        """Read {"amount": "14000000000", "currency": "USD", "qualifier": "about", ...}.

        The one reader of the shape the API, the seed and proposal payloads share. The
        amount is text or a whole number, never a float. Raises `ValueError` with a
        sentence saying what is wrong.
        """
        if not isinstance(data, dict):
            raise ValueError('Give an object such as {"amount": "14000000000", "currency": "USD"}.')
        unknown = set(data) - {"amount", "currency", "qualifier", "undisclosed", "basis"}
        if unknown:
            raise ValueError(f"Unknown keys: {', '.join(sorted(unknown))}.")
        amount = data.get("amount")
        if isinstance(amount, float):
            raise ValueError('Send the amount as text ("14000000000"), not a float.')
        if isinstance(amount, bool) or not isinstance(amount, str | int | Decimal | None):
            raise ValueError(f"{amount!r} is not a number.")
        try:
            amount = None if amount in (None, "") else Decimal(str(amount))
        except InvalidOperation:
            raise ValueError(f"{amount!r} is not a number.") from None
        if amount is not None and not amount.is_finite():
            raise ValueError("The amount must be a finite number.")
        choices = {"qualifier": MoneyQualifier.values, "basis": MoneyBasis.values}
        for key, allowed in choices.items():
            if key in data and data[key] not in allowed:
                raise ValueError(f"{key} must be one of {', '.join(allowed)}.")
        undisclosed = data.get("undisclosed", False)
        if not isinstance(undisclosed, bool):
            raise ValueError("undisclosed must be true or false.")
        currency = data.get("currency") or ""
        if not isinstance(currency, str):
            raise ValueError("currency must be text, such as USD.")
        return cls(
            amount=amount,
            currency=currency,
            qualifier=data.get("qualifier", MoneyQualifier.EXACT),
            undisclosed=undisclosed,
            basis=data.get("basis", MoneyBasis.TOTAL),
        )

    def as_dict(self) -> dict:
        """The shape `from_dict` reads; the amount as text, never a float."""
        return {
            "amount": None if self.amount is None else f"{self.amount.normalize():f}",
            "currency": self.currency,
            "qualifier": self.qualifier,
            "undisclosed": self.undisclosed,
            "basis": self.basis,
        }

    @property
    def is_stated(self) -> bool:
        return self.amount is not None

    def __str__(self) -> str:
        return self.text()

    def _amount_text(self, amount: Decimal) -> str:
        symbol = CURRENCY_SYMBOLS.get(self.currency)
        if (get_language() or "").startswith("ar"):
            return spelled_amount(amount, self.currency)
        if symbol:
            return f"{symbol}{compact_amount(amount)}"
        return f"{compact_amount(amount)} {self.currency}"

    def text(self, high: Decimal | None = None) -> str:
        """The value as a reader reads it; with `high`, the range from the amount to it
        ("$10 to $120 per month"), both ends in the value's currency and basis."""
        if self.undisclosed:
            return str(_("undisclosed"))
        if self.amount is None:
            return ""
        text = self._amount_text(self.amount)
        if high is not None and high != self.amount:
            text = _("%(low)s to %(high)s") % {"low": text, "high": self._amount_text(high)}
        if self.qualifier != MoneyQualifier.EXACT:
            text = f"{MoneyQualifier(self.qualifier).label} {text}"
        if self.basis != MoneyBasis.TOTAL:
            text = f"{text} {MoneyBasis(self.basis).label}"
        return text


#: The columns of a money value `name`, as `<name>_<part>`.
MONEY_PARTS = ("amount", "currency", "qualifier", "undisclosed", "basis")


def money_fields(name: str, verbose_name: str) -> type[models.Model]:
    """An abstract model adding the money value `name` to the models that inherit it.

    Fields `<name>_amount`, `<name>_currency`, `<name>_qualifier`, `<name>_undisclosed`,
    `<name>_basis`; a `<name>` property reading and writing them as one `Money`; field-level
    validation messages. Database rules: `money_constraints(name)` in the model's Meta.
    """
    amount, currency, qualifier, undisclosed, basis = (f"{name}_{part}" for part in MONEY_PARTS)

    def read(self) -> Money:
        return Money(
            getattr(self, amount),
            getattr(self, currency),
            getattr(self, qualifier),
            getattr(self, undisclosed),
            getattr(self, basis),
        )

    def write(self, value: Money) -> None:
        setattr(self, amount, value.amount)
        setattr(self, currency, value.currency)
        setattr(self, qualifier, value.qualifier)
        setattr(self, undisclosed, value.undisclosed)
        setattr(self, basis, value.basis)

    def clean(self):
        super(mixin, self).clean()
        errors = {}
        value = getattr(self, amount)
        if value is not None and value < 0:
            errors[amount] = _("An amount cannot be negative.")
        if value is not None and not getattr(self, currency):
            errors[currency] = _("An amount needs its currency (an ISO 4217 code such as USD).")
        if value is not None and getattr(self, undisclosed):
            errors[undisclosed] = _("A value is either undisclosed or given, not both.")
        if errors:
            raise ValidationError(errors)

    attrs = {
        "__module__": __name__,
        amount: models.DecimalField(
            format_lazy(_("{name} amount"), name=verbose_name),
            max_digits=20,
            decimal_places=2,
            null=True,
            blank=True,
            validators=[MinValueValidator(Decimal(0))],
            help_text=_("As the source states it, in the currency below; empty if not stated."),
        ),
        currency: models.CharField(
            format_lazy(_("{name} currency"), name=verbose_name),
            max_length=3,
            blank=True,
            validators=[currency_code_validator],
            help_text=_("ISO 4217 code, such as USD."),
        ),
        qualifier: models.CharField(
            format_lazy(_("{name} qualifier"), name=verbose_name),
            max_length=8,
            choices=MoneyQualifier.choices,
            default=MoneyQualifier.EXACT,
            help_text=_('How the source hedges the figure: "about", "up to", "at least".'),
        ),
        undisclosed: models.BooleanField(
            format_lazy(_("{name} undisclosed"), name=verbose_name),
            default=False,
            help_text=_("The source says the value exists but was not disclosed."),
        ),
        basis: models.CharField(
            format_lazy(_("{name} basis"), name=verbose_name),
            max_length=12,
            choices=MoneyBasis.choices,
            default=MoneyBasis.TOTAL,
            help_text=_("What the figure counts: a total, or per contract, month, year, person."),
        ),
        name: property(read, write),
        "money_name": name,
        "money_label": verbose_name,
        "clean": clean,
        "Meta": type("Meta", (), {"abstract": True}),
    }
    mixin = type(f"{name.title().replace('_', '')}Money", (models.Model,), attrs)
    return mixin


def money_constraints(name: str) -> list[models.BaseConstraint]:
    amount, currency, undisclosed = f"{name}_amount", f"{name}_currency", f"{name}_undisclosed"
    return [
        models.CheckConstraint(
            condition=Q(**{f"{amount}__isnull": True}) | Q(**{f"{amount}__gte": 0}),
            name=f"%(app_label)s_%(class)s_{name}_amount_not_negative",
            violation_error_message=_("An amount cannot be negative."),
        ),
        models.CheckConstraint(
            condition=Q(**{f"{amount}__isnull": True}) | ~Q(**{currency: ""}),
            name=f"%(app_label)s_%(class)s_{name}_amount_has_currency",
            violation_error_message=_("An amount needs its currency."),
        ),
        models.CheckConstraint(
            condition=Q(**{f"{amount}__isnull": True}) | Q(**{undisclosed: False}),
            name=f"%(app_label)s_%(class)s_{name}_undisclosed_has_no_amount",
            violation_error_message=_("A value is either undisclosed or given, not both."),
        ),
    ]
