"""The one clock the scheduler reads. Tests move it with time-machine; nothing here sleeps."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo


def now() -> datetime:
    """The current moment, aware, in UTC."""
    return datetime.now(UTC)


@lru_cache(maxsize=64)
def zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (KeyError, ValueError):
        return ZoneInfo("Asia/Shanghai")


def local_moment(day: date, at: time, tz: str) -> datetime:
    """`day` at `at` in zone `tz`, as a UTC moment."""
    return datetime.combine(day, at, zone(tz)).astimezone(UTC)


def local_midnight(day: date, tz: str) -> datetime:
    return local_moment(day, time(0, 0), tz)


def in_quiet(local: time, quiet: tuple[time, time] | None) -> bool:
    """Whether a local time of day lies in quiet hours [start, end) (which may wrap midnight)."""
    if quiet is None:
        return False
    start, end = quiet
    if start == end:
        return False
    if start < end:
        return start <= local < end
    return local >= start or local < end


def after_quiet(moment: datetime, tz: str, quiet: tuple[time, time] | None) -> datetime:
    """`moment` itself, or the end of the quiet hours it falls in."""
    local = moment.astimezone(zone(tz))
    if quiet is None or not in_quiet(local.time(), quiet):
        return moment
    end = quiet[1]
    day = local.date()
    if local.time() >= end:  # quiet hours that began this evening end tomorrow morning
        day += timedelta(days=1)
    return local_moment(day, end, tz)
