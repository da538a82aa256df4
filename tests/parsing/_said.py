"""What a note said, read short for the round tests of 2026-12-06: its tasks as (due, action),
its contact as (kind, day) and its trips as (place, first day, last day), the note written on
that Sunday morning unless told."""

from __future__ import annotations

from datetime import datetime

from parsing.notes import parse_note

SUNDAY = datetime.fromisoformat("2026-12-06T10:00:00+08:00")


def tasks(text: str, now: datetime = SUNDAY) -> list[tuple[str, str]]:
    return [(f.due.isoformat()[:16], f.action) for f in parse_note(text, now).follow_ups]


def visit(text: str, now: datetime = SUNDAY) -> tuple[str, str] | None:
    inter = parse_note(text, now).interaction
    return None if inter is None else (inter.kind, inter.when.isoformat()[:10])


def trips(text: str, now: datetime = SUNDAY) -> list[tuple[str, str, str]]:
    """A note's trips as (place, first day, last day) — a one-day trip ends on its first."""
    return [
        (it.place, it.start.isoformat()[:10], (it.end or it.start).isoformat()[:10])
        for it in parse_note(text, now).itineraries
    ]
