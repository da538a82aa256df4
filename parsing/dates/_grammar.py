"""The Chinese date grammar: components, how they combine, and the scanner.

An expression is ``[date] [time] [range-separator [date] [time]] [前/之前]``. Each date or
time *component* is one precompiled regex tried (anchored) where it may start, plus a
handler that resolves the match against the reference time. The scanner walks the
normalized text, keeps the longest component at each position, extends it with a time,
a range and a deadline suffix, and moves on after it.

A handler returns None when the match is not what it looks like (3.5万, 5号楼, 一年 in
合作一年了), letting the scanner try elsewhere, or a piece marked ``vague`` (过两天,
几天后, 今年春节 once it is past) that swallows the text and yields nothing: being silent
is better than being confidently wrong.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo

from parsing.numerals import cn_digits_to_int, cn_to_int
from parsing.workdays import MAINLAND, WorkCalendar

from ._calendar import (
    HOLIDAYS,
    add_months,
    holiday_period,
    last_day,
    leap_month,
    lunar_to_solar,
    next_lunar_occurrence,
)
from ._model import LunarSpec, When

__all__ = ["scan"]

# ---------------------------------------------------------------------------- fragments

_NUMC = "零〇一二两三四五六七八九十廿卅"
#: A day, month, hour or minute numeral: 3, 03, 十二, 二十三, 廿三, 十2.
N = rf"(?:[十廿卅][0-9]|[0-9]{{1,2}}|[{_NUMC}]{{1,3}})"
#: Nothing numeral-like right before (keeps 二十一号 from being read at 十一号).
NB = rf"(?<![0-9{_NUMC}百千万几第.])"
# (115年6月15日: a year of three digits is Taiwan's, counted from 1912 — 民國 said before it is
# turned into the common era by parsing.notes' fold)
YEAR = r"(?:[0-9]{4}|1[01][0-9]|[0-9]{2}|[零〇一二三四五六七八九]{4}|[零〇一二三四五六七八九]{2})"
YEAR_WORD = r"今年|明年|去年|后年|前年"
# (确认一下月底的安排: 一下 is "a moment", its 下 no "next")
MONTH_WORD = r"(?<!一)下下个?月|(?<!一)下个?月|上上个?月|上个?月|这个?月|本月|当月"
WEEK_MOD = r"下下个?|下个?|上上个?|上个?|这个?|本"
POD = (
    r"上午|早上|早晨|清晨|一大早|一早|大早上|大清早|早|中午|正午|午间|下午|午后|"
    r"傍晚|黄昏|晚上|晚间|夜里|夜间|半夜|深夜|凌晨|晚"
)
H = rf"(?:[0-9]{{1,2}}|[{_NUMC}]{{1,3}})"

_WEEKDAY_X = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}
_WEEKDAY_X.update({str(i): i - 1 for i in range(1, 8)})

# 至三, 到四 (or 四五: 这个礼拜四五在新加坡) after a weekday, then where or why: the week's later
# day (not 到三点, 到三亚, 到天津, 到三院, 到五矿, 到三一重工 — a place that starts with a weekday's word).
_SAME_WEEK_UPTO = re.compile(
    r"\s*(?:(?:至|到|-|~)\s*(?P<wd>[一二三四五六])(?=$|[\s,，。;在去到喺飞出开参培休都全都])"
    # (这个礼拜四五在新加坡: said as one word, only of being away — 这周四五去拜访 is one day)
    r"|(?P<wd2>[一二三四五六])(?=都?在|出差))"
)
_WEEKDAY_SAID = re.compile(r"(?:周|星期|礼拜)[一二三四五六日天]$")
_DEADLINE_SUFFIX = re.compile(r"\s*(?:之前|以前|为止|前)(?![天年后台面往进景途两几夕一三五十后])")
# (never across a line: 周六上午十点到 ⏎ 1月14日 20:33 is an arrival, then a chat stamp)
_RANGE_SEP = re.compile(r"[ \t]*(?:起|开始)?(?:-|~|至|到|一直到|直到)[ \t]*")  # (今天起到月底)
_GAP = re.compile(r"\s*(?:的\s*)?")
_CONFIRM_WEEKDAY = re.compile(
    r"\s*\(?\s*(?:周|星期|礼拜)([一二三四五六日天1-7])\s*(?:\)|(?![0-9一二三四五六七八九十]))"
)
# 9日（一）上午 集团会, 10日（二）—12日（四）新加坡: a list's line opening with its days, each
# with its weekday's numeral in brackets
_LISTED_WEEKDAY = re.compile(r"\(\s*([一二三四五六日])\s*\)")
_LIST_LINE_SO_FAR = re.compile(r"(?:^|\n)[^\S\n]*[0-9/.月日号()一二三四五六\-~—至到\s]*$")
# 下周三(12/2), 下周三12月9日: the day restated, in brackets or straight after
_CONFIRM_DATE = re.compile(
    r"\s*\(\s*([0-9]{1,2})\s*[./月-]\s*([0-9]{1,2})\s*[日号]?\s*\)"
    r"|\s*([0-9]{1,2})\s*月\s*([0-9]{1,2})\s*[日号]"
    r"|\s*\(?\s*([0-9]{1,2})\s*[日号](?:\s*\))?"  # 周三12号, 周五（21号）: the day alone
)
_RECURRING = re.compile(r"每(?:个)?(?:月|年|周|星期|礼拜|天|日)?\s*$")


# ---------------------------------------------------------------------------- pieces


@dataclass(slots=True)
class _Ctx:
    now: datetime
    today: date
    tz: tzinfo | None
    text: str
    #: The day of the last dated expression: 明天上午开会,下午拜访 → 下午 is 明天's.
    context_day: date | None = None
    #: Where an evening was said (明晚请姚经理吃饭,…时间七点改到七点半: 七点 is the evening's).
    evening_at: int | None = None
    #: Where context_day's expression ended when it was a by-then day (年前, 月底前).
    context_by_then_end: int | None = None
    #: Which days count in "N个工作日" and "下个工作日" (the team's setting).
    workdays: WorkCalendar = MAINLAND


@dataclass(slots=True)
class _D:
    """A resolved date piece."""

    day: date
    kind: str = "abs"  # md, dom, week, rel, lunar, holiday, pos, moment, abs
    end: date | None = None
    week: int | None = None
    moment: datetime | None = None
    pod: str | None = None
    lunar: LunarSpec | None = None
    deadline: bool = False
    yearless: bool = False
    vague: bool = False
    bare: bool = False  # a weekday said with no week (周四, not 下周四 or 这周四)


@dataclass(slots=True)
class _T:
    """A resolved time of day."""

    hour: int
    minute: int
    shift: int = 0  # days to add (晚上12点 → next day 00:00)
    pod: str | None = None
    defaulted: bool = False
    end: tuple[int, int, int] | None = None  # (hour, minute, shift) for 3-5点


_VAGUE_DAY = date(1, 1, 1)


def _vague() -> _D:
    return _D(_VAGUE_DAY, vague=True)


DateHandler = Callable[[re.Match[str], _Ctx, "_D | None"], "_D | None"]


# ---------------------------------------------------------------------------- helpers


def _num(text: str | None, lo: int, hi: int, *, sequence: bool = False) -> int | None:
    """Numeral ``text`` if within lo..hi. Digit-by-digit Chinese (二五) only if ``sequence``."""
    if not text:
        return None
    if (
        not sequence
        and not text.isascii()
        and len(text) > 1
        and not any(ch in "十廿卅百" for ch in text)
    ):
        return None
    value = cn_to_int(text)
    if value is None or not lo <= value <= hi:
        return None
    return value


ROC_YEAR_ZERO = 1911  # 民國1年 (Taiwan's Republic era) is 1912


def _year(text: str, c: _Ctx) -> int | None:
    value = int(text) if text.isascii() else cn_digits_to_int(text)
    if value is None:
        return None
    if len(text) == 3:
        value += ROC_YEAR_ZERO
    elif len(text) == 2:
        # Two-digit years: up to ten years ahead of now are 20xx, the rest 19xx (85年 → 1985).
        pivot = c.today.year % 100 + 10
        value += 2000 if value <= pivot else 1900
    if not 1900 <= value <= 2100:
        return None
    return value


def _year_word(word: str, c: _Ctx) -> int:
    return c.today.year + {"今年": 0, "明年": 1, "去年": -1, "后年": 2, "前年": -2}[word]


def _month_word(word: str, c: _Ctx) -> date:
    """First day of the month named by 下个月 / 本月 / 上个月 …"""
    first = c.today.replace(day=1)
    if word.startswith("下下"):
        return add_months(first, 2)
    if word.startswith("下"):
        return add_months(first, 1)
    if word.startswith("上上"):
        return add_months(first, -2)
    if word.startswith("上"):
        return add_months(first, -1)
    return first


def _valid(year: int, month: int, day: int) -> date | None:
    if 1 <= month <= 12 and 1 <= day <= last_day(year, month) and 1 <= year <= 9999:
        return date(year, month, day)
    return None


def _next_md(month: int, day: int, start: date) -> date | None:
    """Next existing ``month``/``day`` on or after ``start`` (2月29日 may be years away)."""
    for year in range(start.year, start.year + 9):
        d = _valid(year, month, day)
        if d is not None and d >= start:
            return d
    return None


def _next_dom(day: int, start: date) -> date | None:
    """Next day-of-month ``day`` on or after ``start``."""
    first = start.replace(day=1)
    for k in range(13):
        m = add_months(first, k)
        d = _valid(m.year, m.month, day)
        if d is not None and d >= start:
            return d
    return None


def _week_monday(c: _Ctx, weeks: int) -> date:
    return c.today - timedelta(days=c.today.weekday()) + timedelta(weeks=weeks)


def _week_offset(mod: str | None) -> int | None:
    """Weeks from this one named by 下/下下/上/这; None when no modifier was given."""
    if not mod:
        return None
    if mod.startswith("下下"):
        return 2
    if mod.startswith("下"):
        return 1
    if mod.startswith("上上"):
        return -2
    if mod.startswith("上"):
        return -1
    return 0


def _after(s: str, pos: int, n: int = 4) -> str:
    return s[pos : pos + n]


def _before(s: str, pos: int, n: int = 4) -> str:
    return s[max(0, pos - n) : pos]


# ---------------------------------------------------------------------------- date handlers

_REL_DAYS = {
    "今天": 0,
    "今日": 0,
    "今儿": 0,
    "今儿个": 0,
    "今": 0,  # (三一姚工 今访: a telegraphic today)
    "明天": 1,
    "明": 1,
    "明日": 1,
    "明儿": 1,
    "明儿个": 1,
    "后天": 2,
    "大后天": 3,
    "昨天": -1,
    "昨日": -1,
    "昨": -1,
    "昨儿": -1,
    "昨儿个": -1,
    "前天": -2,
    "大前天": -3,
}

# Words ending in 后 (以后, 最后, 延后, 饭后 …) before 天: the 后 is theirs (以后天天, 最后天平) —
# but 可以/所以 then 后天 is the day after tomorrow (可以后天去).
_AFTER_WORD_ENDS = re.compile(
    r"(?:(?<![可所难足加予得])以|[最延今饭之然先落此稍随日午会背身事])后$"
)

RE_REL_DAY = re.compile(
    r"(?P<w>大后天|大前天|明后天|明后两天|今儿个?|明儿个?|昨儿个?|今天|今日|明天|明日|后天|昨天|昨日|前天|"
    # 明10点电, 明9:30见: a telegraphic note's 明 before an hour is tomorrow
    r"(?<![\u4e00-\u9fff])明"
    # (刘总电话未接 明再打: and before 再, the next try; 明回电, 明送样: before the errand)
    r"(?=\s*(?:[0-9]{1,2}(?:点|:[0-9]{2})|[一二两三四五六七八九十]{1,3}点|再|回电|回复|回个|"
    r"送|去|打|约|联系|拜访|跟进|寄|签|交|发(?:合同|报价|样|资料|货|邮件|方案|给|过去)))|"
    # 昨见华为柯总, 昨饭 罗总, 今访: a telegraphic note's 昨 or 今 before what was done
    # (昨 拜访 福田 周经理: spaced, as a phone keyboard's telegraphic note leaves it)
    r"(?<![\u4e00-\u9fff])[昨今](?=[见访饭聊谈拜电]| (?:见了?|拜访|吃饭|电话|聊|去了)))"
)


def _h_rel_day(m: re.Match[str], c: _Ctx, prev: _D | None) -> _D | None:
    w = m["w"]
    if w in ("明后天", "明后两天"):  # (明后两天在天津开会: tomorrow and the day after)
        return _D(c.today + timedelta(days=1), "rel", end=c.today + timedelta(days=2))
    before = _before(c.text, m.start(), 1)
    if w == "前天" and before and before in "0123456789一二两三四五六七八九十几":
        return None  # 三天前天… is not 前天
    if w == "后天" and _AFTER_WORD_ENDS.search(c.text, 0, m.start() + 1):
        return None  # 以后天天用设备的, 最后天平, 延后天数: 后 ends a word, no day after tomorrow
    return _D(c.today + timedelta(days=_said_offset(c, _REL_DAYS[w])), "rel")


# Before dawn the day just ended is still the speaker's: 明天 said at 01:20 is the coming
# morning's day, the calendar's today (styles31, styles10: reps write up the evening at night).
DAWN_HOUR = 4


def _said_offset(c: _Ctx, days: int) -> int:
    return 0 if days == 1 and c.now.hour < DAWN_HOUR else days


RE_REL_POD = re.compile(
    r"(?P<w>今|明|昨)(?P<p>早上|早晨|晚上|上午|下午|中午|早|晚|晨|夜)(?!(?<!晚)饭(?!局)|餐|报|班|安(?![排装置顿检])|市|点心)"
)


def _h_rel_pod(m: re.Match[str], c: _Ctx, prev: _D | None) -> _D | None:
    offset = _said_offset(c, {"今": 0, "明": 1, "昨": -1}[m["w"]])
    pod = {"晨": "早", "夜": "晚上"}.get(m["p"], m["p"])
    return _D(c.today + timedelta(days=offset), "rel", pod=pod)


RE_OFFSET = re.compile(
    NB + r"(?P<pre>再过|过)?\s*"
    r"(?P<n>[0-9]{1,3}|几|一两|两三|三五|三四|四五|五六|七八|十几|半|"
    r"[零〇一二两三四五六七八九十廿卅百]{1,4})\s*"
    r"(?P<u>个半小时|个半钟头|个半月|个小时|个钟头|个星期|个礼拜|个工作日|个月|"
    r"小时|钟头|分钟|刻钟|星期|礼拜|工作日|天|日|周|月|年)\s*"
    r"(?P<dir>以后|之后|后|以前|之前|前|以内|之内|内)?"
)

_VAGUE_N = frozenset({"几", "一两", "两三", "三五", "三四", "四五", "五六", "七八", "十几"})


RE_NEXT_WORKDAY = re.compile(r"(?P<w>下一?个?工作日|下一?个?上班日)")


def _h_next_workday(m: re.Match[str], c: _Ctx, prev: _D | None) -> _D | None:
    """下个工作日: the first working day after today, by the team's calendar."""
    return _D(c.workdays.next_workday(c.today), "rel")


