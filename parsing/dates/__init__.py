"""Chinese dates and times as reps type them: solar, relative, ranges, lunar, holidays.

    >>> from datetime import date, datetime
    >>> from zoneinfo import ZoneInfo
    >>> now = datetime(2026, 11, 23, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))  # a Monday
    >>> w = parse_when("约了张总下周三下午3点见面", now)
    >>> w.start.isoformat(), w.span
    ('2026-12-02T15:00:00+08:00', (4, 11))

Everything here is pure: no I/O, no clock (``now`` is an argument), no database.

Conventions (DESIGN.md, "Date conventions"), and the choices this module adds:

* Weeks start on Monday. 下周X is day X of next calendar week, 下下周X two weeks on,
  上周X last week's. 周X / 这周X is this week's day X while it is still ahead, else next
  week's; *today counts as ahead* (周一 said on a Monday is today). So 这周三 said on a
  Sunday is the coming Wednesday (the note reader moves a deed said done back to the one
  gone by); a range 这周三到周五 keeps its days together. 周末 / 本周末 is this week's
  Saturday (today on a Sunday), 下周末 next week's Saturday. 五月最后一个周五 is May's last
  Friday. A heading that names the week (下周计划：周一…, 黄总 下周 行程：周二 合肥) puts the bare
  weekdays listed under it in that week, until another week is named. Days listed after
  next week's in one run of words (下周一到周三在北京开会 周四上午回武汉 周五上午九点可以见我们),
  later in the week and with no comma, 我 or deadline between, go on in that week.
* Yearless dates (3月5日, 5号, 农历三月初八, 月中, 春节) are the next occurrence on or after
  today. 2月29日 without a year is the next Feb 29 that exists.
* 明早 = 09:00, 今晚 / 明晚 = 20:00. A part of day without an hour: 上午/早上/一大早 09:00,
  中午 12:00, 下午 14:00, 傍晚 18:00, 晚上 20:00 (``When.part_of_day`` tells it was implied);
  凌晨 alone gives no time. 下午/晚上 + h = h + 12; 中午 1–3 = 13–15. A bare N点 is
  business hours (7–11 morning, 12 noon, 1–6 afternoon: 明天3点 = 15:00); 0X:MM written
  with a leading zero is taken as the 24-hour clock; 3pm / 9:30pm work too. 3点5 (3:05 or
  3:30?) is not read; 三四点 is the range 15:00–16:00. 晚上1–4点 is not read (which night?).
  A floor, a building or a room after the hour is no minute: 10点三楼 = 10:00, not 10:03.
* A time without a date takes the day of the last dated expression before it in the same
  text (明天上午开会,下午拜访 → 下午 is tomorrow's), else today; a bare hour said after an
  evening in the same sentence is the evening's (明晚请客,时间七点改到七点半 → 19:30).
* Before dawn (``DAWN_HOUR``, 04:00) the day just ended is still the speaker's: 明天 / 明早
  said at 01:20 is the calendar's today, 今天下午 / 今晚 the afternoon or evening just gone;
  今天上午 is still the morning ahead, and 今天（周三）下午 names the calendar's day itself.
* 半个月 = 15 days, N个月后 calendar months clamped to the month's end, 一年后 likewise.
  N天前 / N周前 are past dates; N天内 is a deadline. 过两天, 过几天, 几天后 are vague: None.
* Deadlines (``When.deadline``): 月底, 年底, X前/之前 (周五前 = by Friday), N天内, and
  春节前 = the day before 春节 (any festival: 国庆前 = 9月30日).
  Festivals: 春节 holiday = 除夕 … 初七, 国庆 = 1–7 Oct, 劳动节 = 1–5 May; 国庆期间 is that
  range, 国庆后 / 国庆节后第一天 the day after it (10月8日, 春节后 = 初八). 年前 / 年后 (said
  alone) are before / after 春节, 过完年 after it. 春节前一周 / 中秋后两天 count from the
  festival's first day (国庆后三天 is not read: from the 1st or the 7th?). 十一 is 国庆 only
  with 期间/前/后/假期…; 节前 without a festival name is the eve of the one public holiday
  just ahead (春节 within 30 days; 国庆 21; 劳动节, 端午, 中秋 14), not read when none or two
  are that near; 节后 alone is not read, but 节后第一个工作日 (节后上班第一天, 放假回来第一天) is the
  first working day after that one holiday (just ahead or under way); 今年春节 said after it
  is not read either. A holiday of one day (元旦, 清明, 端午, 中秋) spans the schedule's days off
  around it: 元旦假期 is 1–3 January 2027, 元旦后 the day after the break, 清明假期后第一个工作日
  the first day back. 国庆回来上班第一天 is 国庆后第一个工作日.
* 合同签完一周内, 到货后30天内: a span counted from an event, not from today — not read.
* Lunar: 农历/阴历/旧历/老历 + month + day, or a lunar-only spelling (正月, 冬月, 腊月,
  初X, 廿X, 闰X月, 大年初三). 八月十五 without any of these is not read (solar or lunar?).
  初八 with no month at all is 正月初八 when that is at most six weeks ahead (said around
  春节, it means nothing else) or the text speaks of the new year (初八去拜年), and is not read
  otherwise.
* 月初 = the next 1st, 月中 = the next 15th, 月底 = the last day of this month (deadline);
  年初 = the next 1 January, 年底 = 31 December (deadline).
* Working days (N个工作日内 / 后, 下个工作日, 元旦后第一个工作日) follow ``workdays``: the
  State Council's schedule with its 调休 days by default (parsing.workdays), or Monday–Friday.
* Two-digit years up to ten years ahead of now are 20xx, the rest 19xx (85年 = 1985).
* Bare 3.5 / 3/5 / 3-5 (prices, ratios, quantities look the same) are dates only when they
  are the whole message, carry 号/日, sit in a range, or have date context around them
  (3.5前, 3.5下午, 3/5见, 改到3.5); never before 万/元/%/个/天…  03-05 (zero-padded) is a date.
* 每周三, 每月5号 are recurring, not one date: not read. A restated weekday that
  contradicts the date (3月5日周三 when it is a Thursday) makes the answer None, and so does a
  date restated after a weekday that disagrees with it (下周三12月10日, 周五3号); one that
  agrees is the same day (下周三12月9日).
* Text without Chinese characters that reads as English goes to dateparser.
"""

