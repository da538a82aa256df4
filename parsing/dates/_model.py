"""The answer the date parser gives."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

__all__ = ["LunarSpec", "When"]


@dataclass(frozen=True, slots=True)
class LunarSpec:
    """A lunar date as written: 农历闰五月二十 → month 5, day 20, leap True, year None."""

    month: int
    day: int
    leap: bool = False
    year: int | None = None


@dataclass(frozen=True, slots=True)
class When:
    """One date/time expression found in a text.

    ``start`` is a :class:`~datetime.date`, or an aware :class:`~datetime.datetime` (in the
    reference time's tzinfo) when a time of day was given or implied (明早, 今晚, 半小时后).
    ``end`` is set for ranges (12月3日-5日, 下午3点到5点, 国庆期间). ``span`` indexes the
    ORIGINAL text, so ``text[span[0]:span[1]]`` is what was read.
    """

    start: date | datetime
    end: date | datetime | None = None
    span: tuple[int, int] = (0, 0)
    lunar: LunarSpec | None = None
    #: A "by then" date: 月底, 年底, 春节前, 周五前, 3天内.
    deadline: bool = False
    #: Month and day were given without a year (3月5日, 农历三月初八): birthday-like.
    yearless: bool = False
    #: The part of day the time came from when no hour was given (明早 → "早"); else None.
    part_of_day: str | None = None
    #: Only an hour was said: no day, no part of the day, none before it (8点给他打电话).
    hour_only: bool = False

    @property
    def has_time(self) -> bool:
        """True when ``start`` carries a time of day."""
        return isinstance(self.start, datetime)

    @property
    def day(self) -> date:
        """The calendar day of ``start``."""
        s = self.start
        return s.date() if isinstance(s, datetime) else s

    @property
    def is_range(self) -> bool:
        """True when the expression named an end as well as a start."""
        return self.end is not None