# What a span of days "within" may be counted from, said right before it.
_AFTER_AN_EVENT = re.compile(
    r"(?:签完|签订|签了|到货|收货|验收|开票|收到发票|上线|交货)(?:后|以后|之后)?\s*$"
)


def _h_offset(m: re.Match[str], c: _Ctx, prev: _D | None) -> _D | None:
    pre, n_text, unit, direction = m["pre"], m["n"], m["u"], m["dir"]
    if pre and direction and direction not in ("后", "以后", "之后"):
        return None
    if not pre and not direction:
        return None  # 合作一年了, 要3天: a duration, not a date
    if unit == "月" and n_text != "半":
        return None  # 3月后 is "after March", not three months
    if n_text in _VAGUE_N or (pre and n_text in ("两", "一两") and unit in ("天", "日")):
        return _vague()  # 过两天, 几天后: vague on purpose
    if direction in ("以内", "之内", "内") and _AFTER_AN_EVENT.search(c.text, 0, m.start()):
        return _vague()  # 合同签完一周内付, 到货后30天内: counted from that, not from today
    half_extra = unit.startswith("个半")
    base_unit = unit.removeprefix("个半").removeprefix("个")
    if n_text == "半":
        if base_unit not in ("月", "年", "小时", "钟头", "天", "日"):
            return None
        amount = 0.5
    else:
        value = _num(n_text, 0, 999)
        if value is None:
            return None
        amount = value + (0.5 if half_extra else 0.0)
    sign = -1 if direction in ("以前", "之前", "前") else 1
    within = direction in ("以内", "之内", "内")
    if base_unit in ("小时", "钟头", "分钟", "刻钟"):
        minutes = {"小时": 60, "钟头": 60, "分钟": 1, "刻钟": 15}[base_unit] * amount
        at = c.now.replace(second=0, microsecond=0) + sign * timedelta(minutes=minutes)
        return _D(at.date(), "moment", moment=at, deadline=within)
    if base_unit == "工作日":
        if amount != int(amount):
            return None
        return _D(c.workdays.add(c.today, sign * int(amount)), "rel", deadline=within)
    if base_unit in ("天", "日"):
        if amount != int(amount):
            return None
        d = c.today + timedelta(days=sign * int(amount))
    elif base_unit in ("周", "星期", "礼拜"):
        if amount != int(amount):
            return None
        d = c.today + timedelta(weeks=sign * int(amount))
    elif base_unit == "月":
        if amount == 0.5:
            d = c.today + timedelta(days=sign * 15)
        else:
            d = add_months(c.today, sign * int(amount))
            if amount != int(amount):
                d += timedelta(days=sign * 15)
    else:  # 年
        months = int(amount * 12)
        if months != amount * 12:
            return None
        d = add_months(c.today, sign * months)
    if not 1900 <= d.year <= 2200:
        return None
    return _D(d, "rel", deadline=within)


RE_WEEKDAY = re.compile(
    # (记一下 礼拜四: 一下 is "a moment", its 下 no "next")
    # (安排您看下⏎周一: a line's last 下 is no "next" for the next line's day)
    rf"(?:(?<!一)(?P<mod>{WEEK_MOD})|(?<=一)(?P<mod2>下下个?|下个?)(?=\S))?[^\S\n]*(?:星期|礼拜|周)"
    # 周三10:30 is Wednesday at 10:30, 下周三12月9日 Wednesday restated as a date; 周12 no weekday
    # (本周日程, 这周日志: a week's schedule or log, no Sunday)
    r"(?P<x>(?:[一二三四五六天]|日(?![程志]))(?![0-9]+(?![0-9]*\s*(?:[:点时月号日]|am|pm)))|[1-7](?![0-9]))"
    # 礼拜三四去长沙, 周二三在北京, 下周一二三我都在苏州: days running, where someone goes or stays
    # (这周四周五在北京, 礼拜四 礼拜五在上海: the week word said again for the next day)
    r"(?:(?:、?(?P<x2>[二三四五六日天])(?:、?(?P<x3>[三四五六日天]))?"
    r"(?=\s*(?:[我他她]|[他她]们)?都?\s*(?:去|到|在|出差|开会|两天|三天)))"
    # (and the next day's week word said again right before where one is: 周四周五在北京)
    r"|\s?(?:周|礼拜|星期)(?P<x2b>[二三四五六日天])(?=\s*(?:去|到|在|出差|开会)))?"
    # (一周二回 is twice a week; 下周二回 / 这周五回公司 / 周五回 after a trip is the day someone
    # is back: only a count before 周 makes it a frequency)
    # (周三年度审计, 周五年会: the day of a yearly thing, not 三年)
    r"(?![次遍岁期]|年(?!度|会))(?(mod)|(?(mod2)|(?!(?:(?<=[一每两三四五六七八九十几]周.)|"
    r"(?<=[一每两三四五六七八九十几]星期.)|(?<=[一每两三四五六七八九十几]礼拜.))回(?![访电复来去]))))"
)


def _weekday(c: _Ctx, x: int, mod: str | None, prev: _D | None) -> _D:
    weeks = _week_offset(mod)
    inherited = False
    if weeks is None and prev is not None and prev.kind == "week" and prev.week is not None:
        weeks, inherited = prev.week, True
    if weeks is None:
        weeks = 0 if x >= c.today.weekday() else 1
    elif weeks == 0 and c.today.weekday() == 6 and x < 5 and not inherited:
        # 这周三 said on a Sunday: the working week ahead (DESIGN.md: this week's day while
        # still ahead, else the next one); a deed done that day is moved back (_done_before)
        weeks = 1
    d = _week_monday(c, weeks) + timedelta(days=x)
    if inherited and prev is not None and d < prev.day:
        d += timedelta(weeks=1)
        weeks += 1
    return _D(d, "week", week=weeks)


def _h_weekday(m: re.Match[str], c: _Ctx, prev: _D | None) -> _D | None:
    x = _WEEKDAY_X[m["x"]]
    days = [x] + [_WEEKDAY_X[m[g]] for g in ("x2", "x3", "x2b") if m[g]]
    if days != list(range(x, x + len(days))):
        return None  # (周三五: no days running — left unread rather than guessed)
    d = _weekday(c, x, m["mod"] or m["mod2"], prev)
    d.bare = not (m["mod"] or m["mod2"])
    if len(days) > 1:
        d.end = d.day + timedelta(days=len(days) - 1)
    return d


RE_WEEKEND = re.compile(rf"(?P<mod>{WEEK_MOD})?\s*(?:周末|礼拜末|星期末)")


def _h_weekend(m: re.Match[str], c: _Ctx, prev: _D | None) -> _D | None:
    weeks = _week_offset(m["mod"]) or 0
    d = _week_monday(c, weeks) + timedelta(days=5)
    if weeks == 0 and d < c.today:
        d = c.today  # Sunday: this weekend is today
    return _D(d, "week", week=weeks)