from __future__ import annotations

import functools
import re
from dataclasses import replace
from datetime import date, datetime, timedelta

from parsing.text import has_cjk, normalize
from parsing.workdays import MAINLAND, WorkCalendar

from ._calendar import (
    add_months,
    holiday_period,
    leap_month,
    lunar_to_solar,
    next_lunar_occurrence,
    next_solar_birthday,
)
from ._grammar import _WEEKDAY_X, DAWN_HOUR, ROC_YEAR_ZERO, scan
from ._impossible import impossible_days, impossible_hours
from ._model import LunarSpec, When

__all__ = [
    "DAWN_HOUR",
    "ROC_YEAR_ZERO",
    "WEEKDAY_INDEX",
    "LunarSpec",
    "When",
    "add_months",
    "day_of",
    "festival_day",
    "find_all_when",
    "impossible_days",
    "impossible_hours",
    "leap_month",
    "lunar_to_solar",
    "next_lunar_occurrence",
    "next_solar_birthday",
    "no_such_leap_month",
    "parse_when",
    "remainder",
    "split_due",
]

# 一 … 日/天 (and 1 … 7) to Monday 0 … Sunday 6: the weekday a word names, for readers of notes
WEEKDAY_INDEX = _WEEKDAY_X

_MAX_LEN = 2000


def day_of(value: date | datetime) -> date:
    """The day of a date, or of a datetime on its own clock."""
    return value.date() if isinstance(value, datetime) else value


@functools.cache
def festival_day(key: str, year: int) -> date:
    """The day festival ``key`` (春节, 中秋 …, locales.words.FESTIVALS) is greeted in ``year``:
    its first day (除夕 for 春节). Cached: the planner asks for every member's "today", and the
    lunar arithmetic is the slow part. Raises ValueError or KeyError outside the calendar."""
    return holiday_period(key, year)[0]


def split_due(due: date | datetime) -> tuple[date, datetime | None]:
    """A due value as a follow-up stores it: its day, and the moment when it has a time."""
    return day_of(due), due if isinstance(due, datetime) else None


