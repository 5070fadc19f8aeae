"""Writes for companies, people and products that other apps and commands call."""

from collections import Counter

from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.utils.translation import gettext as _

from core.editing import record_edit
from core.models import partial_date_names, slug_redirect_add, value_columns

from .duplicates import duplicates_refuse
from .models import Alias, AliasLanguage, Company, CompanyStatus, Person, Product
from .normalization import is_arabic, is_latin, strict_key

Named = Company | Person | Product


def alias_language(name: str) -> str:
    """The language an alias is written for, judged by its script."""
    if is_arabic(name):
        return AliasLanguage.ARABIC
    if is_latin(name):
        return AliasLanguage.ENGLISH
    return AliasLanguage.OTHER


def _target_field(target: Named) -> str:
    return target._meta.model_name


@transaction.atomic
def alias_add(*, target: Named, name: str, is_primary: bool = False) -> Alias:
    """Record `name` as a name of `target`; a spelling it already has is not added twice.

    Two spellings that differ only in diacritics, hamza or alef forms share a strict
    key, so they are one alias: the first one recorded is kept.
    """
    name = " ".join(name.split())
    field = _target_field(target)
    existing = Alias.objects.filter(**{field: target}, key=strict_key(name)).first()
    if existing is not None:
        if is_primary and not existing.is_primary:
            existing.is_primary = True
            existing.save(update_fields=["is_primary"])
        return existing
    alias = Alias(**{field: target}, name=name, language=alias_language(name))
    alias.is_primary = is_primary
    alias.refresh_keys()
    alias.full_clean()
    alias.save()
    return alias


@transaction.atomic
def primary_aliases_sync(target: Named) -> None:
    """Make the record's own names (Latin and Arabic) its primary aliases.

    A former primary name stays as an ordinary alias, so the old name still finds it.
    """
    field = _target_field(target)
    primary_names = [name for name in (target.name, target.name_ar) if name]
    primary_keys = {strict_key(name) for name in primary_names}
    former = Alias.objects.filter(**{field: target}, is_primary=True).exclude(key__in=primary_keys)
    for alias in former:
        alias.is_primary = False
        alias.save(update_fields=["is_primary"])
    for name in primary_names:
        alias_add(target=target, name=name, is_primary=True)


def _move_row(row: models.Model, field_name: str, survivor: Named) -> bool:
    """Point `row` at `survivor`; a row that would duplicate one the survivor has is deleted.

    Returns whether the row was kept. A moved record is a new version (so an edit based on
    the old one is refused); the save and the delete are both recorded in history.
    """
    setattr(row, field_name, survivor)
    if hasattr(row, "version"):
        row.version += 1
    try:
        with transaction.atomic():
            row.save()
    except IntegrityError:
        type(row)._default_manager.filter(pk=row.pk).first().delete()
        return False
    return True


def _move_relations(duplicate: Named, survivor: Named) -> Counter:
    """Every row pointing at `duplicate` points at `survivor`; the count moved, by kind."""
    moved: Counter = Counter()
    for relation in type(survivor)._meta.related_objects:
        label = str(relation.related_model._meta.verbose_name_plural)
        if relation.one_to_many:
            rows = relation.related_model._default_manager.filter(
                **{relation.field.name: duplicate}
            )
            for row in rows:
                moved[label] += _move_row(row, relation.field.name, survivor)
        elif relation.many_to_many:
            for record in getattr(duplicate, relation.get_accessor_name()).all():
                links = getattr(record, relation.field.name)
                links.remove(duplicate)
                links.add(survivor)
                moved[label] += 1
    return moved


#: Fields a merge never copies from a duplicate: the survivor's identity and bookkeeping.
_OWN_FIELDS = {"id", "slug", "name", "version", "created_at", "updated_at"}


def _fill_blanks(survivor: Named, duplicate: Named) -> None:
    """Copy what the survivor lacks from the duplicate (an Arabic name, a description, a
    date) and add the duplicate's links (kinds, platforms). Its maker, for a product, and
    everything the survivor states already stay as they are."""
    model = type(survivor)
    skipped = _OWN_FIELDS | value_columns(model)
    for field in model._meta.concrete_fields:
        if field.name in skipped or field.is_relation:
            continue
        if getattr(survivor, field.attname) in (None, "") and getattr(duplicate, field.attname):
            setattr(survivor, field.attname, getattr(duplicate, field.attname))
    for name in partial_date_names(model):
        if not getattr(survivor, name).is_known and getattr(duplicate, name).is_known:
            setattr(survivor, name, getattr(duplicate, name))
    for field in model._meta.many_to_many:
        getattr(survivor, field.name).add(*getattr(duplicate, field.name).all())
    if isinstance(survivor, Company) and survivor.status == CompanyStatus.UNKNOWN:
        survivor.status = duplicate.status