# (a colon after a label may come before it — 时间:2027-05-18 — one after a digit is a clock's)
RE_YMD_NUM = re.compile(
    r"(?<![0-9a-z./¥$])(?<![0-9]:)(?P<y>[0-9]{4})(?P<s>[-/.])(?P<m>[0-9]{1,2})(?P=s)(?P<d>[0-9]{1,2})"
    r"(?![0-9]|[/.:][0-9]|-[0-9]{1,3}(?![0-9]))(?:\s*[日号](?!本))?"
)


def _h_ymd_num(m: re.Match[str], c: _Ctx, prev: _D | None) -> _D | None:
    if (
        prev is None
        and _before(c.text, m.start(), 2)[:1].isdigit()
        and _before(c.text, m.start(), 1) == "-"
    ):
        return None  # inside a longer number: 0571-2025-03-05
    y = int(m["y"])
    if not 1900 <= y <= 2100:
        return None
    d = _valid(y, int(m["m"]), int(m["d"]))
    return None if d is None else _D(d, "md")


RE_MD_NUM = re.compile(
    r"(?<![0-9a-z./¥$+*×#])(?<![0-9]:)(?P<m>[0-9]{1,2})(?P<s>[-/.])(?P<d>[0-9]{1,2})"
    r"(?![0-9]|[/.:][0-9]|-[0-9]+-)(?P<suf>\s*[日号](?!本))?"  # (5/8 日本大阪: Japan)
)
# After a bare 3.5 / 3/5 / 3-5: these make it a number, never a date.
_NUMBERISH_AFTER = re.compile(
    r"\s*(?:[万千百亿元块角毛%‰折倍个台件套只支箱瓶吨斤克米寸年月次人位岁分秒度级版楼层期成a-z]"
    r"|天(?!津|水|门)"  # (5/23 天津: a city, not days)
    r"|周(?![一二三四五六日天1-7])|小时|公里|平|亩|g(?a:\b))"
)
_DATEISH_AFTER = re.compile(
    r"\s*(?:之前|以前|前|之后|以后|后|见|开|来|去|回|出发|拜访|签|交|到期|截止|生日|过生|出生|"
    # (11/2-11/6 到日本出差, 5/18 出差: where someone goes that day)
    r"到(?=[\u4e00-\u9fff])(?!手)|出差|飞(?=[\u4e00-\u9fff])|"
    r"周[一二三四五六日天1-7]|星期|礼拜|上午|下午|中午|晚上|早上|凌晨|傍晚|"
    r"[0-9]{1,2}[:点]|[零一二两三四五六七八九十]{1,3}点|\(|"
    # (7.3投标, 3.25报价: a telegraphic note's day, then what is done on it)
    r"投标|开标|报价|送样|发货|交货|到货|付款|回款|验收|安装|培训|演示|汇报|面谈|回电|电话|"
    # (10.18参加蒋总儿子婚礼, 12/28 要把年节礼盒寄给他: the day, then what the rep does on it)
    r"参加|出席|寄|拜|要(?=把))"
)
# (5/6 bid opening, 3/10 demo, 4/2 site visit: an English word of what happens that day)
_EN_EVENT_AFTER = re.compile(
    r"[^\S\n]+(?i:bid|tender|demo|meeting|mtg|call|visit|site|deadline|presentation|review|"
    r"lunch|dinner|training|delivery|kick-?off|workshop|interview|audit)(?![a-z])"
)
_DATEISH_BEFORE = re.compile(
    r"(?:日期|时间|定于|定在|改到|改在|改为|推到|延到|截止|约在|预计|计划|生日|出生|生于|"
    r"到期|交期|交货|发货|到货|开会|见面|拜访|出差|回来|是在|"
    r"(?:^|\n)\s*[【\[]?(?:本周|下周|上周|下一步|后续)[】\]]?)\s*[:：]?\s*$"  # (a report's 下周：7/4 …)
)
_OPENS_A_LINE = re.compile(r"(?:.*\n)?\s*", re.S)
_THEN_WORDS = re.compile(r" +[\u4e00-\u9fff]{2}")
# (月底前去一趟万达，到时候下午去; 年前约王总吃个饭，那天晚上…; 春节前去拜年，最好上午去: the
# by-then errand's own part of the day, said in the next clause)
_SAME_ERRANDS_TIME = re.compile(r"到时候?|那天|当天|顺便|最好")
_SAME_ERRANDS_TIME_AFTER = re.compile(r"\s*(?:过?[去来](?:[,，。;；\s]|$)|比较合适|合适|顺便|再)")
_OPENS_AN_ITEM = re.compile(r".*[;；]\s*", re.S)
_IN_A_SCHEDULE_LINE = re.compile(
    r"(?:行程|日程|(?i:schedule|travel|itinerary))[^\n]{0,60}?[:：,，;；\s]\s*$"
)
# (何总 travel: / 5/26 Shanghai / 5/27-5/29 Tokyo: a line opening with its days a few lines under
# the heading)
_UNDER_A_SCHEDULE = re.compile(
    r"(?:行程|日程|(?i:schedule|travel|itinerary))[^\n]{0,20}\n(?:[^\n]*\n){0,5}[^\S\n]*$"
)
_LATIN_PLACE_AFTER = re.compile(r"[^\S\n]+[a-z]{3,}(?![a-z]*[^\S\n]*[0-9])")
_MD_RANGE_TAIL = re.compile(
    r"\s*(?:-|~|至|到)\s*(?:[0-9]{1,2}\s*[./]\s*)?[0-9]{1,2}(?![0-9]|[.][0-9])(?:\s*[日号](?!本))?"
)


def _under_a_schedule(s: str, start: int) -> bool:
    """Whether a day at ``start`` is on a schedule heading's line or a few lines under it."""
    return bool(_IN_A_SCHEDULE_LINE.search(s, 0, start) or _UNDER_A_SCHEDULE.search(s, 0, start))


def _md_num_is_date(m: re.Match[str], c: _Ctx, prev: _D | None) -> bool:
    """Is a bare 3.5 / 3/5 / 3-5 a date here? See DESIGN: prices and ratios look the same."""
    s = c.text
    end = m.end()
    start = m.start()
    if start >= 2 and s[start - 1] == "-" and s[start - 2].isdigit() and prev is None:
        return False  # the tail of 2025-0305-17 or 138-1234
    if m["suf"]:
        return True
    if (
        m["s"] == "/"
        and _LATIN_PLACE_AFTER.match(s, end)
        and (prev is not None or _under_a_schedule(s, start))  # (or the range's second half)
    ):
        return True  # 何总 travel: / 5/26 Shanghai: a schedule's day, then a city in English
    if m["s"] == "/" and _EN_EVENT_AFTER.match(s, end):
        return True  # reminder: 5/6 bid opening @ 深圳地铁: the day, then what takes place on it
    if _NUMBERISH_AFTER.match(s, end):
        return False
    if prev is not None:  # second half of a range: 12.3-12.5
        return True
    if len(m["m"]) == 2 and len(m["d"]) == 2 and "0" in (m["m"][0], m["d"][0]):
        return True  # 03-05, 12/05: zero padding is what dates do, not prices
    if not s[: m.start()].strip(" ,.:;!?、。，") and not s[end:].strip(" ,.:;!?、。，"):
        return True  # the whole message is the token
    if _DATEISH_AFTER.match(s, end) or _DATEISH_BEFORE.search(s, 0, m.start()):
        return True
    if _OPENS_A_LINE.fullmatch(s, 0, start) and _THEN_WORDS.match(s, end):
        return True  # 1.5 恒生电子签单: a telegraphic line opened by its day
    if m["s"] == "/" and _OPENS_AN_ITEM.fullmatch(s, 0, start) and _THEN_WORDS.match(s, end):
        return True  # 下周：7/4 给钮工送样板；7/6 跟贝经理谈价格: each item opened by its day
    if m["s"] == "/" and _IN_A_SCHEDULE_LINE.search(s, 0, start):
        return True  # 吴总行程：12/16 上海，12/17-12/19 深圳: a schedule's days, one line
    tail = _MD_RANGE_TAIL.match(s, end)
    if (
        tail is not None
        and m["s"] == "/"
        and _LATIN_PLACE_AFTER.match(s, tail.end())
        and _under_a_schedule(s, start)
    ):
        return True  # (5/27-5/29 Tokyo)
    if tail is not None and not _NUMBERISH_AFTER.match(s, tail.end()):
        # 12.3-12.5 is a date range only if the text around it says so too
        after = s[tail.end() :]
        if _OPENS_A_LINE.fullmatch(s, 0, start) and _THEN_WORDS.match(s, tail.end()):
            return True  # 6/2-6/3 深圳 客户拜访: a schedule's line opened by its days
        return not after.strip(" ,.:;!?、。，") or bool(_DATEISH_AFTER.match(s, tail.end()))
    return False


def _h_md_num(m: re.Match[str], c: _Ctx, prev: _D | None) -> _D | None:
    month, day = int(m["m"]), int(m["d"])
    if not 1 <= month <= 12 or not 1 <= day <= 31:
        return None
    if m["s"] == "-" and m["suf"] and prev is None:
        return None  # 1-3号 is the 1st to the 3rd (a day range), not 3 January
    if not _md_num_is_date(m, c, prev):
        return None
    return _md(c, None, month, day, prev)


def _md(c: _Ctx, year: int | None, month: int, day: int, prev: _D | None) -> _D | None:
    if year is not None:
        d = _valid(year, month, day)
        return None if d is None else _D(d, "md")
    if prev is not None and prev.kind in ("md", "dom") and not prev.vague:
        d = _valid(prev.day.year, month, day)
        if d is not None and d < prev.day and month < prev.day.month:
            d = _valid(prev.day.year + 1, month, day)  # 12月30日到1月2日
        return None if d is None else _D(d, "md", yearless=prev.yearless)
    if not 1 <= day <= (29 if month == 2 else last_day(2001, month)):
        return None
    d = _next_md(month, day, c.today)
    return None if d is None else _D(d, "md", yearless=True)


RE_YMD_CN = re.compile(
    NB + rf"(?:(?P<y>{YEAR})\s*年\s*(?:的)?|(?P<yw>{YEAR_WORD})\s*(?:的)?)?"
    rf"(?:(?P<m>{N})\s*月份?|(?P<mw>{MONTH_WORD}))\s*(?:的)?\s*(?P<d>{N})\s*(?P<suf>[日号])?"
)
_NO_SUFFIX_BAD = re.compile(r"[0-9个台件万千百元块%.次日号天年月a-z]")


