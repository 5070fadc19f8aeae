"""Print the data model of the domain apps as a Mermaid entity-relationship diagram."""

from pathlib import Path

from django.apps import apps
from django.core.management.base import BaseCommand, CommandError
from django.db import models
from simple_history.models import HistoricalChanges

APP_LABELS = ("core", "companies", "deals", "sources", "webhooks")
REGENERATE = "python manage.py model_diagram --output docs/data-model.md"

FIELD_TYPES = {
    "AutoField": "int",
    "BigAutoField": "int",
    "SmallAutoField": "int",
    "IntegerField": "int",
    "BigIntegerField": "int",
    "SmallIntegerField": "int",
    "PositiveIntegerField": "int",
    "PositiveBigIntegerField": "int",
    "PositiveSmallIntegerField": "int",
    "CharField": "string",
    "SlugField": "string",
    "TextField": "text",
    "DateField": "date",
    "DateTimeField": "datetime",
    "DecimalField": "decimal",
    "FloatField": "float",
    "BooleanField": "bool",
    "ForeignKey": "fk",
    "OneToOneField": "fk",
}

INTRO = (
    "This diagram is generated from the Django models of the `companies`, `deals` and "
    f"`sources` apps by `{REGENERATE}`. Do not edit it by hand: run the command again after "
    "any model change. A test fails while this file differs from what the command prints."
)

NOTES = """\
- **Partial dates.** A date is stored as four columns: `<name>_on` holds the first day of
  the period the source gives, `<name>_precision` says whether that is a day, month,
  quarter or year (or unknown, with no date), `<name>_basis` says where a known date comes
  from (`stated` in the cited text, `inferred` from it, or added by a `curator` from
  outside the cited sources) and `<name>_note` holds the excerpt an inferred date rests
  on or where a curator's date comes from. They come from `partial_date_fields` in
  `core/dates.py`; check constraints keep the date and its precision consistent and give
  every curator's date a note.
- **Money.** A value is five columns from `money_fields` in `core/money.py`:
  `<name>_amount` (a decimal, empty when not stated), `<name>_currency` (ISO 4217),
  `<name>_qualifier` (exact, about, up to, at least), `<name>_undisclosed` (the source says
  there is a value but not what it is) and `<name>_basis` (a total, or per contract, month,
  year or person).
- **Citations.** `Citation` ties a verbatim excerpt of an `Article` to the record it
  supports. It has one nullable foreign key per citable model, and a check constraint
  requires exactly one of them to be set.
- **Kinds.** The kinds of companies, deals and claims are lookup tables (`CompanyKind`,
  `DealKind`, `ClaimKind`) whose primary key is the code. Records link to them many to
  many, so a deal can be a partnership and a licensing deal at once.
- **Aliases.** `Alias` holds every name of a company, person or product, the primary names
  included, in any script; exactly one of its three foreign keys is set. Each alias has a
  strict `key` and a `loose_key`, computed by `companies/normalization.py`, on which
  different spellings of one name meet.
- **Parties.** `DealParty` and `LawsuitParty` name a company or a person and the role or
  side they take. A deal party can instead be an unnamed group, described in text with an
  optional count; a lawsuit party is always exactly one company or one person.
"""


def diagram_models() -> list[type[models.Model]]:
    """The models of the diagrammed apps, without auto-created many-to-many tables.

    History tables (one `Historical<Model>` per tracked model) are left out: they mirror
    their model's columns and would double the picture.
    """
    found = [
        model
        for label in APP_LABELS
        for model in apps.get_app_config(label).get_models()
        if not issubclass(model, HistoricalChanges)
    ]
    return sorted(found, key=lambda model: (model._meta.app_label, model._meta.model_name))


def field_type(field: models.Field) -> str:
    internal = field.get_internal_type()
    return FIELD_TYPES.get(internal, internal.removesuffix("Field").lower())


def field_keys(field: models.Field) -> str:
    keys = []
    if field.primary_key:
        keys.append("PK")
    if field.is_relation:
        keys.append("FK")
    if field.unique and not field.primary_key:
        keys.append("UK")
    return ", ".join(keys)


def relation_fields(model: type[models.Model]) -> list[models.Field]:
    """The model's foreign keys, one-to-one and many-to-many fields, by name."""
    fields = [field for field in model._meta.concrete_fields if field.is_relation]
    return sorted([*fields, *model._meta.many_to_many], key=lambda field: field.name)


def cardinality(field: models.Field) -> str:
    if field.many_to_many:
        return "}o--o{"
    many = "|o" if field.one_to_one else "}o"
    return f"{many}--o|" if field.null else f"{many}--||"


def entity_block(model: type[models.Model]) -> list[str]:
    lines = [f"    {model._meta.object_name} {{"]
    for field in model._meta.concrete_fields:
        line = f"{field_type(field)} {field.name} {field_keys(field)}".rstrip()
        lines.append(f"        {line}")
    lines.append("    }")
    return lines


def relationship_line(model: type[models.Model], field: models.Field) -> str:
    target = field.related_model._meta.object_name
    return f'    {model._meta.object_name} {cardinality(field)} {target} : "{field.name}"'


def mermaid_diagram() -> str:
    """The `erDiagram` text: entities, then relationships, in a stable order."""
    models_ = diagram_models()
    names = [model._meta.object_name for model in models_]
    clashes = sorted({name for name in names if names.count(name) > 1})
    if clashes:
        raise CommandError(f"Two models share a name, so the diagram would merge them: {clashes}")
    lines = ["erDiagram"]
    for model in models_:
        lines.extend(entity_block(model))
    for model in models_:
        lines.extend(relationship_line(model, field) for field in relation_fields(model))
    return "\n".join(lines)


def markdown_document(diagram: str) -> str:
    return f"# Data model\n\n{INTRO}\n\n```mermaid\n{diagram}\n```\n\n## Notes\n\n{NOTES}"


class Command(BaseCommand):
    help = (
        "Print a Mermaid erDiagram of the companies, deals and sources models; with --output, "
        "write it into a Markdown page with notes."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output", type=Path, help="Write a Markdown page to this path instead."
        )

    def handle(self, *args, **options):
        diagram = mermaid_diagram()
        output = options["output"]
        if output is None:
            self.stdout.write(diagram)
            return
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(markdown_document(diagram), encoding="utf-8", newline="\n")
        self.stdout.write(self.style.SUCCESS(f"Wrote {output}."))
