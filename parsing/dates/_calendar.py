"""Calendar arithmetic: lunar ↔ solar, yearly occurrences, holidays.

lunar-python is imported lazily (first lunar or holiday question), so importing the parser
stays cheap and plain solar dates never touch it.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

__all__ = [
    "HOLIDAYS",
    "Holiday",
    "add_months",
    "holiday_period",
    "last_day",
    "lunar_to_solar",
    "next_lunar_occurrence",
    "next_solar_birthday",
]

MIN_LUNAR_YEAR = 1900
MAX_LUNAR_YEAR = 2100


def last_day(year: int, month: int) -> int:
    """Number of days in ``month`` of ``year``."""
    return calendar.monthrange(year, month)[1]


def add_months(d: date, months: int) -> date:
    """Calendar months later (or earlier), clamped to the month's end: Jan 31 + 1 → Feb 28."""
    index = d.year * 12 + d.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    return date(year, month, min(d.day, last_day(year, month)))


def next_solar_birthday(month: int, day: int, today: date) -> date:
    """Next occurrence on or after ``today`` of a yearly solar date.

    Feb 29 falls on Feb 28 in common years.
    """
    if not 1 <= month <= 12 or not 1 <= day <= (29 if month == 2 else last_day(2001, month)):
        raise ValueError(f"no such yearly date: {month}/{day}")
    for year in (today.year, today.year + 1):
        d = date(year, month, min(day, last_day(year, month)))
        if d >= today:
            return d
    raise AssertionError("unreachable")  # pragma: no cover


def _lunar_python() -> Any:
    import lunar_python

    return lunar_python


@lru_cache(maxsize=512)
def leap_month(year: int) -> int:
    """The lunar year's leap month (闰X月), 0 when it has none."""
    return int(_lunar_python().LunarYear.fromYear(year).getLeapMonth())


@lru_cache(maxsize=4096)
def lunar_to_solar(year: int, month: int, day: int, leap: bool = False) -> date:
    """Solar date of lunar ``year``/``month``/``day`` (``leap`` for 闰X月).

    A leap month the year does not have falls on the regular month, and day 30 of a
    29-day month falls on day 29, so every yearly lunar date lands somewhere.
    """
    if not MIN_LUNAR_YEAR <= year <= MAX_LUNAR_YEAR:
        raise ValueError(f"lunar year out of range: {year}")
    if not 1 <= month <= 12 or not 1 <= day <= 30:
        raise ValueError(f"no such lunar date: {month}/{day}")
    lp = _lunar_python()
    lunar_year = lp.LunarYear.fromYear(year)
    if leap and lunar_year.getLeapMonth() != month:
        leap = False
    m = -month if leap else month
    day = min(day, lunar_year.getMonth(m).getDayCount())
    solar = lp.Lunar.fromYmd(year, m, day).getSolar()
    return date(solar.getYear(), solar.getMonth(), solar.getDay())


def next_lunar_occurrence(month: int, day: int, leap: bool, today: date) -> date:
    """Next solar date on or after ``today`` of the yearly lunar date ``month``/``day``.

    A 闰X月 date falls in the leap month in years that have it, else in the regular month;
    day 30 falls on day 29 in 29-day months.
    """
    for year in range(today.year - 1, today.year + 2):
        d = lunar_to_solar(year, month, day, leap)
        if d >= today:
            return d
    raise AssertionError("unreachable")  # pragma: no cover


@lru_cache(maxsize=512)
def _qingming(year: int) -> date:
    lp = _lunar_python()
    table = lp.Solar.fromYmd(year, 6, 1).getLunar().getJieQiTable()
    s = table["清明"]
    return date(s.getYear(), s.getMonth(), s.getDay())


class Holiday:
    """A yearly festival: its first day in a given year and how many days it lasts."""

    __slots__ = ("days", "key", "lunar", "mday", "month", "offset")

    def __init__(
        self,
        key: str,
        month: int,
        mday: int,
        *,
        lunar: bool = False,
        days: int = 1,
        offset: int = 0,
    ) -> None:
        self.key = key
        self.month = month
        self.mday = mday
        self.lunar = lunar
        self.days = days
        self.offset = offset  # added to the anchor date (除夕 = 春节 − 1)

    def first_day(self, year: int) -> date:
        """First day of the festival whose anchor lies in (solar or lunar) ``year``."""
        if self.key == "清明":
            return _qingming(year)
        if self.lunar:
            anchor = lunar_to_solar(year, self.month, self.mday)
        else:
            anchor = date(year, self.month, self.mday)
        return anchor + timedelta(days=self.offset)


#: Festivals by canonical key. 春节's holiday is counted 除夕 … 初七 (the current rules),
#: 国庆 1–7 Oct, 劳动节 1–5 May; the others are one day.
HOLIDAYS: dict[str, Holiday] = {
    h.key: h
    for h in (
        Holiday("元旦", 1, 1),
        Holiday("春节", 1, 1, lunar=True),
        Holiday("除夕", 1, 1, lunar=True, offset=-1),
        Holiday("元宵", 1, 15, lunar=True),
        Holiday("清明", 4, 5),
        Holiday("劳动节", 5, 1, days=5),
        Holiday("端午", 5, 5, lunar=True),
        Holiday("七夕", 7, 7, lunar=True),
        Holiday("中秋", 8, 15, lunar=True),
        Holiday("国庆", 10, 1, days=7),
        Holiday("重阳", 9, 9, lunar=True),
        Holiday("腊八", 12, 8, lunar=True),
        Holiday("小年", 12, 23, lunar=True),
        Holiday("情人节", 2, 14),
        Holiday("妇女节", 3, 8),
        Holiday("儿童节", 6, 1),
        Holiday("教师节", 9, 10),
        Holiday("平安夜", 12, 24),
        Holiday("圣诞", 12, 25),
        Holiday("跨年", 12, 31),  # (跨年那天: New Year's Eve)
        Holiday("双十一", 11, 11),
        Holiday("双十二", 12, 12),
    )
}


def holiday_period(key: str, year: int) -> tuple[date, date]:
    """First and last day of festival ``key`` in ``year`` (春节: 除夕 … 初七)."""
    h = HOLIDAYS[key]
    first = h.first_day(year)
    if key == "春节":
        return first - timedelta(days=1), first + timedelta(days=6)
    return first, first + timedelta(days=h.days - 1)
