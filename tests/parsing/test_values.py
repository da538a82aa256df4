"""Typed values read the same everywhere: titles, days, names in the script they were typed."""

import pytest

from parsing.text import as_typed
from parsing.values import not_a_title, read_days, read_share


@pytest.mark.parametrize("title", ["处长", "采购部经理", "華東區銷售總監", "CTO", "副总工程师"])
def test_a_title_people_say_is_a_title(title: str) -> None:
    assert not not_a_title(title)


@pytest.mark.parametrize(
    "typed",
    ["13812345678", "139 1234 5678", "+852 9123 4567", "wang@example.com", "8012", "１２３",
     "负责华东区所有变电站设计软件采购的副总经理"],
)  # fmt: skip
def test_a_phone_an_email_digits_or_a_sentence_is_no_title(typed: str) -> None:
    assert not_a_title(typed)


@pytest.mark.parametrize(
    ("typed", "days"),
    [("45", 45), ("４５", 45), ("45天", 45), (" 四十五 ", 45), ("四十五天", 45), ("一百", 100),
     ("365", 365), ("0", 0)],
)  # fmt: skip
def test_days_are_read_as_typed(typed: str, days: int) -> None:
    assert read_days(typed) == days


@pytest.mark.parametrize("typed", ["", "下个月", "45天左右", "1.5", "abc", "四十五周"])
def test_what_is_no_number_of_days(typed: str) -> None:
    assert read_days(typed) is None


NOTE = "拜訪了華東電力設計院的王建國局長,佢話局涨同陈生都會嚟"


@pytest.mark.parametrize(
    ("read", "typed"),
    [
        ("华东电力设计院", "華東電力設計院"),  # a slice of the note: as typed there
        ("王建国", "王建國"),
        ("王局长", "王局長"),  # built by the reader: each character as the note writes it
        ("局长", "局長"),  # the first place it is said, not the typo 局涨 put right
        ("陈生", "陈生"),  # typed Simplified in a Traditional note: kept so
        # nothing of it in the note: the reader's own characters, in Traditional where that
        # has one form (总 → 總), since the note is Traditional; 发 (發 or 髮) stays as given
        ("李总", "李總"),
        ("发方案", "发方案"),
    ],
)
def test_a_name_is_read_back_in_the_script_typed(read: str, typed: str) -> None:
    assert as_typed(read, NOTE) == typed


def test_a_simplified_note_changes_nothing() -> None:
    note = "今天拜访了华东电力设计院的王建国局长"
    for name in ("华东电力设计院", "王建国", "王局长", "局长"):
        assert as_typed(name, note) == name


@pytest.mark.parametrize(
    ("typed", "percent"),
    [("50%", 50), ("５０％", 50), ("30", 30), ("百分之五十", 50), ("五成", 50), ("5成", 50),
     ("三成半", 35), ("一半", 50), ("一半吧", 50), ("0%", 0), ("100%", 100)],
)  # fmt: skip
def test_a_share_is_read_to_a_percent(typed: str, percent: int) -> None:
    assert read_share(typed) == percent


@pytest.mark.parametrize(
    "typed", ["", "很多", "一半多", "大概一半", "150%", "十成半", "1.5", "主要"]
)
def test_what_is_no_share(typed: str) -> None:
    assert read_share(typed) is None
