"""Dates, birthdays and other values rendered for a member, in their language."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from locales import N_, Translator

WEEKDAYS = (N_("周一"), N_("周二"), N_("周三"), N_("周四"), N_("周五"), N_("周六"), N_("周日"))
LUNAR_MONTHS = ("正", "二", "三", "四", "五", "六", "七", "八", "九", "十", "冬", "腊")
_DAY_TENS = ("初", "十", "廿", "三")
_DAY_UNITS = ("十", "一", "二", "三", "四", "五", "六", "七", "八", "九")


def weekday(_: Translator, day: date) -> str:
    return _(WEEKDAYS[day.weekday()])


def short_date(_: Translator, day: date, today: date | None = None) -> str:
    """12月4日(周五); with the year when it is not this year's."""
    if today is not None and day.year != today.year:
        return _(
            "{year}年{month}月{day}日({weekday})",
            year=day.year,
            month=day.month,
            day=day.day,
            weekday=weekday(_, day),
        )
    return _("{month}月{day}日({weekday})", month=day.month, day=day.day, weekday=weekday(_, day))


def full_date(_: Translator, day: date) -> str:
    """2027年4月14日 周三 — for use inside parentheses."""
    return _(
        "{year}年{month}月{day}日 {weekday}",
        year=day.year,
        month=day.month,
        day=day.day,
        weekday=weekday(_, day),
    )


def moment(_: Translator, value: date | datetime, timezone: str, today: date) -> str:
    """A date, or a date and time in the member's zone: 12月4日(周五) 15:00."""
    if isinstance(value, datetime):
        local = value.astimezone(ZoneInfo(timezone))
        return f"{short_date(_, local.date(), today)} {local:%H:%M}"
    return short_date(_, value, today)


def date_range(_: Translator, start: date, end: date, today: date) -> str:
    if start == end:
        return short_date(_, start, today)
    if start.month == end.month and start.year == end.year:
        return _("{month}月{start}日–{end}日", month=start.month, start=start.day, end=end.day)
    return _("{m1}月{d1}日–{m2}月{d2}日", m1=start.month, d1=start.day, m2=end.month, d2=end.day)


def lunar_day_name(month: int, day: int, leap: bool) -> str:
    """农历三月初八, 农历闰五月二十, 农历腊月廿三 (written the way people say it)."""
    if day == 10:
        day_name = "初十"
    elif day == 20:
        day_name = "二十"
    elif day == 30:
        day_name = "三十"
    else:
        day_name = _DAY_TENS[day // 10] + _DAY_UNITS[day % 10]
    return f"{'闰' if leap else ''}{LUNAR_MONTHS[month - 1]}月{day_name}"


def birthday(
    _: Translator,
    month: int,
    day: int,
    *,
    lunar: bool,
    leap: bool = False,
    year: int | None = None,
    next_on: date | None = None,
    today: date | None = None,
) -> str:
    """农历三月初八(下次:2027年4月14日 周三) or 5月20日(1985年)."""
    if lunar:
        written = _("农历{date}", date=lunar_day_name(month, day, leap))
    else:
        written = _("{month}月{day}日", month=month, day=day)
    if year:
        written += _("({year}年生)", year=year)
    if next_on is not None and (lunar or (today is not None and next_on.year != today.year)):
        written += _("(下次:{date})", date=full_date(_, next_on))
    return written
