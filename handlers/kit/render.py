"""Dates, birthdays and other values rendered for a member, in their language."""

from __future__ import annotations

import re
from datetime import date, datetime
from zoneinfo import ZoneInfo

from locales import Translator
from locales.words import day_range, lunar_name, weekday
from parsing.dates import impossible_days, impossible_hours, no_such_leap_month
from parsing.values import not_a_name, not_a_title, read_phones

# A comma or a full stop: what a sentence has, and a name or a keyword typed at a prompt has not.
SENTENCE_MARK = re.compile(r"[,，。!！?？;；]")
PUNCTUATED_NAME = 10  # characters: longer than this with a SENTENCE_MARK, it is a sentence

# Telegram refuses a message longer than this (characters, after entities).
MESSAGE_LIMIT = 4096
# How much of one free-text value a card shows; the archive keeps the whole of it.
CARD_VALUE = 200


def clip(text: str, limit: int = CARD_VALUE) -> str:
    """`text`, or its first `limit` - 1 characters and an ellipsis."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


# How much of a rep's own words a card shows under a record's headline.
NOTE_PREVIEW = 80


def record_lines(headline: str | None, note: str | None, *, whole: bool) -> tuple[str, str | None]:
    """A record's headline and the rep's words under it: their start on a card, all of them
    in the history, line by line as typed (a pasted chat stays a chat). A record without a
    headline is headed by the words themselves."""
    if whole:
        lines = (" ".join(line.split()) for line in (note or "").splitlines())
        words = "\n".join(line for line in lines if line)
    else:
        words = clip(" ".join((note or "").split()), NOTE_PREVIEW)
    if not headline:
        return words, None
    return headline, (words if words and words != headline else None)


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


def happened(_: Translator, at: datetime, timed: bool, timezone: str, today: date) -> str:
    """When a record happened: its day and hour, or the day alone when only the day was said
    (its stored moment is then a stand-in nobody said)."""
    if timed:
        return moment(_, at, timezone, today)
    return short_date(_, at.astimezone(ZoneInfo(timezone)).date(), today)


def clock(value: datetime | None, timezone: str) -> str | None:
    """10:00 for a follow-up due at a time of day, in the member's zone; None for a day only."""
    return f"{value.astimezone(ZoneInfo(timezone)):%H:%M}" if value is not None else None


def date_range(_: Translator, start: date, end: date, today: date) -> str:
    """One day with its weekday, or 12月1日–3日."""
    if start == end:
        return short_date(_, start, today)
    return day_range(_, start, end)


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
        written = lunar_name(_, month, day, leap)
    else:
        written = _("{month}月{day}日", month=month, day=day)
    if year:
        written += _("({year}年生)", year=year)
    if next_on is not None and (lunar or (today is not None and next_on.year != today.year)):
        written += _("(下次:{date})", date=full_date(_, next_on))
    return written


def born_in(_: Translator, year: int) -> str:
    """1985年生: the year of birth, when the day is not known."""
    return _("{year}年生", year=year)


LUNAR_MONTH_WORDS = ("正", "二", "三", "四", "五", "六", "七", "八", "九", "十", "冬", "腊")


def not_a_title_said(_: Translator, text: str) -> str | None:
    """Why a typed job title is refused (a phone, an e-mail, digits, too long), or None."""
    if not not_a_title(text):
        return None
    return _("职务像 “处长”“采购经理” 这样,请重新输入,或发 取消。")


def not_a_name_said(_: Translator, text: str) -> str | None:
    """Why a typed name is refused (a sentence, a date, a phone: a note typed at the prompt)."""
    if not not_a_name(text):
        return None
    return _("这看起来不像姓名。请只输入姓名,例如:王建国,或发 取消。")


def no_such_leap_month_said(_: Translator, text: str) -> str | None:
    """Why a birthday like 1985年农历闰四月十五 is refused (1985 had no 闰四月), or None."""
    found = no_such_leap_month(text)
    if found is None:
        return None
    year, month = found
    word = LUNAR_MONTH_WORDS[month - 1]
    return _(
        "农历{year}年没有闰{word}月,这个日期不存在。请再确认一下,例如:{year}年农历{word}月十五",
        year=year,
        word=word,
    )


def no_such_moment_said(_: Translator, text: str) -> str | None:
    """Why a typed date or time is refused when it names a day no calendar has (2月30日) or an
    hour no clock shows (25点), or None — the words /followup says too."""
    for day in impossible_days(text):
        return _("「{typed}」没有这一天,请再说一次。", typed=day)
    for hour in impossible_hours(text):
        return _("「{typed}」不是有效的时间,请再说一次。", typed=hour)
    return None


def phone_why(_: Translator, number: str) -> str:
    """Why a number given as a phone is none: 手机号是 11 位,这里是 10 位."""
    digits = sum(ch.isdigit() for ch in number)
    if number.startswith("1") and digits != 11:
        return _.plural("手机号是 11 位,这里是 {n} 位", "手机号是 11 位,这里是 {n} 位", digits)
    return _("不是有效的号码")


def not_a_phone_said(_: Translator, text: str) -> str | None:
    """Why a typed phone (138 1234 567: ten digits) is refused, or None when it reads or has
    no digits at all (that is not a number typed wrong)."""
    if read_phones(text) or not any(ch.isdigit() for ch in text):
        return None
    return _("「{typed}」{why},请再输入一次。", typed=text.strip(), why=phone_why(_, text.strip()))
