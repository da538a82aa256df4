"""outbox items and record snapshots with readable keys

Revision ID: 0015_outbox_readable_keys
Revises: 0014_customer_aliases
Create Date: 2026-12-02 01:10:00

The outbox's items were written with one-letter keys ("t": "fu", "cid", "kid", "m", "d");
storage/push_items.py now types them with readable ones ("type": "follow_up", "customer_id",
"contact_id", "month", "day"), and a deleted record's snapshot (Draft kind "deleted_record")
names its "record" instead of "t". This rewrites every stored row, sent ones too (a digest's
buttons read their row again when pressed).

The new code reads only the new shape: the bot is one process that applies migrations before
it starts (`salesbot run`), and Telegram gives updates to one poller at a time, so no old
process is left writing the old shape once this has run.

The digest items added after 0013 — 回款 due and late ("pay", "payl") and deals stuck in a stage
("stale") — are not renamed here: the code that writes them reads the team's stage limit, a
column 0016_deal_payments_collected adds, so no database at this revision (or before) holds
one. They are written with readable keys from the start ("payment_due", "payment_late",
"stale_deal").
"""

from collections.abc import Callable, Mapping, Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op
from sqlalchemy.engine import Connection

revision: str = "0015_outbox_readable_keys"
down_revision: str | None = "0014_customer_aliases"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

KEYS = {
    "t": "type",
    "cid": "customer_id",
    "cname": "customer",
    "kid": "contact_id",
    "m": "month",
    "d": "day",
    "rel": "relation",
    "fname": "family_name",
    "cur": "currency",
}
TYPES = {
    "fu": "follow_up",
    "bd": "birthday",
    "new": "new_customer",
    "fest": "festival",
    "unk": "trip_unknown",
    "mdue": "minutes_due",
    "mlate": "minutes_late",
    "fail": "failed",
}
RECORDS = {"fu": "follow_up", "i": "interaction"}
BATCH = 1000

Json = dict[str, Any]

_outbox = sa.table(
    "reminder_outbox", sa.column("id", sa.Integer), sa.column("kind"), sa.column("payload", sa.JSON)
)
_draft = sa.table(
    "draft", sa.column("id", sa.Integer), sa.column("kind"), sa.column("payload", sa.JSON)
)


def _renamed(value: Json, keys: Mapping[str, str]) -> Json:
    return {keys.get(key, key): item for key, item in value.items()}


def item(value: Any, keys: Mapping[str, str], types: Mapping[str, str]) -> Any:
    """One digest item with its keys and its type renamed."""
    if not isinstance(value, dict):
        return value
    renamed = _renamed(value, keys)
    kind = keys.get("t", "t")  # the type's key in the shape being written
    if kind in renamed:
        renamed[kind] = types.get(renamed[kind], renamed[kind])
    return renamed


def payload(kind: str, value: Any, keys: Mapping[str, str], types: Mapping[str, str]) -> Any:
    """An outbox row's payload in the other shape (both ways, by the maps given)."""
    if not isinstance(value, dict):
        return value
    out = dict(value)
    if isinstance(out.get("sections"), list):  # a digest
        out["sections"] = [
            {
                **section,
                "name": types.get(section.get("name"), section.get("name")),
                "items": [item(i, keys, types) for i in section.get("items") or []],
            }
            for section in out["sections"]
            if isinstance(section, dict)
        ]
    if "item" in out:  # a single push
        out["item"] = item(out["item"], keys, types)
    if isinstance(out.get("items"), list):  # the manager's review
        out["items"] = [item(i, keys, types) for i in out["items"]]
    if kind == "festival" and isinstance(out.get("contacts"), list):
        out["contacts"] = [_renamed(c, keys) if isinstance(c, dict) else c for c in out["contacts"]]
    if kind == "handover_late":
        out = _renamed(out, keys)
    return out


def snapshot(value: Any, records: Mapping[str, str], old: str, new: str) -> Any:
    """A deleted record's snapshot with its record key renamed."""
    if not isinstance(value, dict) or old not in value:
        return value
    out = {key: item for key, item in value.items() if key != old}
    out[new] = records.get(value[old], value[old])
    return out


def rewrite(
    connection: Connection, table: sa.TableClause, change: Callable[[str, Any], Any], kind: str = ""
) -> int:
    """Rewrite the payload of every row (of `kind`, if given) in batches; how many changed."""
    changed, last = 0, 0
    while True:
        query = sa.select(table.c.id, table.c.kind, table.c.payload).where(table.c.id > last)
        if kind:
            query = query.where(table.c.kind == kind)
        rows = connection.execute(query.order_by(table.c.id).limit(BATCH)).all()
        if not rows:
            return changed
        for row_id, row_kind, value in rows:
            new = change(row_kind, value)
            if new != value:
                connection.execute(sa.update(table).where(table.c.id == row_id).values(payload=new))
                changed += 1
        last = rows[-1][0]


def _inverse(names: Mapping[str, str]) -> dict[str, str]:
    return {new: old for old, new in names.items()}


def upgrade_rows(connection: Connection) -> None:
    rewrite(connection, _outbox, lambda kind, value: payload(kind, value, KEYS, TYPES))
    rewrite(
        connection,
        _draft,
        lambda _kind, value: snapshot(value, RECORDS, "t", "record"),
        "deleted_record",
    )


def downgrade_rows(connection: Connection) -> None:
    keys, types = _inverse(KEYS), _inverse(TYPES)
    rewrite(connection, _outbox, lambda kind, value: payload(kind, value, keys, types))
    rewrite(
        connection,
        _draft,
        lambda _kind, value: snapshot(value, _inverse(RECORDS), "record", "t"),
        "deleted_record",
    )


def upgrade() -> None:
    upgrade_rows(op.get_bind())


def downgrade() -> None:
    downgrade_rows(op.get_bind())