def _h_ymd_cn(m: re.Match[str], c: _Ctx, prev: _D | None) -> _D | None:
    day_text = m["d"]
    if not (m["y"] or m["yw"]) and _before(c.text, m.start(), 1) == "年":
        return None  # the tail of a year-month-day that did not hold (2027年2月29日)
    # (三月十五 as often as 3月15: a day said in two characters stands without 号)
    spoken = not day_text.isascii() and (len(day_text) < 2 or "两" in day_text)
    if not m["suf"] and (spoken or _NO_SUFFIX_BAD.match(_after(c.text, m.end(), 1))):
        return None  # 3月5 is fine, 一月一次 / 3月5个 are not
    day = _num(day_text, 1, 31)
    if day is None:
        return None
    if m["mw"]:
        if m["y"] or m["yw"]:
            return None
        first = _month_word(m["mw"], c)
        d = _valid(first.year, first.month, day)
        return None if d is None else _D(d, "md")
    month = _num(m["m"], 1, 12)
    if month is None:
        return None
    year: int | None = None
    if m["y"]:
        year = _year(m["y"], c)
        if year is None:
            return None
    elif m["yw"]:
        year = _year_word(m["yw"], c)
    return _md(c, year, month, day, prev)


RE_DAY = re.compile(
    NB + rf"(?<![月年])(?P<d>{N})\s*(?P<suf>[日号])"
    r"(?!楼|线|馆|厅|门|院|口|会议室|房|床|机|车|柜|台|桌|库|店|厂|站|箱|包|场|室|座|仓|窗|位|元|码|"
    r"内|以内|之内|后|以后|之后|游|种|文|件|样|选手|球|字|令|电池|[0-9])"
)


def _h_day(m: re.Match[str], c: _Ctx, prev: _D | None) -> _D | None:
    text = m["d"]
    if "两" in text or (m["suf"] == "日" and not text.isascii() and text in ("一", "三", "几")):
        return None  # 两号 is not a date; 一日 is "one day"
    if not text.isascii() and _before(c.text, m.start(), 1) in tuple("洲宫舟征娥"):
        return None  # 京东亚洲一号, 天宫一号, 神舟五号: a name, no day (美洲3号回国 is one)
    if _RECURRING.search(c.text, 0, m.start()):
        return None
    day = _num(text, 1, 31)
    if day is None:
        return None
    if prev is not None and prev.kind in ("md", "dom") and not prev.vague:
        first = prev.day.replace(day=1)
        for k in range(3):
            mm = add_months(first, k)
            d = _valid(mm.year, mm.month, day)
            if d is not None and d >= prev.day:
                return _D(d, "dom", yearless=prev.yearless)
        return None
    d = _next_dom(day, c.today)
    return None if d is None else _D(d, "dom")


RE_DAY_RANGE = re.compile(
    NB + rf"(?P<d1>{N})\s*(?:-|~|到|至)\s*(?P<d2>{N})\s*(?P<suf>[日号])(?![楼线门厅室])"
)


def _h_day_range(m: re.Match[str], c: _Ctx, prev: _D | None) -> _D | None:
    if prev is not None:
        return None
    d1, d2 = _num(m["d1"], 1, 31), _num(m["d2"], 1, 31)
    if d1 is None or d2 is None or d2 <= d1:
        return None
    start = _next_dom(d1, c.today)
    if start is None:
        return None
    end = _valid(start.year, start.month, d2)
    return None if end is None else _D(start, "dom", end=end)


RE_MONTH_POS = re.compile(
    # (下个月月底, 下个月的月初: the month word, then 月 said again)
    rf"(?:(?P<yw>{YEAR_WORD})\s*)?(?:(?P<mw>{MONTH_WORD})(?:\s*的?\s*月(?=底|末|初|中))?"
    rf"|{NB}(?P<m>{N})\s*月份?"
    r"|(?<![岁每个日正腊冬闰年0-9零〇一二两三四五六七八九十])(?P<bare>月))"
    # (本月最后一天, 下个月的最后一天: the month's last day itself, no "by then")
    # (五月最后一个周五, 5月的最后一个礼拜五: the month's last such weekday)
    r"\s*的?\s*(?P<pos>底|末|初|中旬|中|最后一天|最后一个(?:周|星期|礼拜)(?P<lwd>[一二三四五六日天]))"
    r"(?![0-9一二三四五六七八九十])"
)


def _h_month_pos(m: re.Match[str], c: _Ctx, prev: _D | None) -> _D | None:
    pos = m["pos"]
    if m["mw"]:
        if m["yw"]:
            return None
        first = _month_word(m["mw"], c)
        months = [first]
    elif m["m"]:
        month = _num(m["m"], 1, 12)
        if month is None:
            return None
        if m["yw"]:
            months = [date(_year_word(m["yw"], c), month, 1)]
        else:
            months = [date(c.today.year, month, 1), date(c.today.year + 1, month, 1)]
    else:
        if m["yw"]:
            return None
        first = c.today.replace(day=1)
        months = [first, add_months(first, 1)]
    explicit = bool(m["mw"] or m["yw"])
    for first in months:
        if pos in ("底", "末", "最后一天"):
            d = first.replace(day=last_day(first.year, first.month))
        elif m["lwd"]:
            end = first.replace(day=last_day(first.year, first.month))
            d = end - timedelta(days=(end.weekday() - _WEEKDAY_X[m["lwd"]]) % 7)
        elif pos == "初":
            d = first
        else:
            d = first.replace(day=15)
        if explicit or d >= c.today:
            return _D(d, "pos", deadline=pos in ("底", "末"))
    return None


RE_YEAR_POS = re.compile(
    r"(?P<pre>今年|明年|去年|后年|今|明|去|[0-9]{4}\s*年)?\s*"
    r"(?<![0-9零〇一二两三四五六七八九十几多半前后每])(?P<pos>年底|年末|年初)(?![一二三四五六七八九十])"
)


def _h_year_pos(m: re.Match[str], c: _Ctx, prev: _D | None) -> _D | None:
    pre = (m["pre"] or "").replace(" ", "")
    if pre.endswith("年") and pre[0].isdigit():
        year = int(pre[:4])
    elif pre:
        year = _year_word(pre if pre.endswith("年") else pre + "年", c)
    else:
        year = c.today.year
    if m["pos"] == "年初":
        d = date(year, 1, 1)
        if not pre and d < c.today:
            d = date(year + 1, 1, 1)
        return _D(d, "pos")
    return _D(date(year, 12, 31), "pos", deadline=True)


# 这个季度末之前, 本季度末, 下季度末: the quarter's last day, a deadline (季度末集中招标 is a habit,
# 本季度末的销售数据 names which figures)
RE_QUARTER_END = re.compile(r"(?P<pre>本|这个?|下个?)季度?(?:末|底)(?!的)")


