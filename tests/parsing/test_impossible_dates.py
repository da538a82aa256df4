"""A date no calendar has is named, so a guided step can say why it is refused (item 18)."""

import pytest

from parsing.impossible import Impossible, impossible_date


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("2月30日", Impossible("day", month=2, day=30)),
        ("二月三十日", Impossible("day", month=2, day=30)),
        ("4月31号", Impossible("day", month=4, day=31)),
        ("13月5日", Impossible("month", month=13)),
        ("后天下午25点", Impossible("hour", hour=25)),
        ("12月20日到12月18日", Impossible("reversed")),
    ],
)
def test_what_no_calendar_has(text: str, why: Impossible) -> None:
    assert impossible_date(text) == why


@pytest.mark.parametrize(
    "text", ["2月29日", "12月31日", "下周五下午3点", "12月18日到12月20日", "随便", "农历三月初八"]
)
def test_a_real_date_or_mere_words_are_not_impossible(text: str) -> None:
    assert impossible_date(text) is None
