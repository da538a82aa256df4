"""parse_when by the coverage bullets of issue 3, each with explicit expected values.

Reference times (Asia/Shanghai): MON = 2026-11-23 Mon 10:00, WED = 2026-12-30 Wed 18:00,
EVE = 2027-02-05 Fri 09:30 (除夕), SUN = 2025-06-15 Sun 14:00, LEAP = 2028-02-29 Tue 08:00.
"""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from parsing.dates import LunarSpec, When, find_all_when, parse_when, remainder

TZ = ZoneInfo("Asia/Shanghai")
MON = datetime(2026, 11, 23, 10, 0, tzinfo=TZ)
WED = datetime(2026, 12, 30, 18, 0, tzinfo=TZ)
EVE = datetime(2027, 2, 5, 9, 30, tzinfo=TZ)
SUN = datetime(2025, 6, 15, 14, 0, tzinfo=TZ)
LEAP = datetime(2028, 2, 29, 8, 0, tzinfo=TZ)


def at(y: int, m: int, d: int, hh: int, mm: int = 0) -> datetime:
    return datetime(y, m, d, hh, mm, tzinfo=TZ)


def start(text: str, now: datetime = MON) -> date | datetime | None:
    w = parse_when(text, now)
    return None if w is None else w.start


def check(text: str, now: datetime, expected: date | datetime | None) -> None:
    got = start(text, now)
    assert got == expected, f"{text!r}: {got!r} != {expected!r}"
    if expected is not None:
        assert isinstance(got, datetime) == isinstance(expected, datetime), text


# ----------------------------------------------------------------------------- the answer


def test_when_carries_time_span_and_rest_of_sentence() -> None:
    text = "约了张总下周三下午3点见面"
    w = parse_when(text, MON)
    assert w == When(start=at(2026, 12, 2, 15), span=(4, 11))
    assert w.has_time and w.day == date(2026, 12, 2) and not w.is_range
    assert text[w.span[0] : w.span[1]] == "下周三下午3点"
    assert remainder(text, w) == "约了张总见面"
    assert w.start.tzinfo is TZ  # type: ignore[union-attr]


def test_find_all_when_reads_every_expression_in_order() -> None:
    text = "今天拜访了王局长,他下周二到周四在北京开会,生日是农历三月初八。下周五再跟进报价"
    found = find_all_when(text, MON)
    assert [(w.start, w.end) for w in found] == [
        (date(2026, 11, 23), None),
        (date(2026, 12, 1), date(2026, 12, 3)),
        (date(2027, 4, 14), None),
        (date(2026, 12, 4), None),
    ]
    assert found[2].lunar == LunarSpec(3, 8, False, None) and found[2].yearless
    assert [text[a:b] for a, b in (w.span for w in found)] == [
        "今天",
        "下周二到周四",
        "农历三月初八",
        "下周五",
    ]


def test_span_indexes_the_original_text_with_traditional_and_full_width() -> None:
    text = "🎉週五下午３點見"
    w = parse_when(text, MON)
    assert w is not None and w.start == at(2026, 11, 27, 15)
    assert text[w.span[0] : w.span[1]] == "週五下午３點"


# ----------------------------------------------------------------------------- relative days


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("今天", date(2026, 11, 23)),
        ("明天", date(2026, 11, 24)),
        ("后天", date(2026, 11, 25)),
        ("大后天", date(2026, 11, 26)),
        ("昨天", date(2026, 11, 22)),
        ("前天", date(2026, 11, 21)),
        ("3天后", date(2026, 11, 26)),
        ("三天以后", date(2026, 11, 26)),
        ("5天之后", date(2026, 11, 28)),
        ("过3天", date(2026, 11, 26)),
        ("过五天再说", date(2026, 11, 28)),
        ("2周后", date(2026, 12, 7)),
        ("两周后", date(2026, 12, 7)),
        ("三个星期后", date(2026, 12, 14)),
        ("半个月后", date(2026, 12, 8)),
        ("3个月后", date(2027, 2, 23)),
        ("一年后", date(2027, 11, 23)),
        ("半年后", date(2027, 5, 23)),
        ("半小时后", at(2026, 11, 23, 10, 30)),
        ("2小时后", at(2026, 11, 23, 12)),
        ("两个小时后", at(2026, 11, 23, 12)),
        ("一个半小时后", at(2026, 11, 23, 11, 30)),
        ("10分钟后", at(2026, 11, 23, 10, 10)),
        ("一刻钟后", at(2026, 11, 23, 10, 15)),
        ("3天前", date(2026, 11, 20)),
        ("明後天", date(2026, 11, 24)),
    ],
)
def test_relative_days(text: str, expected: date | datetime) -> None:
    check(text, MON, expected)


