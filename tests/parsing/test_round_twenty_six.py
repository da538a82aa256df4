"""Round twenty-six: what notes written after round twenty-five taught the reader. Each case
failed on the parser as the session began (7ed4e0a) unless its comment says it guards."""

from __future__ import annotations

from datetime import datetime

import pytest

from bench.notes import DEV_SETS, load
from parsing.notes import parse_note

MONDAY = datetime.fromisoformat("2026-11-23T10:00:00+08:00")


def tasks(text: str, now: datetime = MONDAY) -> list[tuple[str, str]]:
    return [(f.due.isoformat()[:10], f.action) for f in parse_note(text, now).follow_ups]


@pytest.mark.parametrize(
    ("text", "day"),
    [
        # 昨天 said again as its weekday: one day gone by, not next Sunday
        ("昨天礼拜天微信上跟敦煌鸣沙文旅的宇文经理对了一下舞台灯光", "2026-11-22"),
        ("前天周六去了趟天水星火机床，见了包总", "2026-11-21"),  # guards
    ],
)
def test_a_day_gone_by_named_twice_is_one_day(text: str, day: str) -> None:
    note = parse_note(text, MONDAY)
    assert note.interaction is not None and note.interaction.when.isoformat() == day
    assert note.follow_ups == []


def test_tomorrow_named_with_its_weekday_keeps_the_task() -> None:  # guards
    assert tasks("明天周二上午去拜访万科的张总") == [("2026-11-24", "去拜访张总")]


@pytest.mark.parametrize(
    "text",
    [
        # a holiday naming an event, a season naming a batch: which thing, not a day to act
        "昨天跟敦煌鸣沙文旅的宇文经理对了一下元旦沙漠音乐节的舞台灯光，她说预算砍了三成",
        "昨天下午给莆田兴化湾食品采购部打的电话，说的是春节前那批包装袋补货的事",
    ],
)
def test_a_holiday_that_names_a_thing_is_no_task(text: str) -> None:
    assert tasks(text) == []


def test_a_holiday_by_which_to_act_stays_a_task() -> None:  # guards
    assert tasks("春节前把两箱橙子寄到潘厂长家里去") == [
        ("2027-02-05", "把两箱橙子寄到潘厂长家里去")
    ]


NEW_YEAR_EVE = datetime.fromisoformat("2027-02-04T09:00:00+08:00")


def test_going_somewhere_for_the_new_year_is_the_trip_not_a_day() -> None:
    note = parse_note("张总春节去海南过年，初二走，初九回", NEW_YEAR_EVE)
    assert note.follow_ups == []
    assert [
        (t.who, t.start.isoformat(), t.end and t.end.isoformat()) for t in note.itineraries
    ] == [("张总", "2027-02-07", "2027-02-14")]


def test_no_trip_in_any_set_ends_before_it_starts() -> None:
    for path in DEV_SETS:
        for row in load(path):
            note = parse_note(row["text"], datetime.fromisoformat(row["now"]))
            for trip in note.itineraries:
                assert trip.end is None or trip.end >= trip.start, row["id"]
