"""Dates in each language, as cards and pushes show them."""

from datetime import date

from locales import translator
from locales.words import day_range, lunar_name


def test_lunar_dates_read_naturally_in_each_language() -> None:
    assert lunar_name(translator("zh_Hans"), 3, 8, False) == "农历三月初八"
    assert lunar_name(translator("zh_Hans"), 12, 23, False) == "农历腊月廿三"
    assert lunar_name(translator("zh_Hant"), 5, 20, True) == "農曆閏五月二十"
    assert lunar_name(translator("en"), 3, 8, False) == "lunar 3/8"


def test_day_ranges() -> None:
    _ = translator("zh_Hans")
    assert day_range(_, date(2026, 12, 1), date(2026, 12, 3)) == "12月1日–3日"
    assert day_range(_, date(2026, 11, 30), date(2026, 12, 2)) == "11月30日–12月2日"
    assert day_range(translator("en"), date(2026, 12, 1), date(2026, 12, 3)) == "12/1–3"