def test_months_later_are_calendar_months_clamped() -> None:
    check("1个月后", datetime(2027, 1, 31, 9, tzinfo=TZ), date(2027, 2, 28))
    check("2个月后", WED, date(2027, 2, 28))
    check("一年后", LEAP, date(2029, 2, 28))
    check("1个月后", LEAP, date(2028, 3, 29))


@pytest.mark.parametrize(
    "text", ["过两天", "过几天再说", "几天后", "合作一年了", "要3天", "一两天后"]
)
def test_vague_or_durations_are_none(text: str) -> None:
    check(text, MON, None)


def test_within_is_a_deadline() -> None:
    w = parse_when("3天内回复", MON)
    assert w is not None and w.start == date(2026, 11, 26) and w.deadline
    w = parse_when("本周内", MON)
    assert w is not None and w.start == date(2026, 11, 29) and w.deadline


# ----------------------------------------------------------------------------- weekdays


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("周一", date(2026, 11, 23)),  # today counts as ahead
        ("周三", date(2026, 11, 25)),
        ("星期五", date(2026, 11, 27)),
        ("礼拜六", date(2026, 11, 28)),
        ("周日", date(2026, 11, 29)),
        ("星期天", date(2026, 11, 29)),
        ("礼拜天", date(2026, 11, 29)),
        ("周7", date(2026, 11, 29)),
        ("周3", date(2026, 11, 25)),
        ("这周四", date(2026, 11, 26)),
        ("本周五", date(2026, 11, 27)),
        ("下周一", date(2026, 11, 30)),
        ("下周三", date(2026, 12, 2)),
        ("下个星期二", date(2026, 12, 1)),
        ("下礼拜五", date(2026, 12, 4)),
        ("下下周三", date(2026, 12, 9)),
        ("上周五", date(2026, 11, 20)),
        ("本周末", date(2026, 11, 28)),
        ("这周末", date(2026, 11, 28)),
        ("下周末", date(2026, 12, 5)),
        ("禮拜天", date(2026, 11, 29)),
    ],
)
def test_weekdays_from_a_monday(text: str, expected: date) -> None:
    check(text, MON, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("周三", date(2026, 12, 30)),  # today
        ("周二", date(2027, 1, 5)),  # already past this week: next week's
        ("周五", date(2027, 1, 1)),
        ("下周三", date(2027, 1, 6)),
        ("本周末", date(2027, 1, 2)),
    ],
)
def test_weekdays_from_a_wednesday(text: str, expected: date) -> None:
    check(text, WED, expected)


def test_weekend_said_on_sunday_is_today() -> None:
    check("周末", SUN, date(2025, 6, 15))
    check("周六", SUN, date(2025, 6, 21))
    check("上周三", SUN, date(2025, 6, 4))


