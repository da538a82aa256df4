"""Round thirty-three: what notes written on 2026-12-06 (styles29, and the older tuned sets' notes)
and the round's review taught the reader. Each case failed on the parser as the session began
(38554ca) unless its comment says it guards."""

from __future__ import annotations

from datetime import datetime

from parsing.notes import parse_note

NOW = datetime.fromisoformat("2026-12-01T09:00:00+08:00")  # a Tuesday


def dues(text: str, now: datetime = NOW) -> list[tuple[str, str]]:
    return [(f.due.isoformat()[:16], f.action) for f in parse_note(text, now).follow_ups]


def test_the_first_working_day_after_a_holiday_break() -> None:
    # 2027: 清明 falls on Monday 5 April, so Tuesday the 6th is the first day back
    now = datetime.fromisoformat("2027-03-20T10:00:00+08:00")
    assert dues("清明假期后第一个工作日给王局长打电话", now) == [("2027-04-06", "给王局长打电话")]
    # 五一's break runs 1–5 May 2027
    assert [d for d, _ in dues("五一长假结束后上班第一天去拜访华润", now)] == ["2027-05-06"]


def company(text: str, now: datetime = NOW) -> str | None:
    return parse_note(text, now).company


def test_a_telegraphic_tomorrow_before_the_errand() -> None:
    assert dues("明回电 李工") == [("2026-12-02", "回电")]
    assert company("明回电 李工") is None
    assert dues("张总OK，明发合同") == [("2026-12-02", "发合同")]
    assert dues("明送样 中建三局") == [("2026-12-02", "送样")]
    # guards: 明 in a name or a word stays there
    assert dues("李明回电话了，说价格可以") == []
    assert company("明发集团 李工") == "明发集团"


def trips(text: str, now: datetime = NOW) -> list[tuple[str | None, str, str, str]]:
    return [
        (i.who, i.place, i.start.isoformat(), i.end.isoformat())
        for i in parse_note(text, now).itineraries
    ]


def test_a_leader_going_to_a_plant_abroad() -> None:
    text = "王董事长下礼拜三去波兰工厂，待两周"
    assert trips(text)[0][:3] == ("王董", "波兰", "2026-12-09")
    assert company(text) is None
    assert dues(text) == []


def test_a_firm_whose_short_name_is_also_a_word_in_brackets() -> None:
    assert company("张总(美的)说下周二来我司看样机") == "美的"
    assert company("见了刘经理（小米），聊了新项目") == "小米"
    # guards: a place or a role in brackets is no firm
    assert company("见了王经理（南京），聊了新项目") is None


def test_money_to_chase_back_is_the_reps_task() -> None:
    # 催回来 is money fetched back, not someone's return from a trip
    assert dues("第一笔款月底前要催回来") == [("2026-12-31", "催第一笔款")]
    assert dues("定金这周五前要催到") == [("2026-12-04", "催定金")]
    # guard: their coming back is still no task of the rep's
    assert dues("王总下周五从北京回来") == []


def test_back_at_work_after_the_holiday_just_ahead() -> None:
    # said on 13 February 2026: 春节's break runs to the 23rd, the 24th is the first day back
    now = datetime.fromisoformat("2026-02-13T17:40:00+08:00")
    assert dues("对 就是节后第一个工作日发报价", now) == [("2026-02-24", "发报价")]
    assert [d for d, _ in dues("年后上班第一天让我把报价发给他", now)] == ["2026-02-24"]
    now = datetime.fromisoformat("2026-04-30T17:30:00+08:00")  # 五一: 1–5 May
    assert [d for d, _ in dues("节后第一个工作日：去南通找祝经理拿PO", now)] == ["2026-05-06"]
    # guard: between 中秋 and 国庆, 节后 could be either — no day
    now = datetime.fromisoformat("2026-09-22T10:00:00+08:00")
    assert dues("节后第一个工作日发报价", now) == []


def test_back_from_a_named_holiday() -> None:
    now = datetime.fromisoformat("2026-09-30T16:00:00+08:00")
    assert [d for d, _ in dues("国庆回来上班第一天 我要把彩超的报价送过去", now)] == ["2026-10-08"]
    now = datetime.fromisoformat("2026-06-18T18:30:00+08:00")  # 端午: 19–21 June
    assert [d for d, _ in dues("端午回来第一天 我得把样布寄给他", now)] == ["2026-06-22"]