def _via_dateparser(text: str, now: datetime) -> When | None:
    from ._foreign import parse_foreign, wants_foreign

    if not wants_foreign(text):
        return None
    return parse_foreign(text, now)


def find_all_when(text: str, now: datetime, workdays: WorkCalendar = MAINLAND) -> list[When]:
    """Every date/time expression in ``text``, in order, not overlapping.

    ``now`` is the aware local reference time. Vague expressions (过两天, 下周 alone) are
    left out rather than guessed.
    """
    if not text:
        return []
    norm = normalize(text[:_MAX_LEN])
    if not has_cjk(norm):
        w = _via_dateparser(text[:_MAX_LEN], now)
        if w is not None:
            return [w]
    whens = [f.when for f in scan(norm, now, workdays) if f.when is not None]
    whens = _paired_in_one_week(norm, _in_the_week_headed(norm, whens, now))
    return _on_in_the_week_named(norm, whens)


# 下周计划：周一拜访格力；周三…, 黄总 下周 行程：周二 合肥: a heading names the week, and the
# bare days listed under it are that week's (a bare 周一 alone would be this week's)
_WEEK_HEADING = re.compile(
    r"(?<![上这本下])(?P<n>下+)个?(?:周|星期|礼拜)(?![一二三四五六天1-7末]|日(?!程))[\s的]*"  # (下周日程)
    # (同意下周安排试用: 安排 the verb, no heading)
    # (梅董下周的安排您看下⏎周一…: a secretary's words after it)
    r"(?:(?:行程|日程)\s*[:：】\]\n]?|(?:安排|计划|工作计划|待办)(?:您看一?下|如下)?\s*[:：】\]\n(（]"
    r"|[:：】\]\n])"
)
_BARE_WEEKDAY = re.compile(r"(?<![上这本下个])(?:周|星期|礼拜)[一二三四五六日天]")
# (…；这周五先… / 本周： a day of another week said, the heading's week is over)
_ANOTHER_WEEK = re.compile(r"(?:上|这|本)个?(?:周|星期|礼拜)")


def _in_the_week_headed(text: str, whens: list[When], now: datetime) -> list[When]:
    head = _WEEK_HEADING.search(text)
    if head is None:
        return whens
    other = _ANOTHER_WEEK.search(text, head.end())
    until = other.start() if other is not None else len(text)
    monday = now.date() - timedelta(days=now.weekday()) + timedelta(weeks=len(head["n"]))
    out = list(whens)
    for k, w in enumerate(out):
        a = w.span[0]
        if not head.end() <= a < until or not _BARE_WEEKDAY.match(text, a):
            continue
        shift = monday + timedelta(days=w.day.weekday()) - w.day
        if shift.days > 0:
            out[k] = _moved(w, shift)
    return out


def _moved(w: When, shift: timedelta) -> When:
    """``w`` put ``shift`` later, its end with it."""
    return replace(w, start=w.start + shift, end=w.end + shift if w.end is not None else None)


# 下周三和周四, 下个礼拜三同礼拜四, 下周三、周四: the second day said with the first, in its week.
_NEXT_WEEKDAY = re.compile(r"下+个?(?:周|星期|礼拜)[一二三四五六日天]")
_AND_THEN_WEEKDAY = re.compile(
    r"\s*(?:和|同|跟|与|及|或|、|,)\s*(?:周|星期|礼拜)(?P<wd>[一二三四五六日天])"
)


def _paired_in_one_week(text: str, whens: list[When]) -> list[When]:
    out = list(whens)
    for k in range(1, len(out)):
        first, second = out[k - 1], out[k]
        pair = _AND_THEN_WEEKDAY.match(text, first.span[1])
        if (
            pair is None
            or pair.start("wd") - 2 > second.span[0]
            or not _NEXT_WEEKDAY.search(text, first.span[0], first.span[1])
        ):
            continue
        ahead = _WEEKDAY_X[pair["wd"]] - first.day.weekday()
        day = first.day + timedelta(days=ahead)
        if ahead > 0 and day != second.day:
            out[k] = _moved(second, day - second.day)
    return out