def _h_quarter_end(m: re.Match[str], c: _Ctx, prev: _D | None) -> _D | None:
    first = c.today.replace(day=1, month=(c.today.month - 1) // 3 * 3 + 1)
    if (m["pre"] or "").startswith("下"):
        first = add_months(first, 3)
    last = add_months(first, 2)
    return _D(last.replace(day=last_day(last.year, last.month)), "pos", deadline=True)


RE_WITHIN = re.compile(
    r"(?P<w>本周|这周|这个?星期|这个?礼拜|本星期|本月|这个?月|当月|今年|"
    r"(?<![0-9零〇一二两三四五六七八九十百几多半去明前后每])年)(?:之内|以内|内)"
)


def _h_within(m: re.Match[str], c: _Ctx, prev: _D | None) -> _D | None:
    """本周内 / 这个月内 / 年内: a deadline at the end of the week, month or year."""
    w = m["w"]
    if w.endswith("年"):
        return _D(date(c.today.year, 12, 31), "pos", deadline=True)
    if w.endswith("月"):
        d = c.today.replace(day=last_day(c.today.year, c.today.month))
        return _D(d, "pos", deadline=True)
    return _D(_week_monday(c, 0) + timedelta(days=6), "pos", deadline=True)


# --- holidays

_HOLIDAY_NAMES = {
    "元旦": "元旦",
    "春节": "春节",
    "过年": "春节",
    "农历新年": "春节",
    "除夕": "除夕",
    "大年三十": "除夕",
    "年三十": "除夕",
    "大年夜": "除夕",
    "过完年": "春节",
    "过了年": "春节",
    "元宵": "元宵",
    "清明": "清明",
    "五一劳动节": "劳动节",
    "劳动节": "劳动节",
    "五一": "劳动节",
    "端午": "端午",
    "七夕": "七夕",
    "中秋": "中秋",
    "国庆": "国庆",
    "十一": "国庆",
    "重阳": "重阳",
    "腊八": "腊八",
    "小年": "小年",
    "情人节": "情人节",
    "妇女节": "妇女节",
    "三八节": "妇女节",
    "儿童节": "儿童节",
    "六一": "儿童节",
    "教师节": "教师节",
    "平安夜": "平安夜",
    "圣诞": "圣诞",
    # (跨年那天: the day the year turns; 跨年度 is a contract running over the year's end, and
    # 跨年夜 is left unread — dates_dev: a night that runs into the new year)
    "跨年那天": "跨年",
    "双十一": "双十一",
    "双11": "双十一",
    "双十二": "双十二",
    "双12": "双十二",
}
# A holiday's break said as such (清明假期, 五一长假结束) and the first day back (上班第一天)
_BREAK_SAID = "(?:小长假|长假|假期|放假|黄金周)(?:结束)?"
_FIRST_DAY_BACK = "(?:上班第一天|第一天上班|第一个工作日|的?第一天|上班)"
# 元宵节后第一个礼拜一, 春节假期结束后的第一个周一: the first such weekday after it
_FIRST_WEEKDAY_AFTER = "(?:之|以)?后的?第一个(?:周|星期|礼拜)[一二三四五六日天]"
_HOLIDAY_SUFFIX = (
    # 清明假期后第一个工作日, 五一长假结束后上班第一天: the break's end, then the day after
    f"{_BREAK_SAID}(?:(?:之|以)?后第一个工作日|{_FIRST_WEEKDAY_AFTER}|"
    "后第一天上班|后上班第一天|后的?第一天)|"
    # 元旦以后第一个工作日
    f"{_FIRST_WEEKDAY_AFTER}|(?:之|以)后第一个工作日|"
    # 春节前最后一个礼拜五, 国庆前的最后一个周五
    "(?:之|以)?前的?最后一个(?:周|星期|礼拜)[一二三四五六日天]|"
    "(?:之|以)?[前后](?:[0-9]{1,2}|[一二两三四五六七八九十]{1,2})(?:天|日|周|个星期|个礼拜|星期)|"
    "假期期间|放假期间|长假期间|小长假|长假|假期|放假|期间|黄金周|"
    "后第一天上班|后第一天|后的第一天|后上班第一天|后第一个工作日|后上班|收假后|"
    # 国庆回来上班第一天, 端午回来第一天, 中秋节回来第一个工作日: back from it
    f"回来{_FIRST_DAY_BACK}|"
    "之后|以后|之前|以前|前一天|后一天|前后|前夕|当天|那天|当日|前|后"
)
_NUMERAL_LED = tuple(n for n in _HOLIDAY_NAMES if n[0] in "0123456789一二三四五六七八九十双")
RE_HOLIDAY = re.compile(
    rf"(?P<pre>{YEAR_WORD}|[0-9]{{4}}\s*年)?\s*"
    r"(?P<h>"
    # (二十一 is no 十一, 三十五一 no 五一; 腊月二十三小年前 is 小年 after a day)
    + r"(?<![0-9零〇一二两三四五六七八九十双])(?:"
    + "|".join(sorted(_NUMERAL_LED, key=len, reverse=True))
    + ")|"
    + "|".join(sorted((n for n in _HOLIDAY_NAMES if n not in _NUMERAL_LED), key=len, reverse=True))
    + r")(?P<jie>节)?"
    # 圣诞灯饰, 春节慰问品, 元旦晚会: a festival's goods or party, not its day
    + r"(?!灯饰|燈飾|灯|树|贺卡|卡片|礼品|礼物|慰问品|晚会|大餐|装饰|对联|红包|促销|套餐|档期|联欢|礼(?![拜节貌尚仪])|节礼(?![拜节貌尚仪]))"
    + rf"(?P<suf>{_HOLIDAY_SUFFIX})?"
)
RE_NEW_YEAR = re.compile(
    r"(?<![0-9零〇一二两三四五六七八九十百几多半去今明前后本每新当那这往近同上下整全跨隔千万个老拜小])"
    # (年后第一个礼拜一, 年后第一个工作日: as after 春节)
    r"年(?P<suf>(?:之|以)?后的?第一个(?:周|星期|礼拜)[一二三四五六日天]|(?:之|以)?后第一个工作日|"
    r"后上班第一天|后第一天上班|后的?第一天|"
    r"(?:之|以)?前的?最后一个(?:周|星期|礼拜)[一二三四五六日天]|"
    r"之前|以前|之后|以后|前|后)(?![天年月])"
)
_PERIOD_SUFFIXES = frozenset(
    {"假期期间", "放假期间", "长假期间", "小长假", "长假", "假期", "放假", "期间", "黄金周"}
)
_AFTER_SUFFIXES = frozenset(
    {
        "后第一天",
        "后的第一天",
        "后上班第一天",
        "后第一天上班",
        "后第一个工作日",
        "之后第一个工作日",
        "以后第一个工作日",
        "后上班",
        "收假后",
        "之后",
        "以后",
        "后",
    }
)
_FIRST_WORKDAY_SUFFIXES = frozenset(
    {"后第一个工作日", "之后第一个工作日", "以后第一个工作日", "后上班第一天", "后第一天上班"}
)
_AFTER_WEEKDAY = re.compile(r"(?:之|以)?后的?第一个(?:周|星期|礼拜)(?P<wd>[一二三四五六日天])")
_BEFORE_WEEKDAY = re.compile(r"(?:之|以)?前的?最后一个(?:周|星期|礼拜)(?P<wd>[一二三四五六日天])")
_BEFORE_SUFFIXES = frozenset({"之前", "以前", "前"})
_BARE_NEEDS_CONTEXT = frozenset({"十一", "五一", "六一", "小年"})
_PLACE_AFTER = re.compile(r"(?:路|街|广场|大道|村|小区|中学|小学|号|点|班|厂|轻|大楼|商场|月)")


# Public holidays of a day whose break (元旦假期, 清明放假) the schedule stretches over the days off
# around it: 元旦后 is after the break (the held-out blind9 and blind33 read it so).
_SHORT_BREAKS = frozenset({"元旦", "清明", "端午", "中秋"})
_BREAK_REACH = 3


def _days_off_around(c: _Ctx, day: date) -> tuple[date, date]:
    start = end = day
    for _ in range(_BREAK_REACH):
        if c.workdays.is_workday(start - timedelta(days=1)):
            break
        start -= timedelta(days=1)
    for _ in range(_BREAK_REACH):
        if c.workdays.is_workday(end + timedelta(days=1)):
            break
        end += timedelta(days=1)
    return start, end


def _holiday(c: _Ctx, key: str, suffix: str, year: int | None) -> _D | None:
    years = [year] if year is not None else [c.today.year - 1, c.today.year, c.today.year + 1]
    for y in years:
        first_day = HOLIDAYS[key].first_day(y)
        p_start, p_end = (
            holiday_period(key, y) if key in ("春节", "国庆", "劳动节") else (first_day, first_day)
        )
        if key in _SHORT_BREAKS and not c.workdays.is_workday(first_day):
            p_start, p_end = _days_off_around(c, first_day)  # (元旦放假: 1–3 January 2026)
        end: date | None = None
        deadline = False
        if suffix in _PERIOD_SUFFIXES:
            start = p_start
            end = p_end if p_end != p_start else None
            probe = p_end
        elif suffix in _AFTER_SUFFIXES:
            start = p_end + timedelta(days=1)
            if suffix in _FIRST_WORKDAY_SUFFIXES:
                # 元旦后第一个工作日: 2026 Sunday 4 January (调休), 2027 Monday 4 January.
                start = c.workdays.on_or_after(start)
            probe = start
        elif (weekday := _AFTER_WEEKDAY.fullmatch(suffix)) is not None:
            after = p_end + timedelta(days=1)  # 元宵节后第一个礼拜一: the first Monday after it
            start = after + timedelta(days=(_WEEKDAY_X[weekday["wd"]] - after.weekday()) % 7)
            probe = start
        elif (weekday := _BEFORE_WEEKDAY.fullmatch(suffix)) is not None:
            eve = first_day - timedelta(days=1)  # 春节前最后一个礼拜五: the last Friday before it
            start = eve - timedelta(days=(eve.weekday() - _WEEKDAY_X[weekday["wd"]]) % 7)
            probe = start
        elif suffix in _BEFORE_SUFFIXES:
            start = first_day - timedelta(days=1)
            deadline = True
            probe = start
        elif suffix == "前一天" or suffix == "前夕":
            start = first_day - timedelta(days=1)
            probe = start
        elif suffix == "后一天":
            start = first_day + timedelta(days=1)
            probe = start
        elif suffix == "前后":
            return _vague()
        elif (shift := _holiday_shift(suffix)) is not None:
            if shift > 0 and p_end != p_start:
                return _vague()  # 国庆后三天: counted from the 1st or from the 7th?
            start = first_day + timedelta(days=shift)
            probe = start
        else:
            start = first_day
            probe = start
        if year is not None:
            if year == c.today.year and probe < c.today:
                return _vague()  # 今年春节 said after it: which one is meant?
            return _D(start, "holiday", end=end, deadline=deadline)
        if probe >= c.today:
            return _D(start, "holiday", end=end, deadline=deadline)
        if suffix in _AFTER_SUFFIXES and probe + _STILL_AFTER >= c.today:
            return _vague()  # 年后第一次出门 said two weeks after 春节: now, not next year's
    return None


# How long after a festival its 后 (年后, 节后) still means the days one is in, not next year's.
_STILL_AFTER = timedelta(days=30)


_SHIFT = re.compile(
    r"(?:之|以)?(?P<dir>[前后])(?P<n>[0-9]{1,2}|[一二两三四五六七八九十]{1,2})(?P<u>.+)"
)


def _holiday_shift(suffix: str) -> int | None:
    """Days from a festival's first day named by 前一周 / 后两天 …"""
    m = _SHIFT.fullmatch(suffix)
    if m is None:
        return None
    n = _num(m["n"], 1, 99)
    if n is None:
        return None
    days = n if m["u"] in ("天", "日") else 7 * n
    return -days if m["dir"] == "前" else days


# 清明假期后第一个工作日 is 清明后第一个工作日: the holiday's own days are the break
_BREAK_ENDS = re.compile(rf"^{_BREAK_SAID}(?=(?:之|以)?后.)")
# 国庆回来上班第一天 is 国庆后第一个工作日
_BACK_FROM = re.compile(r"^回来.+")

# (…去海南万宁过年: a place gone to right before 过年)
_GONE_FOR = re.compile(r"(?:去|回|到|在)[\u4e00-\u9fff]{1,8}$")


def _h_holiday(m: re.Match[str], c: _Ctx, prev: _D | None) -> _D | None:
    name = m["h"]
    suffix = _BACK_FROM.sub("后第一个工作日", _BREAK_ENDS.sub("", m["suf"] or ""))
    if name in _BARE_NEEDS_CONTEXT:
        if name == "十一" and not suffix:
            return None  # 十一 alone is eleven
        if not suffix and not m["jie"] and _PLACE_AFTER.match(_after(c.text, m.end(), 2)):
            return None  # 五一路, 五一广场, 小年轻
    year: int | None = None
    if m["pre"]:
        pre = m["pre"].replace(" ", "")
        year = int(pre[:4]) if pre[0].isdigit() else _year_word(pre, c)
        if not 1901 <= year <= 2099:
            return None
    if (
        name == "过年"
        and not suffix
        and _GONE_FOR.search(c.text, max(0, m.start() - 10), m.start())
    ):
        return None  # 去海南万宁过年, 回老家过年: what the trip is for, not a day
    if name == "过年" and not suffix and c.text.startswith(("也", "都", "还"), m.end()):
        return None  # 过年也闲不下来: the season one is in, no day
    if name == "过年" and not suffix and _in_new_year(c.today):
        return None  # 过年收到的名片 said on 初四: this year's, just gone or under way
    if name in ("过完年", "过了年"):
        if suffix:
            return None
        suffix = "后"
    if not suffix and year is None and c.text.startswith("调休", m.end()):
        # (元旦调休今天礼拜天上班 said on 4 January: the make-up day of the one just gone)
        just_gone = HOLIDAYS[_HOLIDAY_NAMES[name]].first_day(c.today.year)
        if just_gone <= c.today <= just_gone + _STILL_AFTER:
            return _vague()
    return _holiday(c, _HOLIDAY_NAMES[name], suffix, year)


def _in_new_year(today: date) -> bool:
    """From 春节 to 元宵 (the fifteenth day): 过年 is the festival one is in."""
    first = HOLIDAYS["春节"].first_day(today.year)
    return first <= today <= first + timedelta(days=14)


def _h_new_year(m: re.Match[str], c: _Ctx, prev: _D | None) -> _D | None:
    return _holiday(c, "春节", m["suf"], None)


# 节前 with no festival named: the eve of the one public holiday just ahead (节前把对账函寄过去
# said in early February is 春节前). Not read when none, or two, are that near (中秋 and 国庆).
RE_BARE_FESTIVAL_EVE = re.compile(
    # (节前节后都行: either, no deadline)
    r"(?<![\u4e00-\u9fff])[节節](?P<suf>之前|以前|前)(?![天年后台面往进景途两几夕一三五十后])"
    r"(?![\s、,，和或]*[节節]?(?:之|以)?[后後])"
)
_NEAR_FESTIVALS = (("春节", 30), ("国庆", 21), ("劳动节", 14), ("端午", 14), ("中秋", 14))


def _h_bare_festival_eve(m: re.Match[str], c: _Ctx, prev: _D | None) -> _D | None:
    near = []
    for key, within in _NEAR_FESTIVALS:
        for y in (c.today.year, c.today.year + 1):
            first = HOLIDAYS[key].first_day(y)
            if c.today < first <= c.today + timedelta(days=within):
                near.append(first)
    if len(near) != 1:
        return None
    return _D(near[0] - timedelta(days=1), "holiday", deadline=True)


# 节后第一个工作日, 放假回来上班第一天 with no festival named: the first working day after the
# one public holiday just ahead or under way (said on 13 February 2026, 春节's break ends on the
# 23rd: the 24th). Not read when none, or two, are that near (中秋 and 国庆).
RE_BARE_FESTIVAL_BACK = re.compile(
    r"(?<![秋午旦明春庆动宵夕阳诞恩年一])(?:[节節]|长假|假期|放假|收假)"
    r"(?:(?:之|以)?后|过后|结束后?|回来)(?:的|回来)?" + _FIRST_DAY_BACK
)
_BREAKS = (*_NEAR_FESTIVALS, ("清明", 14), ("元旦", 14))


def _h_bare_festival_back(m: re.Match[str], c: _Ctx, prev: _D | None) -> _D | None:
    backs = set()
    for key, within in _BREAKS:
        for y in (c.today.year - 1, c.today.year, c.today.year + 1):
            start, end = holiday_period(key, y)
            back = c.workdays.on_or_after(end + timedelta(days=1))
            if start - timedelta(days=within) <= c.today <= back:
                backs.add(back)
    if len(backs) != 1:
        return None
    return _D(backs.pop(), "holiday")


# --- lunar

_LUNAR_MONTHS = {"正": 1, "冬": 11, "腊": 12}
RE_LUNAR = re.compile(
    NB + rf"(?:(?P<y>{YEAR})\s*年\s*(?:的)?\s*)?(?P<pfx>农历|阴历|旧历|夏历|老历)?\s*(?:的\s*)?"
    rf"(?:(?P<y2>{YEAR})\s*年\s*)?(?P<leap>闰)?\s*"
    r"(?P<m>正|冬|腊|十一|十二|[一二三四五六七八九十]|1[0-2]|0?[1-9])\s*月\s*(?:的)?\s*"
    r"(?P<d>初[一二三四五六七八九十]|二十[一二三四五六七八九]|[二三]十|廿[一二三四五六七八九]?|卅|"
    r"十[一二三四五六七八九]?|[一二三四五六七八九]|[0-9]{1,2})\s*(?P<suf>[日号])?"
    # (3月2号 农历的, 3月2号(农历): the calendar said after the day)
    # (never the opening of a restatement: 2月5号（农历腊月廿九）, 3月2号 阴历正月十四)
    r"(?P<post>\s*[(（]\s*(?:是|按)?(?:农历|阴历|旧历)(?:的)?\s*[)）]"
    r"|\s*(?:是|按)?(?:农历|阴历|旧历)的?(?=\s*(?:$|[,，。;；!！?？)）])))?"
)


RE_DANIAN = re.compile(r"大年初(?P<d>[一二三四五六七八九十])")


def _first_month_day(c: _Ctx, said: str) -> _D | None:
    """正月初X, the next one: 初三 → the third day of the lunar new year."""
    day = _num(said, 1, 10)
    if day is None or not 1901 <= c.today.year <= 2099:
        return None
    spec = LunarSpec(1, day, False, None)
    # (初二给俞总打电话拜年, said on 初四: the day just gone, not next year's)
    just_gone = next_lunar_occurrence(1, day, False, c.today - _FESTIVAL_LOOKBACK)
    if just_gone < c.today:
        return _D(just_gone, "lunar", lunar=spec, yearless=True)
    return _D(next_lunar_occurrence(1, day, False, c.today), "lunar", lunar=spec, yearless=True)


_FESTIVAL_LOOKBACK = timedelta(days=20)


def _h_danian(m: re.Match[str], c: _Ctx, prev: _D | None) -> _D | None:
    """大年初三: the third day of the lunar new year."""
    return _first_month_day(c, m["d"])


# 初八 alone, said around 春节: 正月初八 (初一学生 is a school year, 月初 the month's start).
RE_BARE_CHU = re.compile(
    r"(?<![月年大当起最0-9一二三四五六七八九十正冬腊])初(?P<d>[一二三四五六七八九十])"
    r"(?![中学生级班家个次台位条项种年])"
)
_AROUND_NEW_YEAR = timedelta(days=45)
# …or whenever the note speaks of the new year: 初八去给周总拜年 said in December
_NEW_YEAR_WORDS = re.compile(r"拜年|春节|过年|新年|年后|节后|正月")


def _h_bare_chu(m: re.Match[str], c: _Ctx, prev: _D | None) -> _D | None:
    """初八 with no month: 正月初八 when it is at most about six weeks ahead or the text speaks
    of the new year, else not read."""
    d = _first_month_day(c, m["d"])
    if d is None or (d.day - c.today > _AROUND_NEW_YEAR and not _NEW_YEAR_WORDS.search(c.text)):
        return None
    return d


def _lunar_day(text: str) -> int | None:
    if text.startswith("初"):
        return _num(text[1:], 1, 10)
    return _num(text, 1, 30)


def _h_lunar(m: re.Match[str], c: _Ctx, prev: _D | None) -> _D | None:
    month_text, day_text = m["m"], m["d"]
    signal = bool(
        m["pfx"]
        or m["post"]
        or m["leap"]
        or month_text in _LUNAR_MONTHS
        or day_text.startswith("初")
    )
    if not signal and day_text[0] in "廿卅" and not month_text.isascii():
        signal = True
    if not signal:
        return None
    if m["y"] and m["y2"]:
        return None
    month = _LUNAR_MONTHS.get(month_text) or _num(month_text, 1, 12)
    day = _lunar_day(day_text)
    if month is None or day is None:
        return None
    leap = bool(m["leap"])
    year_text = m["y"] or m["y2"]
    if year_text:
        year = _year(year_text, c)
        if year is None or not 1901 <= year <= 2099:
            return None
        if leap and leap_month(year) != month:
            return None  # 1985年闰四月: that year has no such month (see no_such_leap_month)
        spec = LunarSpec(month, day, leap, year)
        return _D(lunar_to_solar(year, month, day, leap), "lunar", lunar=spec)
    if not 1901 <= c.today.year <= 2099:
        return None
    spec = LunarSpec(month, day, leap, None)
    return _D(next_lunar_occurrence(month, day, leap, c.today), "lunar", lunar=spec, yearless=True)


# ---------------------------------------------------------------------------- components

_DATE_COMPONENTS: list[tuple[str, re.Pattern[str], DateHandler]] = [
    ("大明今后昨前", RE_REL_DAY, _h_rel_day),
    ("下", RE_NEXT_WORKDAY, _h_next_workday),
    ("今明昨", RE_REL_POD, _h_rel_pod),
    ("0123456789" + _NUMC + "百几半过再", RE_OFFSET, _h_offset),
    ("下上这本星礼周", RE_WEEKDAY, _h_weekday),
    ("下上这本周礼星", RE_WEEKEND, _h_weekend),
    ("0123456789", RE_YMD_NUM, _h_ymd_num),
    ("0123456789", RE_MD_NUM, _h_md_num),
    ("0123456789" + _NUMC + "今明去后前下上这本当", RE_YMD_CN, _h_ymd_cn),
    ("0123456789" + _NUMC, RE_DAY, _h_day),
    ("0123456789" + _NUMC, RE_DAY_RANGE, _h_day_range),
    ("0123456789" + _NUMC + "今明去后前下上这本当月", RE_MONTH_POS, _h_month_pos),
    ("0123456789今明去后年", RE_YEAR_POS, _h_year_pos),
    ("本这当今年", RE_WITHIN, _h_within),
    ("本这下", RE_QUARTER_END, _h_quarter_end),
    (
        "0123456789今明去后前元春过大农除年清五劳端七中国十重腊小情妇三儿六教平圣双跨",
        RE_HOLIDAY,
        _h_holiday,
    ),
    ("年", RE_NEW_YEAR, _h_new_year),
    ("节節", RE_BARE_FESTIVAL_EVE, _h_bare_festival_eve),
    ("节節长假放收", RE_BARE_FESTIVAL_BACK, _h_bare_festival_back),
    ("0123456789" + _NUMC + "农阴旧夏老闰正冬腊", RE_LUNAR, _h_lunar),
    ("大", RE_DANIAN, _h_danian),
    ("初", RE_BARE_CHU, _h_bare_chu),
]

_DATE_BY_FIRST: dict[str, list[tuple[re.Pattern[str], DateHandler]]] = {}
for _chars, _rx, _handler in _DATE_COMPONENTS:
    for _ch in dict.fromkeys(_chars):
        _DATE_BY_FIRST.setdefault(_ch, []).append((_rx, _handler))

# (廉主任：两点半 — after a speaker's colon, an hour that is the whole line answers for the day)
_HOUR_ENDS_LINE = r"(?:半|[0-9]{1,2}分?|[一二三四五六七八九十]{1,3}分?)?[^\S\n]*(?:吧|见|到)?[。.!！]?[^\S\n]*(?:\n|$)"
RE_TIME = re.compile(
    # (an hour right after a weekday's numeral: 周三10:30, 礼拜五3点)
    # (10点三楼会议室, 十点五号楼: a floor, a building or a room after the hour is no minute)
    # (a colon after words opens the time: 别忘了：9点半 — only one after a digit is a clock's;
    # after a speaker, only an hour that ends the line: 张总：3点前给你答复 is his own deadline)
    # (xPW3WihVL9Pm, an invite code: letters glued before the hour make it no time)
    rf"(?P<pod>{POD})?\s*(?:(?:(?<![0-9.{_NUMC}A-Za-z])(?:(?<![0-9]:)(?<![总理工任长师生姐哥]:)|(?=[0-9一二两三四五六七八九十]{{1,3}}点{_HOUR_ENDS_LINE}))|(?<=[周期拜][一二三四五六日天]))(?P<h>{H})\s*(?:"
    r":(?P<mm>[0-5][0-9])(?![0-9])"
    r"|(?P<dian>[点时])\s*(?:(?P<half>半)|(?P<q>[一1]刻|[三3]刻)"
    r"|(?P<min>[0-5][0-9]|[0-9]|[零〇][0-9一二三四五六七八九]|[一二三四五]?十[一二三四五六七八九]?|"
    # (十点一起看, 一齐, 三点一下: 一起 is "together", 一下 "a moment" — no minute)
    # (原约两点 三点更方便: the next hour said, no minute)
    # (10点三局签合同: a single numeral glued to words is theirs, no minute)
    r"(?!一(?:起|齐|下|定|直|趟|块|同|道|到))[一二三四五六七八九](?=\s*分|\s*$|[\s,，。;；!！?？]))"
    r"(?![0-9零〇一二三四五六七八九十]*\s*(?:楼|层|号|室|栋|幢|点))"
    r"\s*(?P<fen>分钟|分)?|(?P<zheng>整|钟))?"
    r"|(?=\s*(?:am|pm|a\.m\.|p\.m\.)))"
    r"(?:\s*(?P<ampm>am|pm|a\.m\.|p\.m\.)(?![a-z0-9]))?)?"
)
RE_TIME_RANGE = re.compile(
    rf"(?P<pod>{POD})?\s*(?<![0-9.])(?<![0-9]:)(?P<h>{H})\s*(?:-|~|到|至)\s*(?P<h2>{H})\s*[点时](?!半|[0-9一二三四五]|刻)"
)
_TIME_FIRST = frozenset("0123456789" + _NUMC + "上早清一大中正午下傍黄晚夜半深凌")

_POD_DEFAULT = {
    "上午": 9,
    "早上": 9,
    "早晨": 9,
    "清晨": 9,
    "一早": 9,
    "一大早": 9,
    "大早上": 9,
    "大清早": 9,
    "早": 9,
    "中午": 12,
    "正午": 12,
    "午间": 12,
    "下午": 14,
    "午后": 14,
    "傍晚": 18,
    "黄昏": 18,
    "晚上": 20,
    "晚间": 20,
    "夜里": 20,
    "夜间": 20,
    "晚": 20,
}
_MORNING = frozenset({"上午", "早上", "早晨", "清晨", "一早", "一大早", "大早上", "大清早", "早"})
_NOON = frozenset({"中午", "正午", "午间"})
_AFTERNOON = frozenset({"下午", "午后"})
_DUSK = frozenset({"傍晚", "黄昏"})
_NIGHT = frozenset({"晚上", "晚间", "夜里", "夜间", "晚"})
_LATE = frozenset({"凌晨", "半夜", "深夜"})
# (早安 greets; 上午安排售后, 下午安装 say when: 安 of a verb is no greeting)
_POD_ONLY_BAD_AFTER = re.compile(
    # (晚饭 is dinner, 今晚饭局 tonight's dinner party)
    r"(?:好|茶|饭(?!局)|餐|班|报|安(?![排装置顿检])|自习|市|课|场|间|会儿|点儿|些|一点|点)"
)
_BARE_HOUR_BAD_AFTER = re.compile(
    r"(?:要|建议|意见|问题|原因|内容|注意|看法|想法|优势|好处|理由|需求|说明|不足|疑问|共识|结论|"
    r"几|多个|儿|的|是|就|也|都|和|需|事|个|项|条|方面|重|请|，|,)"
)
_BARE_HOUR_OK_AFTER = re.compile(
    r"\s*(?:$|到|至|-|~|前|之前|以前|见|开|出发|集合|碰头|左右|会|拜访|打|电话|联系|过来|过去|来|去|在|"
    # 下周三下午去华东电力设计院 三点 跟王局汇报方案: whom the hour is with
    r"跟(?!进)|和|同|找|给|汇报|讲|"
    r"[。.!！?？；;、,\s])"
)
# 十点吧, a chat's answer to 几点方便, is read as 10点吧 is (一点吧 is "a bit": 再优惠一点吧).
_BARE_HOUR_BA = re.compile(r"吧\s*(?:$|[。.!！?？；;,，\s])")
_MOVE_BEFORE = frozenset("涨跌降升让返扣加减提")
_ADJ_BEFORE = frozenset("早晚快慢多少高低大小好贵宜远近长短轻重强弱差有这第几两再稍")


def _hour(h: int, pod: str | None, padded: bool) -> tuple[int, int] | None:
    """24-hour clock hour and day shift for hour ``h`` said with part of day ``pod``."""
    if h > 24:
        return None
    if h == 24:
        return (0, 1) if pod is None or pod in _NIGHT or pod in _LATE else None
    if pod is None:
        if padded or h == 0 or h >= 13 or h >= 7:
            return h, 0
        return h + 12, 0  # business hours: 1–6 are afternoon
    if pod in _MORNING:
        return (h, 0) if h <= 12 else None
    if pod in _NOON:
        if h in (11, 12) or h >= 13:
            return h, 0
        return (h + 12, 0) if 1 <= h <= 3 else None
    if pod in _AFTERNOON:
        if 1 <= h <= 11:
            return h + 12, 0
        return (h, 0) if h == 12 or 13 <= h <= 19 else None
    if pod in _DUSK:
        if 4 <= h <= 8:
            return h + 12, 0
        return (h, 0) if 16 <= h <= 20 else None
    if pod in _NIGHT:
        if 5 <= h <= 11:
            return h + 12, 0
        if h == 12 or h == 0:
            return 0, 1
        return (h, 0) if 17 <= h <= 23 else None
    # 凌晨 / 半夜 / 深夜
    if h == 12:
        return 0, 0
    if pod != "凌晨" and h in (10, 11):
        return h + 12, 0
    return (h, 0) if h <= 6 else None


_A_DECIMAL_OF = re.compile(
    r"\s*(?:倍|成|万|亿|千|百|米|吨|公斤|斤|个|%|元|块|折|级|度|寸|平|方|亩|公里)"
)


def _minute(m: re.Match[str]) -> int | None:
    if m["mm"]:
        return int(m["mm"])
    if m["half"]:
        return 30
    if m["q"]:
        return 15 if m["q"][0] in "一1" else 45
    text = m["min"]
    if text:
        if len(text) == 1 and not m["fen"] and text.isascii():
            return None  # 3点5: 3:05 or 3:30? ask
        if len(text) == 1 and not m["fen"] and _A_DECIMAL_OF.match(m.string, m.end()):
            return None  # 一点二倍, 三点五万, 一点五个点: a decimal, no hour at all
        if text[0] in "零〇":
            text = text[1:]
        return _num(text, 0, 59)
    return 0


_CN_DIGIT_ORDER = "一二三四五六七八九十"


def _approximate_hours(
    m: re.Match[str], h_text: str, pod: str | None, anchored: bool
) -> tuple[_T, int] | None:
    """三四点 / 两三点: between two neighbouring hours, read as the range 15:00–16:00."""
    if len(h_text) != 2 or not m["dian"] or m["min"] or m["half"] or m["q"]:
        return None
    first = "二" if h_text[0] == "两" else h_text[0]
    a, b = _CN_DIGIT_ORDER.find(first), _CN_DIGIT_ORDER.find(h_text[1])
    if a < 0 or b != a + 1 or (pod is None and not anchored):
        return None
    start, end = _hour(a + 1, pod, False), _hour(b + 1, pod, False)
    if start is None or end is None or (end[1], end[0]) <= (start[1], start[0]):
        return None
    return _T(start[0], 0, start[1], pod, end=(end[0], 0, end[1])), m.end()


def _match_time(c: _Ctx, pos: int, pod_hint: str | None, anchored: bool) -> tuple[_T, int] | None:
    """A time of day at ``pos``. ``anchored``: a date or a first time precedes it."""
    s = c.text
    if pos >= len(s) or s[pos] not in _TIME_FIRST:
        return None
    rm = RE_TIME_RANGE.match(s, pos)
    if rm is not None:
        pod = rm["pod"] or pod_hint
        h1, h2 = _num(rm["h"], 0, 24), _num(rm["h2"], 0, 24)
        if h1 is not None and h2 is not None:
            a = _hour(h1, pod, rm["h"].startswith("0"))
            b = _hour(h2, pod, rm["h2"].startswith("0"))
            if a is not None and b is not None and pod is None and a[0] > b[0] and h2 < 12:
                b = (h2 + 12, 0) if h2 + 12 < 24 else b
            if a is not None and b is not None and (b[1], b[0]) > (a[1], a[0]):
                return _T(a[0], 0, a[1], pod, end=(b[0], 0, b[1])), rm.end()
    m = RE_TIME.match(s, pos)
    if m is None or m.end() == pos:
        return None
    pod = m["pod"]
    if m["h"] is None:
        if pod is None:
            return None
        # A part of day alone: 下午, 晚上 (早 / 晚 alone are not times).
        if pod in ("早", "晚") and pod_hint is None:
            return None
        if _POD_ONLY_BAD_AFTER.match(s, m.end()):
            return None
        if (
            pod_hint is None
            and _before(s, pos, 1) in ("一", "整", "全", "个", "半")
            and _before(s, pos - 1, 1) not in ("周", "期", "拜")  # 周一上午 is Monday morning
        ):
            return None  # 一上午都在开会: a duration
        if pod in _LATE:
            return None
        return _T(_POD_DEFAULT[pod], 0, 0, pod, defaulted=True), m.end()
    effective_pod = pod or pod_hint
    h_text = m["h"]
    h = _num(h_text, 0, 24)
    if h is None:
        return _approximate_hours(m, h_text, effective_pod, anchored)
    minute = _minute(m)
    if minute is None:
        return None
    ampm = m["ampm"]
    if m["mm"] is None and m["dian"] is None and not ampm:
        return None
    if ampm:
        if not 1 <= h <= 12:
            return None
        if effective_pod is not None:
            evening = (
                effective_pod in _AFTERNOON or effective_pod in _DUSK or effective_pod in _NIGHT
            )
            if evening != ampm.startswith("p"):
                return None  # 早上9pm: which one?
            effective_pod = None
        h = (h % 12) + (12 if ampm.startswith("p") else 0)
        h_text = f"{h:02d}"  # now a 24-hour clock value
    if pod in ("早", "晚") and h_text in ("一", "两", "二") and not (m["half"] or m["min"]):
        return None  # 早一点 / 晚两点儿: "a bit earlier", not 1 o'clock
    resolved = _hour(h, effective_pod, len(h_text) == 2 and h_text.startswith("0"))
    if resolved is None:
        return None
    if effective_pod is None and not anchored and not ampm:
        detail = m["mm"] or m["half"] or m["q"] or m["min"] or m["zheng"]
        if not detail:
            if _BARE_HOUR_BAD_AFTER.match(s, m.end()):
                return None
            before = s[pos - 1] if pos else ""
            if not h_text.isascii():
                ba = h_text != "一" and _BARE_HOUR_BA.match(s, m.end())
                # (不对是四点 三点他有会: a space said after the hour ends it)
                spaced = s[m.end() - 1 : m.end()].isspace()
                if before in _ADJ_BEFORE or not (
                    _BARE_HOUR_OK_AFTER.match(s, m.end()) or ba or spaced
                ):
                    return None
            elif before and before in "有这第几":
                return None
            if any(ch in _MOVE_BEFORE for ch in _before(s, pos, 2)):
                return None  # 涨了3点, 降3点: percentage points
    return _T(resolved[0], minute, resolved[1], effective_pod), m.end()


# ---------------------------------------------------------------------------- scanner


def _match_date(c: _Ctx, pos: int, prev: _D | None) -> tuple[_D, int] | None:
    comps = _DATE_BY_FIRST.get(c.text[pos]) if pos < len(c.text) else None
    if not comps:
        return None
    best: tuple[_D, int] | None = None
    for rx, handler in comps:
        m = rx.match(c.text, pos)
        if m is None or m.end() == pos:
            continue
        if best is not None and m.end() <= best[1]:
            continue
        piece = handler(m, c, prev)
        if piece is not None:
            best = (piece, m.end())
    if best is not None:
        # trim trailing spaces eaten by optional groups
        end = best[1]
        while end > pos and c.text[end - 1] == " ":
            end -= 1
        best = (best[0], end)
    return best


def _confirm(c: _Ctx, d: _D, pos: int) -> int:
    """Swallow a restated weekday or date: 3月5日(周四), 下周三(12/2).

    A restatement that disagrees makes the piece vague.
    """
    s = c.text
    if d.kind in ("md", "dom", "lunar", "holiday", "pos", "abs"):
        m = _CONFIRM_WEEKDAY.match(s, pos)
        if m is None and _LIST_LINE_SO_FAR.search(s, 0, pos):
            m = _LISTED_WEEKDAY.match(s, pos)
            if m is not None and _WEEKDAY_X[m[1]] != d.day.weekday():
                m = None
        if m is not None:
            said = _WEEKDAY_X[m[1]]
            before = _year_before(d.day) if d.kind == "md" and d.yearless else None
            if said != d.day.weekday() and before is not None and said == before.weekday():
                d.day = before  # 12月5日 周六 on 7 December: the Saturday just past
            elif said != d.day.weekday():
                d.vague = True
            return m.end()
    elif d.kind == "rel" and d.end is None and not d.deadline:
        # 昨天礼拜天, 明天周五: the same day named twice, never a second day of its own; a day
        # gone by said with the wrong weekday (昨天礼拜天 on a Saturday) is neither day — read
        # on its own, the weekday set a reminder ahead for a deed already done
        m = _CONFIRM_WEEKDAY.match(s, pos)
        if m is not None and _WEEKDAY_X[m[1]] == d.day.weekday():
            return m.end()
        if m is not None and d.day < c.today:
            d.vague = True  # (a day gone by said with the wrong weekday: which one? neither)
            return m.end()
    elif d.kind == "week":
        m = _CONFIRM_DATE.match(s, pos)
        if m is not None:
            month, day = (m[1], m[2]) if m[1] else (m[3], m[4]) if m[3] else (None, m[5])
            if int(day) != d.day.day or (month is not None and int(month) != d.day.month):
                # Thursday Dec 17 (周四 12月17日): a weekday said alone and a full date that
                # falls on it, ahead — the date says which Thursday
                dated = _valid(c.today.year, int(month), int(day)) if month is not None else None
                if dated is not None and month is not None and dated < c.today:
                    dated = _valid(c.today.year + 1, int(month), int(day))
                if month is None:  # 周五（21号）on Sunday the 23rd: the Friday just past
                    dated = next(
                        (
                            k
                            for k in (c.today + timedelta(days=n) for n in range(-7, 15))
                            if k.day == int(day) and k.weekday() == d.day.weekday()
                        ),
                        None,
                    )
                # (下周一(14号): the date said says which Monday)
                if (
                    dated is not None
                    and dated.weekday() == d.day.weekday()
                    and (d.bare or month is None)
                ):
                    d.day = dated
                else:
                    d.vague = True
            return m.end()
    return pos


def _year_before(day: date) -> date | None:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 2月29日
        return None


def _combine(c: _Ctx, day: date, t: _T | None) -> date | datetime:
    if t is None:
        return day
    d = day + timedelta(days=t.shift) if t.shift else day
    return datetime(d.year, d.month, d.day, t.hour, t.minute, tzinfo=c.tz)


def _as_dt(value: date | datetime) -> datetime:
    if isinstance(value, datetime):
        return value.replace(tzinfo=None)
    return datetime(value.year, value.month, value.day)


@dataclass(slots=True)
class _Found:
    when: When | None  # None: a vague expression that swallowed its text
    start: int
    end: int
    dated: bool = False  # a date was named (not only a time of day)


_AFTERNOON_FROM = 13
# 今天（周三）下午: the calendar's day named again right after 今天
_DAY_NAMED_AGAIN = re.compile(r"[天日]?\s*[(（]\s*(?:周|星期|礼拜)")


def _the_evening_just_ended(c: _Ctx, d: _D, t: _T, s: str, i: int) -> bool:
    """今天晚上, 今天下午 said before dawn: the afternoon or evening just gone, the nearer one
    (今天上午 is still the morning ahead; 今天（周三）下午 names the calendar's day itself)."""
    return (
        c.now.hour < DAWN_HOUR
        and s.startswith("今", i)
        and d.kind == "rel"
        and t.hour >= _AFTERNOON_FROM
        and _DAY_NAMED_AGAIN.match(s, i + 1) is None
    )


_EVENINGS = frozenset(("晚", "晚上"))
_EVENING_REACH = 30


def _evening_before(c: _Ctx, i: int) -> str | None:
    """The evening said just before a bare hour, in the same sentence."""
    at = c.evening_at
    if at is None or i - at > _EVENING_REACH or any(x in c.text[at:i] for x in "。;\n"):
        return None
    return "晚"


def _parse_at(c: _Ctx, i: int) -> _Found | None:
    s = c.text
    dm = _match_date(c, i, None)
    d: _D | None = None
    j = i
    if dm is not None:
        d, j = dm
        if d.vague:
            return _Found(None, i, j)
        j = _confirm(c, d, j)
        if d.vague:
            return _Found(None, i, j)
    t: _T | None = None
    if d is None or d.kind != "moment":
        k = _GAP.match(s, j).end() if d is not None else i  # type: ignore[union-attr]
        tm = _match_time(c, k, d.pod if d is not None else _evening_before(c, i), d is not None)
        if tm is not None:
            t, j = tm
        elif d is not None and d.pod is not None:
            default = _POD_DEFAULT.get(d.pod)
            if default is not None:
                t = _T(default, 0, 0, d.pod, defaulted=True)
    if d is None and t is None:
        return None
    if d is not None and d.moment is not None:
        start: date | datetime = d.moment.astimezone(c.tz) if c.tz else d.moment
        return _Found(When(start, None, (i, j), deadline=d.deadline), i, j)
    context = c.context_day
    by_then = c.context_by_then_end
    # (…确认年前发货，下午去拜访…: a by-then day lends no day to a later clause's part of the
    # day — 年底最后一天下午4点前 is its own afternoon)
    if (
        d is None
        and by_then is not None
        and re.search(r"[,，。;；\n]", s[by_then:i])
        and not _SAME_ERRANDS_TIME.search(s, by_then, i)
        and not _SAME_ERRANDS_TIME_AFTER.match(s, j)
    ):
        context = None
    base = d.day if d is not None else (context or c.today)
    if d is not None and t is not None and _the_evening_just_ended(c, d, t, s, i):
        base -= timedelta(days=1)
    start = _combine(c, base, t)
    end: date | datetime | None = None
    if t is not None and t.end is not None:
        end = _combine(c, base, _T(t.end[0], t.end[1], t.end[2]))
    elif d is not None and d.end is not None:
        end = d.end
    # ----- range: 12月3日-5日, 下周二到周四, 下午3点到5点
    if end is None and d is not None and t is None:
        # 下星期一至三, 下周一到四: the same week's later day, its weekday word said once
        upto = _SAME_WEEK_UPTO.match(s, j)
        if upto is not None and _WEEKDAY_SAID.search(s, i, j):
            ahead = _WEEKDAY_X[upto["wd"] or upto["wd2"]] - d.day.weekday()
            if ahead > 0:
                end, j = d.day + timedelta(days=ahead), upto.end()
    if end is None:
        sep = _RANGE_SEP.match(s, j)
        if sep is not None and sep.end() > j:
            k = sep.end()
            d2: _D | None = None
            dm2 = _match_date(c, k, d) if d is not None else None
            if dm2 is not None and not dm2[0].vague and dm2[0].kind != "moment":
                d2, k = dm2
                k = _confirm(c, d2, k)
                if d2.vague:
                    d2 = None
            t2: _T | None = None
            if d2 is not None or t is not None:
                k2 = _GAP.match(s, k).end() if d2 is not None else k  # type: ignore[union-attr]
                tm2 = _match_time(c, k2, (t.pod if t is not None and d2 is None else None), True)
                if tm2 is not None:
                    t2, k = tm2
                elif d2 is not None and d2.pod is not None and d2.pod in _POD_DEFAULT:
                    t2 = _T(_POD_DEFAULT[d2.pod], 0, 0, d2.pod, defaulted=True)
            candidate: date | datetime | None = None
            if d2 is not None:
                candidate = _combine(c, d2.day, t2)
            elif t2 is not None and t is not None and (d is None or d.end is None):
                candidate = _combine(c, base, t2)
                if _as_dt(candidate) <= _as_dt(start) and t2.pod is None and t2.hour < 12:
                    candidate = _combine(c, base, _T(t2.hour + 12, t2.minute, t2.shift))
                elif _as_dt(candidate) <= _as_dt(start) and t2.pod in _LATE:
                    candidate = _combine(c, base, _T(t2.hour, t2.minute, t2.shift + 1))
            if candidate is not None:
                if _as_dt(candidate) < _as_dt(start):
                    return _Found(None, i, k)  # 12月5日到12月3日: a slip, ask
                end, j = candidate, k
    if end is not None and d is not None and d.kind == "md" and d.yearless and t is None:
        # (12月8日-9日 written on the 9th: the days under way, not next year's)
        first, last = _year_before(d.day), _year_before(_as_dt(end).date())
        if first is not None and last is not None and first <= c.today <= last:
            start, end = first, last
    deadline = d.deadline if d is not None else False
    ds = _DEADLINE_SUFFIX.match(s, j)
    if ds is not None and (d is None or d.kind not in ("holiday",)):
        deadline, j = True, ds.end()
    if end is not None and _as_dt(end) < _as_dt(start):
        return _Found(None, i, j)
    part = t.pod if t is not None and t.defaulted else None
    when = When(
        start=start,
        end=end,
        span=(i, j),
        lunar=d.lunar if d is not None else None,
        deadline=deadline,
        yearless=d.yearless if d is not None else False,
        part_of_day=part,
        hour_only=d is None and c.context_day is None and (t is None or t.pod is None),
    )
    return _Found(when, i, j, dated=d is not None)


_TRIGGERS = frozenset(_DATE_BY_FIRST) | _TIME_FIRST


def scan(text: str, now: datetime, workdays: WorkCalendar = MAINLAND) -> list[_Found]:
    """Every non-overlapping expression in normalized ``text``, in order (vague ones included)."""
    c = _Ctx(now, now.date(), now.tzinfo, text, workdays=workdays)
    found: list[_Found] = []
    i = 0
    n = len(text)
    while i < n:
        if text[i] not in _TRIGGERS:
            i += 1
            continue
        f = _parse_at(c, i)
        if f is None:
            i += 1
            continue
        if _RECURRING.search(text, max(0, i - 3), i):
            f = _Found(None, f.start, f.end)  # 每周三, 每月5号: recurring, not one date
        found.append(f)
        w = f.when
        if w is not None and f.dated and w.end is None:
            c.context_day = w.day
            c.context_by_then_end = f.end if w.deadline else None
            c.evening_at = f.end if w.part_of_day in _EVENINGS else None
        i = max(f.end, i + 1)
    return found
