"""Reading callback data: the one check every field of a button passes before it is used.

A Telegram client can send any callback data up to 64 bytes, not only what our buttons
carried, so nothing in it is trusted: an id is ASCII digits within the id columns' range
(PostgreSQL's INTEGER; a bigger number would make the database raise), a date is a real
yyyymmdd date (20261399, 00000000 and 20260230 are not), and a word is one of a fixed set.
Each reader answers None for anything else, and the handler answers "这个按钮已失效"; no
forged value reaches int(), date() or a query.

    fields = callback_fields(data, "rem:greeted", 2, 3)   # ["12", "20261201"] or None
    contact, day = callback_id(fields[0]), callback_day(fields[1])
"""

from __future__ import annotations

import enum
import re
from collections.abc import Collection
from datetime import date
from typing import TypeVar

# The id columns are INTEGER on PostgreSQL; ids past this are never ours.
MAX_ID = 2**31 - 1
_DIGITS = re.compile(r"[0-9]{1,10}")
_DAY = re.compile(r"([0-9]{4})([0-9]{2})([0-9]{2})")

E = TypeVar("E", bound=enum.Enum)


def callback_id(text: str) -> int | None:
    """A record id (or 0, which our buttons use for "none" / "new") as buttons write it."""
    if not _DIGITS.fullmatch(text):
        return None
    value = int(text)
    return value if value <= MAX_ID else None


def callback_number(text: str, below: int) -> int | None:
    """A small number (a page, an index) in 0 … below-1."""
    value = callback_id(text)
    return value if value is not None and value < below else None


def callback_day(text: str) -> date | None:
    """A yyyymmdd date that exists."""
    found = _DAY.fullmatch(text)
    if found is None:
        return None
    try:
        return date(int(found.group(1)), int(found.group(2)), int(found.group(3)))
    except ValueError:
        return None


def callback_word(text: str, words: Collection[str]) -> str | None:
    """One of a fixed set of words (a snooze step, a period, a field name)."""
    return text if text in words else None


def callback_enum(text: str, kind: type[E]) -> E | None:
    """A member of an enum by its value (a grade, a status)."""
    for member in kind:
        if member.value == text:
            return member
    return None


def callback_fields(data: str, head: str, least: int, most: int | None = None) -> list[str] | None:
    """The fields after `head:` when there are `least` … `most` of them, else None."""
    if not data.startswith(head + ":"):
        return None
    fields = data[len(head) + 1 :].split(":")
    if len(fields) < least or len(fields) > (least if most is None else most):
        return None
    return fields