# 下周一到周三在北京开会 周四上午回武汉 周五上午九点可以见我们: days listed after next week's
# in one run of words, later in the week, go on in that week (a bare 周五 alone is this week's);
# a sentence's end, a comma, the rep speaking or another week named ends the run.
_SENTENCE_OVER = re.compile(
    r"[。!！?？\n,，;；我让叫]|(?:上|这|本)个?(?:周|星期|礼拜)|(?i:\bthis\b)"
)

# 下周一去成都，周三去昆明，周五回上海: a trip's legs, each its day and where, go on in that week
# past the comma too.
_LEG_SAID = re.compile(r"\s*(?:去|到|飞|在)[^\s,，。;；\n我]{1,8}[,，、]\s*")
_LEG_GOES = re.compile(r"\s*(?:去|到|飞|回|在|转)")


def _on_in_the_week_named(text: str, whens: list[When]) -> list[When]:
    out = list(whens)
    for k in range(1, len(out)):
        first, second = out[k - 1], out[k]
        shifted = first is not whens[k - 1]  # (周四 moved into next week: 周五 goes on too)
        if not shifted and not _NEXT_WEEKDAY.search(text, first.span[0], first.span[1]):
            continue
        if not _BARE_WEEKDAY.match(text, second.span[0]) or second.deadline:
            continue  # (待到下周三 然后 让我们周四之前出个方案: by this week's, before he is back)
        if _SENTENCE_OVER.search(text, first.span[1], second.span[0]) and not (
            _LEG_SAID.fullmatch(text, first.span[1], second.span[0])
            and _LEG_GOES.match(text, second.span[1])
        ):
            continue
        last = day_of(first.end) if first.end is not None else first.day
        day = last + timedelta(days=second.day.weekday() - last.weekday())
        if second.day.weekday() > last.weekday() and second.day < day:
            out[k] = _moved(second, day - second.day)
    return out


_YEAR_LEAP = re.compile(
    r"(?P<y>(?:19|20)[0-9]{2}|[0-9]{2})\s*年\s*(?:的)?\s*(?:农历|阴历|旧历)?\s*(?:的\s*)?闰\s*"
    r"(?P<m>正|冬|腊|十一|十二|[一二三四五六七八九十]|1[0-2]|0?[1-9])\s*月"
)
_MONTH_WORDS = {"正": 1, "冬": 11, "腊": 12, "十一": 11, "十二": 12, "十": 10}
_DIGITS = "一二三四五六七八九"


def no_such_leap_month(text: str) -> tuple[int, int] | None:
    """(year, month) when ``text`` names a leap month its year does not have: 1985年农历闰四月
    (1985 had no 闰四月). A confident date there would be wrong, so the caller says why."""
    m = _YEAR_LEAP.search(normalize(text))
    if m is None:
        return None
    year = int(m["y"])
    if year < 100:
        year += 1900 if year > 30 else 2000  # 85年 = 1985
    word = m["m"]
    month = _MONTH_WORDS.get(word) or (_DIGITS.index(word) + 1 if word in _DIGITS else int(word))
    if not 1901 <= year <= 2099 or leap_month(year) == month:
        return None
    return year, month


def parse_when(text: str, now: datetime, workdays: WorkCalendar = MAINLAND) -> When | None:
    """The first date/time expression in ``text`` relative to ``now``, or None when unsure.

    ``now`` is a timezone-aware local time; datetimes in the answer carry its tzinfo.
    ``workdays`` counts 两个工作日内 and 下个工作日 (the team's calendar; mainland by default).
    """
    if not text:
        return None
    norm = normalize(text[:_MAX_LEN])
    if not has_cjk(norm):
        w = _via_dateparser(text[:_MAX_LEN], now)
        if w is not None:
            return w
    for f in scan(norm, now, workdays):
        if f.when is not None:
            return f.when
    return None


def remainder(text: str, when: When) -> str:
    """``text`` without the expression ``when`` was read from (the rest of the note)."""
    a, b = when.span
    head, tail = text[:a].rstrip(), text[b:].lstrip()
    if head and tail and head[-1].isascii() and tail[0].isascii():
        return f"{head} {tail}"
    return head + tail
