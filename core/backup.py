"""Backing up and restoring the whole database, on PostgreSQL and on SQLite.

PostgreSQL: `pg_dump` in its custom format, and `pg_restore --clean` in one transaction,
so a restore that fails changes nothing. SQLite: SQLite's online backup, a consistent
copy of the live database (tables, indexes and triggers), taken or put back page by
page. A backup is taken from the database the settings name and restored into it; the
file says nothing about which vendor made it, so restore it with the same one.
"""

import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

from django.db import connection


class BackupError(Exception):
    """The backup or restore could not be done; the message says why."""


def database_backup(path: Path) -> None:
    """Write a backup of the database to `path` (replacing a file already there)."""
    if connection.vendor == "postgresql":
        _pg_run("pg_dump", "--format=custom", "--no-owner", f"--file={path}")
    elif connection.vendor == "sqlite":
        connection.ensure_connection()
        target = sqlite3.connect(path)
        try:
            connection.connection.backup(target)
        finally:
            target.close()
    else:
        raise BackupError(f"Backups are for PostgreSQL and SQLite, not {connection.vendor}.")


def database_restore(path: Path) -> None:
    """Replace the database's contents with the backup at `path`."""
    if not path.is_file():
        raise BackupError(f"There is no backup file at {path}.")
    if connection.vendor == "postgresql":
        connection.close()
        _pg_run(
            "pg_restore", "--clean", "--if-exists", "--no-owner", "--single-transaction", str(path)
        )
    elif connection.vendor == "sqlite":
        connection.ensure_connection()
        source = sqlite3.connect(path)
        try:
            source.backup(connection.connection)
        except sqlite3.DatabaseError as error:
            raise BackupError(f"{path} is not a SQLite backup ({error}).") from None
        finally:
            source.close()
    else:
        raise BackupError(f"Backups are for PostgreSQL and SQLite, not {connection.vendor}.")


def _pg_run(program: str, *arguments: str) -> None:
    """Run a PostgreSQL client program against the configured database."""
    if shutil.which(program) is None:
        raise BackupError(
            f"{program} is not installed (Debian: apt-get install postgresql-client)."
        )
    settings = connection.settings_dict
    options = [f"--dbname={settings['NAME']}"]
    if settings["HOST"]:
        options.append(f"--host={settings['HOST']}")
    if settings["PORT"]:
        options.append(f"--port={settings['PORT']}")
    if settings["USER"]:
        options.append(f"--username={settings['USER']}")
    env = {**os.environ, "PGPASSWORD": settings["PASSWORD"] or ""}
    result = subprocess.run(
        [program, *options, *arguments], env=env, capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise BackupError(f"{program} failed: {result.stderr.strip()}")
