"""Yearly dates: solar birthdays, lunar occurrences and lunar → solar conversion."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from parsing.dates import (
    add_months,
    lunar_to_solar,
    next_lunar_occurrence,
    next_solar_birthday,
)


@pytest.mark.parametrize(
    ("month", "day", "today", "expected"),
    [
        (3, 5, date(2026, 11, 23), date(2027, 3, 5)),
        (11, 23, date(2026, 11, 23), date(2026, 11, 23)),  # today counts
        (12, 31, date(2026, 12, 31), date(2026, 12, 31)),
        (1, 1, date(2026, 12, 31), date(2027, 1, 1)),
        (2, 29, date(2026, 11, 23), date(2027, 2, 28)),  # common year: Feb 28
        (2, 29, date(2027, 3, 1), date(2028, 2, 29)),  # leap year: the real day
        (2, 29, date(2028, 2, 29), date(2028, 2, 29)),
        (2, 29, date(2028, 3, 1), date(2029, 2, 28)),
        (2, 28, date(2028, 2, 28), date(2028, 2, 28)),
    ],
)
def test_next_solar_birthday(month: int, day: int, today: date, expected: date) -> None:
    assert next_solar_birthday(month, day, today) == expected


@pytest.mark.parametrize(("month", "day"), [(2, 30), (4, 31), (13, 1), (0, 5), (1, 0)])
def test_next_solar_birthday_rejects_impossible_dates(month: int, day: int) -> None:
    with pytest.raises(ValueError):
        next_solar_birthday(month, day, date(2026, 1, 1))


@pytest.mark.parametrize(
    ("year", "month", "day", "leap", "expected"),
    [
        (2026, 1, 1, False, date(2026, 2, 17)),  # 春节 2026
        (2027, 1, 1, False, date(2027, 2, 6)),
        (2023, 2, 1, True, date(2023, 3, 22)),  # 2023 has 闰二月
        (2023, 2, 1, False, date(2023, 2, 20)),
        (2025, 6, 1, True, date(2025, 7, 25)),  # 2025 has 闰六月
        (2025, 6, 30, True, date(2025, 8, 22)),  # 闰六月 2025 has 29 days → day 29
        (2025, 6, 30, False, date(2025, 7, 24)),
        (2026, 6, 1, True, date(2026, 7, 14)),  # no 闰六月 in 2026: the regular month
        (2024, 1, 30, False, date(2024, 3, 9)),  # 正月 2024 has 29 days → day 29
        (2026, 12, 30, False, date(2027, 2, 5)),  # 腊月 2026 has 29 days: 除夕
        (1990, 5, 20, True, date(1990, 7, 12)),
        (1901, 1, 1, False, date(1901, 2, 19)),
        (2099, 12, 1, False, date(2100, 1, 10)),
    ],
)
def test_lunar_to_solar(year: int, month: int, day: int, leap: bool, expected: date) -> None:
    assert lunar_to_solar(year, month, day, leap) == expected


@pytest.mark.parametrize(
    ("year", "month", "day"), [(2026, 13, 1), (2026, 0, 1), (2026, 1, 31), (1800, 1, 1)]
)
def test_lunar_to_solar_rejects_impossible_dates(year: int, month: int, day: int) -> None:
    with pytest.raises(ValueError):
        lunar_to_solar(year, month, day)


@pytest.mark.parametrize(
    ("month", "day", "leap", "today", "expected"),
    [
        (3, 8, False, date(2026, 11, 23), date(2027, 4, 14)),
        (10, 15, False, date(2026, 11, 23), date(2026, 11, 23)),  # today
        (10, 14, False, date(2026, 11, 23), date(2027, 11, 11)),
        (12, 23, False, date(2026, 11, 23), date(2027, 1, 30)),  # 腊月 falls in January
        (12, 30, False, date(2026, 11, 23), date(2027, 2, 5)),  # missing 30th → 29th
        (2, 10, True, date(2023, 1, 1), date(2023, 3, 31)),  # 2023: 闰二月 exists
        (2, 10, True, date(2024, 1, 1), date(2024, 3, 19)),  # 2024: regular 二月
        (6, 1, True, date(2025, 6, 15), date(2025, 7, 25)),  # 2025: 闰六月 exists
        (6, 1, False, date(2025, 6, 15), date(2025, 6, 25)),
        (6, 1, True, date(2025, 8, 1), date(2026, 7, 14)),  # next year: no leap month
        (5, 10, True, date(2028, 2, 29), date(2028, 7, 2)),  # 2028: 闰五月
        (5, 10, False, date(2028, 2, 29), date(2028, 6, 2)),
        (1, 1, False, date(2099, 6, 1), date(2100, 2, 9)),
    ],
)
def test_next_lunar_occurrence(
    month: int, day: int, leap: bool, today: date, expected: date
) -> None:
    assert next_lunar_occurrence(month, day, leap, today) == expected


def test_next_lunar_occurrence_is_within_the_coming_lunar_year() -> None:
    for year in range(1901, 2099, 7):
        today = date(year, 1 + year % 12, 1 + year % 28)
        for month, day, leap in ((1, 1, False), (12, 30, False), (5, 20, True), (8, 15, False)):
            d = next_lunar_occurrence(month, day, leap, today)
            assert today <= d <= today + timedelta(days=385), (today, month, day, leap)


def test_add_months_clamps_to_the_end_of_month() -> None:
    assert add_months(date(2027, 1, 31), 1) == date(2027, 2, 28)
    assert add_months(date(2028, 1, 31), 1) == date(2028, 2, 29)
    assert add_months(date(2026, 12, 30), 2) == date(2027, 2, 28)
    assert add_months(date(2026, 3, 31), -1) == date(2026, 2, 28)
