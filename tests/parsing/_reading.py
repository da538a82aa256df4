"""What a note reads for the fields a reviewer judged, in plain lists (the review tests of round
twenty-four compare these with what the parser read when the rules were settled)."""

from __future__ import annotations

from datetime import datetime

from parsing.notes import Note, parse_note

Read = dict[str, object]


def at(stamp: str) -> datetime:
    """A Shanghai time written to the minute (2026-12-07T10:00)."""
    return datetime.fromisoformat(stamp + ":00+08:00")


def read(text: str, now: str) -> Note:
    """The note as read at ``now``."""
    return parse_note(text, at(now))


def tasks(text: str, now: str) -> list[tuple[str, str]]:
    """Each follow-up's due time (to the minute) and words."""
    return [(f.due.isoformat()[:16], f.action) for f in read(text, now).follow_ups]


def salutations(text: str, now: str) -> list[str | None]:
    """How each contact found is called."""
    return [c.salutation for c in read(text, now).contacts]


def reading(note: Note, fields: Read) -> Read:
    """The fields named in ``fields``, as ``note`` reads them."""
    out: Read = {}
    if "company" in fields:
        out["company"] = note.company
    if "trips" in fields:
        out["trips"] = [
            [t.who, t.place, t.start.isoformat(), t.end.isoformat() if t.end else "", t.purpose]
            for t in note.itineraries
        ]
    if "tasks" in fields:  # the days alone
        out["tasks"] = sorted(f.due.isoformat()[:16] for f in note.follow_ups)
    if "task_texts" in fields:  # each day with its words
        out["task_texts"] = sorted([f.due.isoformat()[:16], f.action] for f in note.follow_ups)
    if "people" in fields:
        out["people"] = [[c.surname, c.title, c.salutation] for c in note.contacts]
    if "roles" in fields:  # who decides, influences, buys or uses
        out["roles"] = [[c.salutation, c.decision_role] for c in note.contacts]
    said = note.interaction
    if "contact" in fields:  # the kind and the headline
        out["contact"] = None if said is None else [said.kind, said.summary]
    if "contact_said" in fields:  # the kind, the day and what came of it
        out["contact_said"] = (
            None if said is None else [said.kind, said.when.isoformat()[:10], said.outcome]
        )
    return out
