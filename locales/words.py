"""Dates in a member's language, shared by the handlers (cards) and the scheduler (pushes):
weekdays, day ranges and lunar dates (农历三月初八 / 農曆閏五月二十 / lunar 3/8), and time zones
by the name people say (中国时间, not Asia/Shanghai)."""

from __future__ import annotations

from datetime import date
from functools import cache

from babel.core import UnknownLocaleError
from babel.dates import get_timezone, get_timezone_name

from locales import N_, Translator

WEEKDAYS = (N_("周一"), N_("周二"), N_("周三"), N_("周四"), N_("周五"), N_("周六"), N_("周日"))
LUNAR_MONTHS = ("正", "二", "三", "四", "五", "六", "七", "八", "九", "十", "冬", "腊")
_DAY_TENS = ("初", "十", "廿", "三")
_DAY_UNITS = ("十", "一", "二", "三", "四", "五", "六", "七", "八", "九")
# The festivals reps greet customers for (the digest and /today): (calendar key, label).
# 春节 is dated by 除夕, the evening gifts and greetings must arrive before.
FESTIVALS: tuple[tuple[str, str], ...] = (
    ("元旦", N_("元旦")),
    ("除夕", N_("春节(除夕)")),
    ("元宵", N_("元宵节")),
    ("清明", N_("清明节")),
    ("劳动节", N_("劳动节")),
    ("端午", N_("端午节")),
    ("中秋", N_("中秋节")),
    ("国庆", N_("国庆节")),
    ("重阳", N_("重阳节")),
)


def weekday(_: Translator, day: date) -> str:
    return _(WEEKDAYS[day.weekday()])


def day_with_weekday(_: Translator, day: date) -> str:
    """12月4日(周五)."""
    return _("{month}月{day}日({weekday})", month=day.month, day=day.day, weekday=weekday(_, day))


def day_range(_: Translator, start: date, end: date) -> str:
    """12月1日–3日, 11月30日–12月2日, or one day."""
    if start == end:
        return _("{month}月{day}日", month=start.month, day=start.day)
    if start.month == end.month:
        return _("{month}月{start}日–{end}日", month=start.month, start=start.day, end=end.day)
    return _("{m1}月{d1}日–{m2}月{d2}日", m1=start.month, d1=start.day, m2=end.month, d2=end.day)


def lunar_day_name(month: int, day: int, leap: bool) -> str:
    """三月初八, 闰五月二十, 腊月廿三 — written the way people say it."""
    if day == 10:
        day_name = "初十"
    elif day == 20:
        day_name = "二十"
    elif day == 30:
        day_name = "三十"
    else:
        day_name = _DAY_TENS[day // 10] + _DAY_UNITS[day % 10]
    return f"{'闰' if leap else ''}{LUNAR_MONTHS[month - 1]}月{day_name}"


def lunar_name(_: Translator, month: int, day: int, leap: bool) -> str:
    """农历三月初八 / 農曆閏五月二十 / lunar 3/8."""
    if _.language == "en":
        return _("农历{date}", date=f"{'leap ' if leap else ''}{month}/{day}")
    written = lunar_day_name(month, day, leap)
    if _.language == "zh_Hant":
        written = written.replace("闰", "閏").replace("腊", "臘")
    return _("农历{date}", date=written)


def greeting(_: Translator, hour: int) -> str:
    """早上好 from five until noon, 下午好 until six, 晚上好 after: the member's own clock."""
    if 5 <= hour < 12:
        return _("早上好!")
    if 12 <= hour < 18:
        return _("下午好!")
    return _("晚上好!")


@cache
def _zone_name(zone: str, language: str) -> str:
    try:
        tz = get_timezone(zone)
        # CLDR's generic name (中国时间, 香港時間, Singapore Time); a zone no country has
        # (UTC, Etc/GMT-8) is "Unknown Region (…)" there: its own id reads better.
        if get_timezone_name(tz, locale="en").startswith("Unknown"):
            return zone
        return str(get_timezone_name(tz, locale=language))
    except (LookupError, ValueError, UnknownLocaleError):
        return zone


def zone_name(_: Translator, zone: str) -> str:
    """The time zone as a member reads it: 中国时间 / 中國時間 / China Time for Asia/Shanghai.
    The IANA id is for the operator (the .env file, logs), not for a rep."""
    return _zone_name(zone, _.language)
