"""Inserting many unsaved rows of one model fast: COPY on PostgreSQL, `bulk_create` elsewhere.

Django's `bulk_create` spends most of its time compiling the INSERT, not in the
database; PostgreSQL's COPY takes the values as they are. The primary keys are drawn
from the table's sequence first, so the rows know their ids as after `bulk_create`.
Values are written as the fields' `pre_save` gives them (timestamps included); the
synthetic models need no other conversion than psycopg's own.
"""

from django.db import connection, models


def _reserve_ids(model: type[models.Model], count: int) -> list[int]:
    meta = model._meta
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
            [meta.db_table, meta.pk.column, count],
        )
        return [row[0] for row in cursor.fetchall()]


def bulk_insert(objects: list[models.Model]) -> list[models.Model]:
    """Insert `objects`, all of one model and none saved yet; they get their ids."""
    if not objects:
        return objects
    model = type(objects[0])
    if connection.vendor != "postgresql":
        return model._default_manager.bulk_create(objects)
    meta = model._meta
    for obj, pk in zip(objects, _reserve_ids(model, len(objects)), strict=True):
        setattr(obj, meta.pk.attname, pk)
    fields = meta.concrete_fields
    quote = connection.ops.quote_name
    columns = ", ".join(quote(field.column) for field in fields)
    statement = f"COPY {quote(meta.db_table)} ({columns}) FROM STDIN"
    with connection.cursor() as cursor, cursor.copy(statement) as copy:
        for obj in objects:
            copy.write_row([field.pre_save(obj, add=True) for field in fields])
    for obj in objects:
        obj._state.adding = False
        obj._state.db = connection.alias
    return objects