# ----------------------------------------------------------------------------- dates


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3月5日", date(2027, 3, 5)),
        ("3月5号", date(2027, 3, 5)),
        ("12月5号", date(2026, 12, 5)),
        ("11月23日", date(2026, 11, 23)),
        ("11月22日", date(2027, 11, 22)),
        ("5号", date(2026, 12, 5)),
        ("23号", date(2026, 11, 23)),
        ("31号", date(2026, 12, 31)),
        ("3.5", date(2027, 3, 5)),
        ("3/5", date(2027, 3, 5)),
        ("03-05", date(2027, 3, 5)),
        ("2025-03-05", date(2025, 3, 5)),
        ("2025/3/5", date(2025, 3, 5)),
        ("2025年3月5日", date(2025, 3, 5)),
        ("二〇二五年三月五日", date(2025, 3, 5)),
        ("二零二五年三月五日", date(2025, 3, 5)),
        ("十二月三号", date(2026, 12, 3)),
        ("十二月二十五号", date(2026, 12, 25)),
        ("十二月廿五日", date(2026, 12, 25)),
        ("85年3月5日", date(1985, 3, 5)),
        ("八五年三月五日", date(1985, 3, 5)),
        ("下个月5号", date(2026, 12, 5)),
        ("下月10号", date(2026, 12, 10)),
        ("本月25号", date(2026, 11, 25)),
        ("明年3月5日", date(2027, 3, 5)),
        ("月底", date(2026, 11, 30)),
        ("下个月底", date(2026, 12, 31)),
        ("年底", date(2026, 12, 31)),
        ("明年年底", date(2027, 12, 31)),
        ("月初", date(2026, 12, 1)),
        ("月中", date(2026, 12, 15)),
        ("下月初", date(2026, 12, 1)),
        ("３月５日", date(2027, 3, 5)),
    ],
)
def test_dates(text: str, expected: date) -> None:
    check(text, MON, expected)


def test_deadlines_and_yearless_flags() -> None:
    for text in ("月底", "年底", "周五前", "12月15号之前", "春节前"):
        w = parse_when(text, MON)
        assert w is not None and w.deadline, text
    w = parse_when("3月5日", MON)
    assert w is not None and w.yearless and not w.deadline
    w = parse_when("2027年3月5日", MON)
    assert w is not None and not w.yearless


def test_two_digit_years_pivot_ten_years_ahead() -> None:
    check("36年1月1日", MON, date(2036, 1, 1))
    check("37年1月1日", MON, date(1937, 1, 1))
    check("00年1月1日", MON, date(2000, 1, 1))


def test_feb_29_and_impossible_dates() -> None:
    check("2月29日", MON, date(2028, 2, 29))
    check("2月29日", LEAP, date(2028, 2, 29))
    check("2月28日", LEAP, date(2029, 2, 28))
    check("月底", LEAP, date(2028, 2, 29))
    for text in ("2027年2月29日", "2月30日", "13月5日", "4月31日", "0月3日"):
        check(text, LEAP, None)


@pytest.mark.parametrize(
    "text",
    [
        "采购了5000台",
        "3.5万",
        "价格12.5元",
        "单价12.5",
        "订单号2025-0305-17",
        "电话13812345678",
        "增长了15%",
        "毛利率3.5%",
        "2.5倍",
        "尺寸1.5米",
        "3-5天交货",
        "5-10万",
        "1/2的预算",
        "版本v3.5",
        "比分3:2",
        "3号楼",
        "地铁5号线",
        "1号会议室",
        "一共十一个人",
        "签了十一个月",
        "五一路的店",
        "每周三开会",
        "每月5号结算",
        "3月份",
        "下周再联系",
        "下个月见",
        "节前",
        "节后再说",
        "春节前后",
        "3月5日周三",  # 2027-03-05 is a Friday: which one is meant?
    ],
)
def test_not_dates_in_sales_notes(text: str) -> None:
    check(text, MON, None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("报价单3.5前发给他", date(2027, 3, 5)),
        ("改到3.5", date(2027, 3, 5)),
        ("3.5下午见", at(2027, 3, 5, 14)),
        ("3.5号", date(2027, 3, 5)),
        ("12.25", date(2026, 12, 25)),
    ],
)
def test_dotted_dates_need_date_context(text: str, expected: date | datetime) -> None:
    check(text, MON, expected)