@transaction.atomic
def _merge(survivor: Named, duplicates: list[Named], user=None) -> Counter:
    """Merge `duplicates` into `survivor` (records of one model); what moved, by kind."""
    if any(type(record) is not type(survivor) for record in duplicates):
        raise ValidationError(_("Only records of one kind can be merged."))
    moved: Counter = Counter()
    duplicates = [record for record in duplicates if record.pk != survivor.pk]
    for duplicate in duplicates:
        moved += _move_relations(duplicate, survivor)
        _fill_blanks(survivor, duplicate)
        for name in (duplicate.name, duplicate.name_ar):
            if name:
                alias_add(target=survivor, name=name)
        old_slug = duplicate.slug
        duplicate._history_user = user
        duplicate._change_reason = f"Merged into {survivor.slug}"
        duplicate.delete()
        slug_redirect_add(survivor, old_slug)
    survivor.version += 1
    survivor._history_user = user
    survivor._change_reason = "Merged " + ", ".join(d.slug for d in duplicates)
    survivor.full_clean()
    survivor.save()
    primary_aliases_sync(survivor)
    return +moved


def company_merge(*, survivor: Company, duplicates: list[Company], user=None) -> Counter:
    """Merge `duplicates` into `survivor` in one transaction; returns what moved, by kind.

    Every row that points at a duplicate (deal and lawsuit parties, products, roles,
    aliases, citations, statements, metrics, rivalries, investments) is moved; a row the
    survivor already has in the same way is dropped rather than doubled. The duplicates'
    names stay as aliases, their slugs redirect to the survivor, and they are deleted.
    """
    return _merge(survivor, duplicates, user)


def person_merge(*, survivor: Person, duplicates: list[Person], user=None) -> Counter:
    """Merge people as `company_merge` merges companies: roles, deal and lawsuit parts,
    statements, aliases and citations move; names stay as aliases; old slugs redirect."""
    return _merge(survivor, duplicates, user)


def product_merge(*, survivor: Product, duplicates: list[Product], user=None) -> Counter:
    """Merge products as `company_merge` merges companies; the survivor keeps its maker."""
    return _merge(survivor, duplicates, user)


def _save(record: Named, fields: dict, links: dict | None = None, **edit) -> Named:
    """Save through `record_edit`, then keep the record's names as its primary aliases."""
    record = record_edit(record=record, fields=fields, links=links, **edit)
    primary_aliases_sync(record)
    return record


def _refuse_duplicates(model, fields: dict, within: dict | None = None) -> None:
    duplicates_refuse(model, [fields.get("name", ""), fields.get("name_ar", "")], within=within)


@transaction.atomic
def company_create(*, kinds=None, confirm_new: bool = False, user=None, reason="", **fields):
    """A new company with its kinds; its names (Latin and Arabic) become primary aliases.

    A name an existing company already has (in any spelling, legal form aside) raises
    `PossibleDuplicate`, unless `confirm_new` says it is a different company.
    """
    if not confirm_new:
        _refuse_duplicates(Company, fields)
    return _save(Company(), fields, {"kinds": kinds}, user=user, reason=reason)


@transaction.atomic
def company_update(*, company: Company, expected_version=None, kinds=None, **edit_and_fields):
    """Change the given fields (and kinds, when given); a former name stays an alias."""
    edit, fields = _split(edit_and_fields)
    return _save(company, fields, {"kinds": kinds}, expected_version=expected_version, **edit)


@transaction.atomic
def person_create(*, confirm_new: bool = False, user=None, reason="", **fields) -> Person:
    """A new person; a name a recorded person already has is refused as for companies."""
    if not confirm_new:
        _refuse_duplicates(Person, fields)
    return _save(Person(), fields, user=user, reason=reason)


@transaction.atomic
def person_update(*, person: Person, expected_version=None, **edit_and_fields) -> Person:
    edit, fields = _split(edit_and_fields)
    return _save(person, fields, expected_version=expected_version, **edit)


@transaction.atomic
def product_create(*, platforms=None, confirm_new: bool = False, user=None, reason="", **fields):
    """A new product; a name the same maker's products already have is refused."""
    if not confirm_new and fields.get("company") is not None:
        _refuse_duplicates(Product, fields, within={"company": fields["company"]})
    return _save(Product(), fields, {"platforms": platforms}, user=user, reason=reason)


@transaction.atomic
def product_update(*, product: Product, expected_version=None, platforms=None, **edit_and_fields):
    edit, fields = _split(edit_and_fields)
    links = {"platforms": platforms}
    return _save(product, fields, links, expected_version=expected_version, **edit)


def _split(arguments: dict) -> tuple[dict, dict]:
    """The bookkeeping arguments (user, reason) apart from the record's fields."""
    edit = {key: arguments.pop(key) for key in ("user", "reason") if key in arguments}
    return edit, arguments
