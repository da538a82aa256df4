"""Backups: SQLite through its online backup API, PostgreSQL through pg_dump / pg_restore.

The SQLite copy is consistent even while the bot writes (the backup API copies pages under
a read transaction). For PostgreSQL the client tools must be installed (postgresql-client).
"""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
from pathlib import Path

SQLITE_PREFIX = "sqlite+aiosqlite:///"


class BackupError(Exception):
    """A one-line reason the backup or restore could not be done."""


def _sqlite_file(url: str) -> Path:
    path = url[len(SQLITE_PREFIX) :].split("?", 1)[0]
    if not path or path == ":memory:":
        raise BackupError("an in-memory database has nothing to back up")
    return Path(path)


def _libpq_url(url: str) -> str:
    return "postgresql://" + url.split("://", 1)[1]


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        raise BackupError(f"{name} is not installed (it comes with postgresql-client)")
    return found


def pg_dump_command(url: str, target: Path) -> list[str]:
    return [_tool("pg_dump"), "--format=custom", "--no-owner", f"--file={target}", _libpq_url(url)]


def pg_restore_command(url: str, source: Path) -> list[str]:
    return [
        _tool("pg_restore"),
        "--clean",
        "--if-exists",
        "--no-owner",
        f"--dbname={_libpq_url(url)}",
        str(source),
    ]


def backup(url: str, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    if url.startswith(SQLITE_PREFIX):
        source = _sqlite_file(url)
        if not source.exists():
            raise BackupError(f"{source} does not exist")
        with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
            src.backup(dst)
        return
    _run(pg_dump_command(url, target))


def restore(url: str, source: Path) -> None:
    if not source.exists():
        raise BackupError(f"{source} does not exist")
    if url.startswith(SQLITE_PREFIX):
        target = _sqlite_file(url)
        target.parent.mkdir(parents=True, exist_ok=True)
        with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
            src.backup(dst)
        return
    _run(pg_restore_command(url, source))


def _run(command: list[str]) -> None:
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        # pg tools print the reason on stderr; the last line is the useful one.
        reason = (done.stderr.strip().splitlines() or ["failed"])[-1]
        raise BackupError(f"{Path(command[0]).name}: {reason}")
