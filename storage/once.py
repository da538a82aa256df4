"""INSERT … ON CONFLICT DO NOTHING in the dialect's own spelling.

For rows written once per key (an outbox push per dedupe key, a new archive's review per
customer): two writers at the same moment — the app's planner and a second process — each
offer the row and the later one leaves it alone instead of failing the whole run.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession


def insert_once(session: AsyncSession, model: type[Any], keys: Sequence[str]) -> Any:
    """An INSERT into ``model`` that skips a row whose ``keys`` (a unique index) exist."""
    postgres = session.get_bind().dialect.name == "postgresql"
    insert = pg_insert if postgres else sqlite_insert
    return insert(model).on_conflict_do_nothing(index_elements=list(keys))
