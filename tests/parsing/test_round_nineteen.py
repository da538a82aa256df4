"""Round nineteen: what notes written after round eighteen taught the reader. Most cases failed
on the parser as the session began (1aa9449); the rest guard what the new rules must not break."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from parsing.notes import parse_note

WED = datetime.fromisoformat("2026-05-20T18:00:00+08:00")  # a Wednesday


def _trip(text: str, now: datetime = WED) -> tuple[str | None, str, date, date]:
    (trip,) = parse_note(text, now).itineraries
    return trip.who, trip.place, trip.start, trip.end


def test_a_bare_weekday_back_after_a_trip_is_that_weeks_day() -> None:
    # 周五回 after 下周二去: the Friday of his week away, not this week's (before he leaves)
    assert _trip("魏桥的冯总下周二带队去内蒙古考察电解铝项目，周五回。") == (
        "冯总", "内蒙古", date(2026, 5, 26), date(2026, 5, 29),
    )  # fmt: skip


def test_how_many_days_said_after_the_trip_is_its_length() -> None:
    now = datetime.fromisoformat("2028-08-14T09:30:00+08:00")
    assert _trip("江西省能源集团的巫书记下周二带队去德国考察储能项目，一共五天。", now) == (
        "巫书记", "德国", date(2028, 8, 22), date(2028, 8, 26),
    )  # fmt: skip


def test_staying_somewhere_until_a_day_is_his_trip_not_the_reps_visit() -> None:
    now = datetime.fromisoformat("2027-05-20T21:30:00+08:00")
    note = parse_note(
        "嗯那个东风汽车的那个曹总啊他说他下礼拜二去广州花都那个工厂一直待到礼拜五", now
    )
    assert note.follow_ups == []  # before: a visit of the rep's to 广州花都 on Tuesday
    assert _trip(note.text, now) == ("曹总", "广州花都", date(2027, 5, 25), date(2027, 5, 28))


def test_a_range_said_is_the_trip_and_the_day_back_is_not_added() -> None:
    now = datetime.fromisoformat("2026-09-02T18:00:00+08:00")
    text = "黄总下周二到周三去长沙开会 周四回徐州"
    assert _trip(text, now)[2:] == (date(2026, 9, 8), date(2026, 9, 9))


@pytest.mark.parametrize(
    "text", ["王总这周出差，周五回", "王总这周出差，下周二回", "李总在外地周三回 到时候再联系"]
)
def test_the_day_someone_is_back_is_no_task_of_the_reps(text: str) -> None:
    assert parse_note(text, WED).follow_ups == []


def test_a_call_then_back_on_a_day_is_still_the_reps_call_back() -> None:
    note = parse_note("省三院韩主任电话 下周一回", WED)
    assert [f.due for f in note.follow_ups] == [date(2026, 5, 25)]


@pytest.mark.parametrize("text", ["一周二回", "每周三回访客户"])
def test_a_count_before_the_week_is_still_how_often(text: str) -> None:
    assert all(f.due != date(2026, 5, 22) for f in parse_note(text, WED).follow_ups)


def test_a_class_for_bosses_is_no_person_and_is_what_the_trip_is_for() -> None:
    now = datetime.fromisoformat("2026-04-14T20:40:00+08:00")
    note = parse_note(
        "宁夏宝丰的季总下周一到周五在北京清华上总裁班，我周三晚上去北京请他吃饭。", now
    )
    assert [c.salutation for c in note.contacts] == ["季总"]  # before: also a 华总 named 华上
    (trip,) = note.itineraries
    assert (trip.who, trip.start, trip.end, trip.purpose) == (
        "季总", date(2026, 4, 20), date(2026, 4, 24), "上总裁班",
    )  # fmt: skip


def test_studying_somewhere_is_no_part_of_its_name() -> None:
    note = parse_note("谭院长在北京协和进修", WED)
    assert note.company == "北京协和"  # before: 北京协和进修
