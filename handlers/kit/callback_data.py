"""Reading callback data: the one check every field of a button passes before it is used.

A Telegram client can send any callback data up to 64 bytes, not only what our buttons
carried, so nothing in it is trusted: an id is ASCII digits within the id columns' range
(PostgreSQL's INTEGER; a bigger number would make the database raise), a date is a real
yyyymmdd date (20261399, 00000000 and 20260230 are not), and a word is one of a fixed set.
Each reader answers None for anything else, and the handler answers "这个按钮已失效"; no
forged value reaches int(), date(), an enum or a query.

    callback_id("12") == 12        callback_id(str(2**40)) is None    callback_id("٣") is None
    callback_day("20261201")       callback_day("20261399") is None
    callback_enum("A", Grade) is Grade.A                callback_enum("D", Grade) is None

`handlers.keyboards.number` (ids with a default) reads through `callback_id`;
`tests/reliability/test_forged_callbacks.py` presses every shape of every prefix.
"""

from __future__ import annotations

import enum
import re
from datetime import date
from typing import TypeVar

# The id columns are INTEGER on PostgreSQL; ids past this are never ours.
MAX_ID = 2**31 - 1
_DIGITS = re.compile(r"[0-9]{1,10}")
_DAY = re.compile(r"([0-9]{4})([0-9]{2})([0-9]{2})")
# An amount in whole units of a currency: below 10**15, as parsing/amounts.py reads them.
_AMOUNT = re.compile(r"[0-9]{1,15}")

E = TypeVar("E", bound=enum.Enum)


def callback_id(text: str) -> int | None:
    """A record id (or 0, which our buttons use for "none" / "new") as buttons write it."""
    if not _DIGITS.fullmatch(text):
        return None
    value = int(text)
    return value if value <= MAX_ID else None


def callback_amount(text: str) -> int | None:
    """An amount a button carries (✅ 按 110万 签约): a deal may pass the id columns' range."""
    return int(text) if _AMOUNT.fullmatch(text) else None


def callback_day(text: str) -> date | None:
    """A yyyymmdd date that exists."""
    found = _DAY.fullmatch(text)
    if found is None:
        return None
    try:
        return date(int(found.group(1)), int(found.group(2)), int(found.group(3)))
    except ValueError:
        return None


def callback_enum(text: str, kind: type[E]) -> E | None:
    """A member of an enum by its value (a grade, a status)."""
    for member in kind:
        if member.value == text:
            return member
    return None
