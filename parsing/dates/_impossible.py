"""Dates and hours no calendar or clock has (2月30日, 13月5日, 下午25点, 3点70分), as typed.

The date reader passes them by (it reads what exists); these say what was passed by, so a
card or a form can tell the rep instead of dropping the value without a word.
"""

from __future__ import annotations

import calendar
import re

from parsing.numerals import cn_to_int
from parsing.text import normalize

_N = r"\d{1,2}|[一二三四五六七八九十]{1,3}"
_DAY = re.compile(
    rf"(?<!\d)(?:(?P<year>\d{{4}})\s*年\s*)?(?P<month>{_N})\s*月\s*(?P<day>{_N})\s*(?P<sign>[日号])?"
)
_LUNAR = re.compile(r"农历|阴历|旧历|老历|闰")
# An hour said after a day or a part of the day (后天下午25点, 明天25:00), or as h:mm.
_HOUR = re.compile(
    rf"(?:上午|下午|晚上|早上|中午|凌晨|傍晚|天|日|号|周[一二三四五六日天])\s*"
    rf"(?P<hour>{_N})\s*[点时](?:\s*(?P<minute>\d{{1,2}})\s*分)?"
    r"|(?<![\d:])(?P<h>\d{1,2}):(?P<m>\d{2})(?![\d:])"
)


def _value(text: str | None) -> int | None:
    return None if text is None else cn_to_int(text)


def impossible_days(text: str) -> list[str]:
    """The solar dates in ``text`` that do not exist, as typed: 2月30日, 13月5日, 2027年2月29日."""
    folded = normalize(text)
    found = []
    for m in _DAY.finditer(folded):
        if _LUNAR.search(folded, max(0, m.start() - 4), m.start()):
            continue  # 农历二月三十 exists in some years: the lunar reader's to judge
        if not m["day"].isdigit() and m["sign"] is None:
            continue  # 三月初八 is read elsewhere; 三月三十 without 日 is not a date said
        month, day = _value(m["month"]), _value(m["day"])
        if month is None or day is None:
            continue
        year = int(m["year"]) if m["year"] else 2024  # a leap year: 2月29日 exists
        if not 1 <= month <= 12 or not 1 <= day <= calendar.monthrange(year, month)[1]:
            found.append(text[m.start("month") if not m["year"] else m.start() : m.end()])
    return found


def impossible_hours(text: str) -> list[str]:
    """The times of day in ``text`` no clock shows, as typed: 25点, 3点70分, 10:75."""
    folded = normalize(text)
    found = []
    for m in _HOUR.finditer(folded):
        if m["h"] is not None:
            hour, minute, start = int(m["h"]), int(m["m"]), m.start("h")
        else:
            said = _value(m["hour"])
            if said is None:
                continue
            hour, minute, start = said, _value(m["minute"]) or 0, m.start("hour")
        if hour > 24 or minute >= 60 or (hour == 24 and minute > 0):
            found.append(text[start : m.end()])
    return found