def test_restated_weekday_or_date_is_swallowed_when_it_agrees() -> None:
    w = parse_when("12月3日(周四)下午2点拜访", MON)
    assert w is not None and w.start == at(2026, 12, 3, 14)
    w = parse_when("下周三(12/2)", MON)
    assert w is not None and w.start == date(2026, 12, 2)
    check("下周三(12/3)", MON, None)


# ----------------------------------------------------------------------------- times


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("上午10点", at(2026, 11, 23, 10)),
        ("早上8点半", at(2026, 11, 23, 8, 30)),
        ("中午12点", at(2026, 11, 23, 12)),
        ("中午1点", at(2026, 11, 23, 13)),
        ("下午3点", at(2026, 11, 23, 15)),
        ("下午3点半", at(2026, 11, 23, 15, 30)),
        ("下午三点一刻", at(2026, 11, 23, 15, 15)),
        ("下午3点三刻", at(2026, 11, 23, 15, 45)),
        ("下午3点10分", at(2026, 11, 23, 15, 10)),
        ("下午3:30", at(2026, 11, 23, 15, 30)),
        ("傍晚6点", at(2026, 11, 23, 18)),
        ("晚上8点", at(2026, 11, 23, 20)),
        ("晚上十二点", at(2026, 11, 24, 0)),
        ("凌晨2点", at(2026, 11, 23, 2)),
        ("15:30", at(2026, 11, 23, 15, 30)),
        ("9点05分", at(2026, 11, 23, 9, 5)),
        ("十点一刻", at(2026, 11, 23, 10, 15)),
        ("明早", at(2026, 11, 24, 9)),
        ("明早8点", at(2026, 11, 24, 8)),
        ("今晚", at(2026, 11, 23, 20)),
        ("明晚", at(2026, 11, 24, 20)),
        ("明晚7点半", at(2026, 11, 24, 19, 30)),
        ("明天上午", at(2026, 11, 24, 9)),
        ("明天中午", at(2026, 11, 24, 12)),
        ("明天下午", at(2026, 11, 24, 14)),
        ("明天晚上", at(2026, 11, 24, 20)),
        ("明天14:30", at(2026, 11, 24, 14, 30)),
        ("下週三下午3點", at(2026, 12, 2, 15)),
    ],
)
def test_times(text: str, expected: datetime) -> None:
    check(text, MON, expected)


@pytest.mark.parametrize(
    ("text", "hour"),
    [
        ("明天7点", 7),
        ("明天9点", 9),
        ("明天11点", 11),
        ("明天12点", 12),
        ("明天1点", 13),
        ("明天3点", 15),
        ("明天6点", 18),
        ("明天三点", 15),
        ("明天两点", 14),
        ("明天03:00", 3),
    ],
)
def test_bare_hours_are_business_hours(text: str, hour: int) -> None:
    check(text, MON, at(2026, 11, 24, hour))


def test_part_of_day_without_hour_is_flagged() -> None:
    w = parse_when("明天下午", MON)
    assert w is not None and w.part_of_day == "下午"
    w = parse_when("明天下午3点", MON)
    assert w is not None and w.part_of_day is None


@pytest.mark.parametrize(
    "text",
    ["有3点要求", "便宜一点", "早一点到", "晚上好", "早上好王总", "下午茶", "涨了3点", "3点5"],
)
def test_not_times(text: str) -> None:
    check(text, MON, None)


