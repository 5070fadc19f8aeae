"""The rule every name of a company, person or product (and every alias) follows."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from ..normalization import direction_controls, is_visible


def validate_name(value: str) -> None:
    """Refuse direction controls, and names a reader would not see at all.

    The characters themselves are defined in `companies.normalization`.
    """
    controls = direction_controls(value)
    if controls:
        raise ValidationError(
            _(
                "Remove the text direction control characters (%(controls)s): they "
                "reorder the text shown beside the name."
            ),
            code="direction_control",
            params={"controls": ", ".join(f"U+{ord(char):04X}" for char in controls)},
        )
    if not is_visible(value):
        raise ValidationError(
            _("Write a name with at least one visible letter, digit or sign."),
            code="invisible",
        )
