"""Working days against the State Council's published schedules (国办发明电〔2024〕12号 for 2025,
〔2025〕7号 for 2026): every day off and every make-up working day (调休) of both years, 2027
provisional, Monday–Friday teams, and the date reader's 两个工作日内 / 下个工作日."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from parsing.dates import parse_when
from parsing.workdays import MAINLAND, MON_FRI, Workweek, work_calendar


def days(start: date, end: date) -> list[date]:
    return [start + timedelta(days=n) for n in range((end - start).days + 1)]


# The published schedules, typed from the notices (not read from the library under test).
OFF_2025 = [
    date(2025, 1, 1),  # 元旦
    *days(date(2025, 1, 28), date(2025, 2, 4)),  # 春节 除夕 … 初七
    *days(date(2025, 4, 4), date(2025, 4, 6)),  # 清明
    *days(date(2025, 5, 1), date(2025, 5, 5)),  # 劳动节
    *days(date(2025, 5, 31), date(2025, 6, 2)),  # 端午
    *days(date(2025, 10, 1), date(2025, 10, 8)),  # 国庆 + 中秋
]
MAKE_UP_2025 = [
    date(2025, 1, 26),  # 周日 (春节)
    date(2025, 2, 8),  # 周六 (春节)
    date(2025, 4, 27),  # 周日 (劳动节)
    date(2025, 9, 28),  # 周日 (国庆中秋)
    date(2025, 10, 11),  # 周六 (国庆中秋)
]
OFF_2026 = [
    *days(date(2026, 1, 1), date(2026, 1, 3)),  # 元旦
    *days(date(2026, 2, 15), date(2026, 2, 23)),  # 春节, nine days
    *days(date(2026, 4, 4), date(2026, 4, 6)),  # 清明
    *days(date(2026, 5, 1), date(2026, 5, 5)),  # 劳动节
    *days(date(2026, 6, 19), date(2026, 6, 21)),  # 端午
    *days(date(2026, 9, 25), date(2026, 9, 27)),  # 中秋
    *days(date(2026, 10, 1), date(2026, 10, 7)),  # 国庆
]
MAKE_UP_2026 = [
    date(2026, 1, 4),  # 周日 (元旦)
    date(2026, 2, 14),  # 周六 (春节)
    date(2026, 2, 28),  # 周六 (春节)
    date(2026, 5, 9),  # 周六 (劳动节)
    date(2026, 9, 20),  # 周日 (国庆)
    date(2026, 10, 10),  # 周六 (国庆)
]


@pytest.mark.parametrize("year", [2025, 2026])
def test_every_day_of_the_published_years(year: int) -> None:
    off = set(OFF_2025 if year == 2025 else OFF_2026)
    make_up = set(MAKE_UP_2025 if year == 2025 else MAKE_UP_2026)
    assert not MAINLAND.is_provisional(year)
    for day in days(date(year, 1, 1), date(year, 12, 31)):
        expected = day in make_up or (day.weekday() < 5 and day not in off)
        assert MAINLAND.is_workday(day) is expected, day
        assert MAINLAND.is_make_up_day(day) is (day in make_up), day


@pytest.mark.parametrize("day", MAKE_UP_2025 + MAKE_UP_2026)
def test_each_make_up_day_is_a_weekend_working_day(day: date) -> None:
    assert day.weekday() >= 5
    assert MAINLAND.is_workday(day)
    assert not MON_FRI.is_workday(day)


def test_2027_is_provisional_weekends_and_the_statutory_main_days() -> None:
    assert MAINLAND.is_provisional(2027)
    assert not MON_FRI.is_provisional(2027)
    provisional_off = [
        date(2027, 1, 1),
        *days(date(2027, 2, 5), date(2027, 2, 8)),  # 除夕 … 初三 (春节 is 6 February)
        date(2027, 4, 5),  # 清明
        date(2027, 5, 3) - timedelta(days=2),  # 5月1日 (a Saturday anyway)
        date(2027, 6, 9),  # 端午
        date(2027, 9, 15),  # 中秋
        date(2027, 10, 1),
    ]
    for day in provisional_off:
        assert not MAINLAND.is_workday(day), day
    assert MAINLAND.is_workday(date(2027, 2, 9))  # 初四: the real schedule may differ
    assert not MAINLAND.is_workday(date(2027, 2, 13))  # a Saturday: no make-up days guessed
    assert MAINLAND.is_workday(date(2027, 3, 1))


def test_two_working_days_skip_a_three_day_holiday_onto_the_make_up_day() -> None:
    # Tuesday 30 December 2025: 31 December, then 元旦 1–3 January off, Sunday 4 January worked.
    assert MAINLAND.add(date(2025, 12, 30), 2) == date(2026, 1, 4)
    assert MON_FRI.add(date(2025, 12, 30), 2) == date(2026, 1, 1)
    # Thursday 12 February 2026: Friday, then the make-up Saturday before 春节.
    assert MAINLAND.add(date(2026, 2, 12), 2) == date(2026, 2, 14)
    # Friday 13 February 2026: Saturday 14th, then the nine days off, Tuesday 24th.
    assert MAINLAND.add(date(2026, 2, 13), 2) == date(2026, 2, 24)
    assert MAINLAND.next_workday(date(2026, 9, 30)) == date(2026, 10, 8)
    assert MAINLAND.between(date(2026, 9, 30), date(2026, 10, 10)) == 3
    assert MAINLAND.add(date(2026, 1, 5), -1) == date(2026, 1, 4)


def test_a_team_setting_names_the_calendar() -> None:
    assert work_calendar("mon_fri") is MON_FRI
    assert work_calendar(Workweek.MAINLAND) is MAINLAND
    assert work_calendar(None) is MAINLAND


SHANGHAI = ZoneInfo("Asia/Shanghai")


def test_the_date_reader_counts_working_days_by_the_calendar() -> None:
    before_new_year = datetime(2025, 12, 30, 17, 0, tzinfo=SHANGHAI)  # a Tuesday
    found = parse_when("两个工作日内给王局长回复", before_new_year)
    assert found is not None and found.day == date(2026, 1, 4) and found.deadline
    found = parse_when("两个工作日内给王局长回复", before_new_year, MON_FRI)
    assert found is not None and found.day == date(2026, 1, 1)
    eve = datetime(2025, 12, 31, 17, 0, tzinfo=SHANGHAI)
    found = parse_when("下个工作日寄合同", eve)
    assert found is not None and found.day == date(2026, 1, 4) and not found.deadline
    assert parse_when("下个工作日寄合同", eve, MON_FRI).day == date(2026, 1, 1)  # type: ignore[union-attr]
    found = parse_when("下一个工作日", datetime(2026, 9, 30, 9, 0, tzinfo=SHANGHAI))
    assert found is not None and found.day == date(2026, 10, 8) and found.span == (0, 6)
    found = parse_when("3个工作日内交方案", datetime(2026, 2, 12, 9, 0, tzinfo=SHANGHAI))
    assert found is not None and found.day == date(2026, 2, 24)
    found = parse_when("元旦后第一个工作日去拜访", datetime(2025, 12, 20, 9, 0, tzinfo=SHANGHAI))
    assert found is not None and found.day == date(2026, 1, 4)
