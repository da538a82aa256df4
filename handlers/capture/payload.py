"""A parsed note as JSON, so an unconfirmed capture lives in the database (drafts survive
restarts) and 修改 can change any single field of it."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from parsing.notes import Note

Payload = dict[str, Any]


def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def note_to_payload(note: Note) -> Payload:
    data = {f.name: getattr(note, f.name) for f in dataclasses.fields(note) if f.name != "text"}
    plain: Payload = {}
    for key, value in data.items():
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            value = dataclasses.asdict(value)
        elif isinstance(value, list):
            value = [
                dataclasses.asdict(v)
                if dataclasses.is_dataclass(v) and not isinstance(v, type)
                else v
                for v in value
            ]
        plain[key] = _plain(value)
    plain.setdefault("contacts", [])
    plain.setdefault("follow_ups", [])
    plain.setdefault("itineraries", [])
    return plain


def moment_of(value: str) -> date | datetime:
    """An ISO date or datetime back from the payload."""
    return datetime.fromisoformat(value) if "T" in value else date.fromisoformat(value)


def has_content(payload: Payload) -> bool:
    return bool(
        payload.get("company")
        or payload.get("contacts")
        or payload.get("interaction")
        or payload.get("follow_ups")
        or payload.get("itineraries")
        or payload.get("grade")
        or payload.get("purchase_cycle")
        or payload.get("payment_cycle")
        or payload.get("competitors")
    )
