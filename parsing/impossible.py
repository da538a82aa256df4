"""Why a typed date cannot be read, when it names something no calendar has: 2月30日, 13月5日,
下午25点, or a range that ends before it starts (12月20日到12月18日). The date reader returns
nothing (or drops the hour) for these; the one who typed them is owed the reason."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Literal

from parsing.numerals import cn_to_int
from parsing.text import normalize

__all__ = ["Impossible", "impossible_date"]

_NUM = r"[0-9一二两三四五六七八九十廿卅〇零]{1,3}"
_MONTH_DAY = re.compile(rf"(?P<m>{_NUM})\s*月\s*(?P<d>{_NUM})\s*[日号]?")
_MONTH = re.compile(rf"(?<![0-9年])(?P<m>{_NUM})\s*月(?!份?[前后底初中])")
_HOUR = re.compile(rf"(?P<h>{_NUM})\s*(?:点|时|:[0-5][0-9])")
_LEAP_YEAR = 2028  # 2月29日 is a date (in a leap year)


@dataclass(frozen=True)
class Impossible:
    kind: Literal["month", "day", "hour", "reversed"]
    month: int = 0
    day: int = 0
    hour: int = 0


def _value(said: str) -> int | None:
    return int(said) if said.isdigit() else cn_to_int(said)


def _days_in(month: int) -> int:
    following = date(_LEAP_YEAR + month // 12, month % 12 + 1, 1)
    return (following - date(_LEAP_YEAR, month, 1)).days


def impossible_date(text: str) -> Impossible | None:
    """What in `text` no calendar has, or None (the date may still be unreadable otherwise)."""
    t = normalize(text)
    days: list[tuple[int, int]] = []
    for found in _MONTH_DAY.finditer(t):
        month, day = _value(found["m"]), _value(found["d"])
        if month is None or day is None:
            continue
        if not 1 <= month <= 12:
            return Impossible("month", month=month)
        if not 1 <= day <= _days_in(month):
            return Impossible("day", month=month, day=day)
        days.append((month, day))
    for found in _MONTH.finditer(t):
        month = _value(found["m"])
        if month is not None and month > 12:
            return Impossible("month", month=month)
    for found in _HOUR.finditer(t):
        hour = _value(found["h"])
        if hour is not None and hour > 24:
            return Impossible("hour", hour=hour)
    if len(days) == 2 and days[1] < days[0] and re.search(r"到|至|-|–|~", t):
        return Impossible("reversed")
    return None