# ----------------------------------------------------------------------------- holidays


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("元旦", date(2027, 1, 1)),
        ("春节", date(2027, 2, 6)),
        ("除夕", date(2027, 2, 5)),
        ("元宵节", date(2027, 2, 20)),
        ("清明", date(2027, 4, 5)),
        ("劳动节", date(2027, 5, 1)),
        ("五一", date(2027, 5, 1)),
        ("端午节", date(2027, 6, 9)),
        ("七夕", date(2027, 8, 8)),
        ("中秋节", date(2027, 9, 15)),
        ("国庆", date(2027, 10, 1)),
        ("国庆节", date(2027, 10, 1)),
        ("重阳节", date(2027, 10, 8)),
        ("春节前", date(2027, 2, 5)),
        ("国庆前", date(2027, 9, 30)),
        ("国庆节后第一天", date(2027, 10, 8)),
        ("國慶節後第一天", date(2027, 10, 8)),
        ("春节后", date(2027, 2, 13)),
        ("十一前", date(2027, 9, 30)),
        ("十一后", date(2027, 10, 8)),
        ("年前", date(2027, 2, 5)),
        ("中秋前两天", date(2027, 9, 13)),
        ("春节前一周", date(2027, 1, 30)),
        ("明年春节", date(2027, 2, 6)),
    ],
)
def test_holidays(text: str, expected: date) -> None:
    check(text, MON, expected)


def test_holiday_periods_and_deadlines() -> None:
    w = parse_when("十一期间", MON)
    assert w is not None and (w.start, w.end) == (date(2027, 10, 1), date(2027, 10, 7))
    w = parse_when("春节假期", MON)
    assert w is not None and (w.start, w.end) == (date(2027, 2, 5), date(2027, 2, 12))
    w = parse_when("春节前", MON)
    assert w is not None and w.deadline
    check("春节前", EVE, date(2027, 2, 5))  # said on 除夕 itself
    check("端午", SUN, date(2026, 6, 19))  # 2025's is past
    check("清明", LEAP, date(2028, 4, 4))


def test_eleven_is_national_day_only_in_date_context() -> None:
    check("十一", MON, None)
    check("一共十一个", MON, None)
    check("十一假期去哪", MON, date(2027, 10, 1))


# ----------------------------------------------------------------------------- ranges


@pytest.mark.parametrize(
    ("text", "now", "expected"),
    [
        ("12月3日-5日", MON, (date(2026, 12, 3), date(2026, 12, 5))),
        ("12月3日至5日", MON, (date(2026, 12, 3), date(2026, 12, 5))),
        ("12月3-5日", MON, (date(2026, 12, 3), date(2026, 12, 5))),
        ("3号到5号", MON, (date(2026, 12, 3), date(2026, 12, 5))),
        ("1-3号", MON, (date(2026, 12, 1), date(2026, 12, 3))),
        ("下周二到周四", MON, (date(2026, 12, 1), date(2026, 12, 3))),
        ("周五到周日", SUN, (date(2025, 6, 20), date(2025, 6, 22))),
        ("12.3-12.5", MON, (date(2026, 12, 3), date(2026, 12, 5))),
        ("12月30日到1月2日", WED, (date(2026, 12, 30), date(2027, 1, 2))),
        ("下午3点到5点", MON, (at(2026, 11, 23, 15), at(2026, 11, 23, 17))),
        ("下午2-4点", MON, (at(2026, 11, 23, 14), at(2026, 11, 23, 16))),
        ("9:00-11:30", MON, (at(2026, 11, 23, 9), at(2026, 11, 23, 11, 30))),
        ("晚上10点到凌晨2点", MON, (at(2026, 11, 23, 22), at(2026, 11, 24, 2))),
    ],
)
def test_ranges(
    text: str, now: datetime, expected: tuple[date | datetime, date | datetime]
) -> None:
    w = parse_when(text, now)
    assert w is not None and (w.start, w.end) == expected


def test_range_never_ends_before_it_starts() -> None:
    check("12月5日到12月3日", MON, None)


# ----------------------------------------------------------------------------- lunar


