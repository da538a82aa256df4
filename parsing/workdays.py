"""Working days: "两个工作日内" as China's State Council schedules them, or Monday–Friday.

A mainland team works by the schedule the State Council publishes each November: weekends
off, the public holidays off, and the make-up working days (调休) on, often a Saturday or a
Sunday. The schedule comes from lunar-python's holiday data (``HolidayUtil``, maintained
upstream and already a dependency): upgrading the package brings the next year's schedule.
For a year the data does not cover yet, a *provisional* calendar is used — weekends plus the
statutory holidays' main days computed from the lunar calendar (元旦, 除夕 … 初三, 清明,
5月1–2日, 端午, 中秋, 10月1–3日), without make-up days — and ``is_provisional`` says so,
for /settings to show.

Teams in Taiwan, Hong Kong, Singapore or Malaysia keep a plain Monday–Friday week.

Pure: no I/O, no clock; lunar-python is imported on first use.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

__all__ = [
    "MAINLAND",
    "MON_FRI",
    "WorkCalendar",
    "Workweek",
    "work_calendar",
]

# How far add() looks before giving up: no schedule has 30 days off in a row.
_MAX_SKIP = 30


class Workweek(enum.StrEnum):
    """A team's setting: the mainland schedule with 调休, or a plain Monday–Friday week."""

    MAINLAND = "cn"
    MON_FRI = "mon_fri"


def _holiday_util() -> Any:
    from lunar_python.util import HolidayUtil

    return HolidayUtil


@lru_cache(maxsize=64)
def _official(year: int) -> tuple[frozenset[date], frozenset[date]] | None:
    """(days off, make-up working days) of ``year`` from lunar-python, or None if not covered."""
    holidays = _holiday_util().getHolidays(year)
    if not holidays:
        return None
    off: set[date] = set()
    work: set[date] = set()
    for holiday in holidays:
        day = date.fromisoformat(holiday.getDay())
        if day.year != year:
            continue
        (work if holiday.isWork() else off).add(day)
    return frozenset(off), frozenset(work)


@lru_cache(maxsize=64)
def _provisional(year: int) -> frozenset[date]:
    """The statutory holidays' main days of ``year`` (国务院令 第795号), from the lunar calendar."""
    from lunar_python import Lunar, Solar

    def lunar_day(month: int, day: int) -> date:
        solar = Lunar.fromYmd(year, month, day).getSolar()
        return date(solar.getYear(), solar.getMonth(), solar.getDay())

    spring = lunar_day(1, 1)
    qingming_solar = Solar.fromYmd(year, 4, 1).getLunar().getJieQiTable()["清明"]
    qingming = date(qingming_solar.getYear(), qingming_solar.getMonth(), qingming_solar.getDay())
    days = {
        date(year, 1, 1),
        *(spring + timedelta(days=n) for n in range(-1, 3)),  # 除夕 … 初三
        qingming,
        date(year, 5, 1),
        date(year, 5, 2),
        lunar_day(5, 5),
        lunar_day(8, 15),
        date(year, 10, 1),
        date(year, 10, 2),
        date(year, 10, 3),
    }
    return frozenset(d for d in days if d.year == year)


@dataclass(frozen=True, slots=True)
class WorkCalendar:
    """Which days are working days for a team."""

    workweek: Workweek = Workweek.MAINLAND

    def is_provisional(self, year: int) -> bool:
        """True when ``year``'s mainland schedule is not published (in the data) yet."""
        return self.workweek == Workweek.MAINLAND and _official(year) is None

    def is_workday(self, day: date) -> bool:
        weekend = day.weekday() >= 5
        if self.workweek == Workweek.MON_FRI:
            return not weekend
        official = _official(day.year)
        if official is None:
            return not weekend and day not in _provisional(day.year)
        off, work = official
        if day in work:
            return True
        return not weekend and day not in off

    def is_make_up_day(self, day: date) -> bool:
        """A weekend day worked in exchange for a holiday (调休上班)."""
        return day.weekday() >= 5 and self.is_workday(day)

    def add(self, day: date, n: int) -> date:
        """The ``n``-th working day after ``day`` (before it when ``n`` is negative);
        ``day`` itself never counts: a visit on Tuesday + 2 = Thursday in a plain week."""
        return _add(self, day, n)

    def next_workday(self, day: date) -> date:
        """The first working day after ``day``."""
        return self.add(day, 1)

    def on_or_after(self, day: date) -> date:
        """``day`` when it is a working day, else the next one."""
        return day if self.is_workday(day) else self.add(day, 1)

    def between(self, start: date, end: date) -> int:
        """Working days after ``start`` up to and including ``end`` (0 when end ≤ start)."""
        return _between(self, start, end)


# The planner asks the same few questions for every 纪要 of a day's run (the working day after
# each meeting day, the days left to each deadline): answered once each.
@lru_cache(maxsize=4096)
def _add(calendar: WorkCalendar, day: date, n: int) -> date:
    step = 1 if n >= 0 else -1
    left = abs(n)
    skipped = 0
    while left:
        day += timedelta(days=step)
        if calendar.is_workday(day):
            left -= 1
            skipped = 0
        else:
            skipped += 1
            if skipped > _MAX_SKIP:  # pragma: no cover - no such schedule
                raise ValueError("no working day within a month")
    return day


@lru_cache(maxsize=4096)
def _between(calendar: WorkCalendar, start: date, end: date) -> int:
    count = 0
    day = start
    while day < end:
        day += timedelta(days=1)
        if calendar.is_workday(day):
            count += 1
    return count


MAINLAND = WorkCalendar(Workweek.MAINLAND)
MON_FRI = WorkCalendar(Workweek.MON_FRI)


def work_calendar(workweek: str | None) -> WorkCalendar:
    """The calendar for a team's stored setting (unknown or unset: mainland)."""
    return MON_FRI if workweek == Workweek.MON_FRI else MAINLAND