@pytest.mark.parametrize(
    ("text", "now", "expected", "spec"),
    [
        ("农历三月初八", MON, date(2027, 4, 14), LunarSpec(3, 8)),
        ("阴历腊月廿三", MON, date(2027, 1, 30), LunarSpec(12, 23)),
        ("農曆正月十五", MON, date(2027, 2, 20), LunarSpec(1, 15)),
        ("农历十月十五", MON, date(2026, 11, 23), LunarSpec(10, 15)),  # today
        ("农历冬月初一", MON, date(2026, 12, 9), LunarSpec(11, 1)),
        ("正月初八", MON, date(2027, 2, 13), LunarSpec(1, 8)),
        ("农历十一月二十二", WED, date(2026, 12, 30), LunarSpec(11, 22)),
        ("1990年农历闰五月二十", MON, date(1990, 7, 12), LunarSpec(5, 20, True, 1990)),
        ("农历1990年五月二十", MON, date(1990, 6, 12), LunarSpec(5, 20, False, 1990)),
        ("农历闰六月初一", SUN, date(2025, 7, 25), LunarSpec(6, 1, True)),
        ("农历六月初一", SUN, date(2025, 6, 25), LunarSpec(6, 1)),
        ("农历闰五月二十", MON, date(2027, 6, 24), LunarSpec(5, 20, True)),
        ("农历腊月三十", MON, date(2027, 2, 5), LunarSpec(12, 30)),  # 29-day month
        ("农历闰六月三十", SUN, date(2025, 8, 22), LunarSpec(6, 30, True)),
        ("农历3月8日", MON, date(2027, 4, 14), LunarSpec(3, 8)),
    ],
)
def test_lunar(text: str, now: datetime, expected: date, spec: LunarSpec) -> None:
    w = parse_when(text, now)
    assert w is not None and w.start == expected and w.lunar == spec
    assert w.yearless == (spec.year is None)


def test_lunar_with_a_time() -> None:
    w = parse_when("农历八月十五晚上7点", MON)
    assert w is not None and w.start == at(2027, 9, 15, 19) and w.lunar is not None


# ----------------------------------------------------------------------------- other languages


def test_english_goes_to_dateparser() -> None:
    w = parse_when("call him on Friday at 10am", MON)
    assert w is not None and w.start == at(2026, 11, 27, 10)
    w = parse_when("Dec 5", MON)
    assert w is not None and w.start == date(2026, 12, 5)
    assert parse_when("I may call", MON) is None


def test_empty_and_junk() -> None:
    for text in ("", " ", "好的", "👍", "。。。", "\x00"):
        assert parse_when(text, MON) is None
        assert find_all_when(text, MON) == []


def test_module_docstring_example() -> None:
    import doctest

    import parsing.dates

    assert doctest.testmod(parsing.dates).failed == 0


def test_the_first_working_day_after_a_holiday_skips_the_weekend() -> None:
    """元旦 2027 is a Friday: the first working day after it is Monday 4 January."""
    now = datetime(2026, 12, 30, 18, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
    found = parse_when("元旦后第一个工作日去拜访", now)
    assert found is not None and found.start == date(2027, 1, 4)
    found = parse_when("元旦后上班第一天上午十点", now)
    assert found is not None and found.start == datetime(2027, 1, 4, 10, 0, tzinfo=now.tzinfo)


def test_a_leap_month_the_year_does_not_have() -> None:
    from parsing.dates import no_such_leap_month

    assert no_such_leap_month("1985年农历闰四月十五") == (1985, 4)
    assert no_such_leap_month("85年闰四月十五") == (1985, 4)
    assert no_such_leap_month("2020年农历闰四月初八") is None  # 2020 had 闰四月
    assert no_such_leap_month("农历闰四月十五") is None  # yearless: the next one that exists


def test_a_date_restated_with_the_weekday_of_the_one_just_past() -> None:
    # 12月5日 is a Saturday in 2026 and a Sunday in 2027: 周六 says which
    now = datetime(2026, 12, 7, 8, 45, tzinfo=ZoneInfo("Asia/Shanghai"))
    (w,) = find_all_when("12月5日 周六", now)
    assert w.day == date(2026, 12, 5)
    # a weekday that fits neither year still makes the date vague
    assert find_all_when("12月5日 周一", now) == []
