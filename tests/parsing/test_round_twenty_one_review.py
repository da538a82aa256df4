"""Round twenty-one's review: a helper who had not read the rules wrote sentences aimed at where
they could go wrong (244, run through the parser before and after); every case here read wrong
on the first draft of the round's rules and reads right now."""

from __future__ import annotations

from datetime import datetime

import pytest

from parsing.notes import parse_note

NOW = datetime.fromisoformat("2027-05-12T18:00:00+08:00")  # a Wednesday


@pytest.mark.parametrize(
    "text",
    [
        # a meal alone, or theirs
        "自己在路上吃了个便饭就赶去机场了",
        "在高铁上吃了个便饭，晚上到长沙",
        "张总说他们中午已经吃过饭了，下午三点再过去",
        # meetings of the rep's own side or of theirs, and 开了个 that is no meeting
        "今天公司开了个季度销售会，没出去跑客户",
        "老板下午开了个销售例会，要求月底前回款",
        "客户那边开了个周例会，定了今年的预算",
        "厂里开了个安全生产会，今天没法见",
        "他们厂开了个新车间明年会投产",
        "李总在会上开了个头说明年会加大投入",
    ],
)
def test_no_contact_invented(text: str) -> None:
    assert parse_note(text, NOW).interaction is None


@pytest.mark.parametrize(
    ("text", "due"),
    [
        # a day still the rep's: a warning, an if, no matter, another part of the day, the rep's
        # own meeting with 我 left out, a promise the rep made
        ("月底前必须把合同签了，月底不行就丢单了", "2027-05-31"),
        ("周五前把标书递交，周五不行就废标了", "2027-05-14"),
        ("明天去拜访王总，要是明天不方便就后天", "2027-05-13"),
        ("下周二去送样，下周二他们都不在也没关系", "2027-05-18"),
        ("下周三去中石化开会，下周三我们都不在公司", "2027-05-19"),
        ("明天上午十点去华为找张总，明天下午他不在", "2027-05-13"),
        ("下周三下午去拜访刘总，下周三上午他没时间", "2027-05-19"),
        ("下周三在贵阳有个会，顺便拜访一下贵州电网的李处", "2027-05-19"),
        ("跟李总承诺了下周三前出图纸", "2027-05-19"),
        ("跟刘总答应下周二前把样品寄过去", "2027-05-18"),
    ],
)
def test_the_reps_task_is_kept(text: str, due: str) -> None:
    assert due in [f.due.isoformat()[:10] for f in parse_note(text, NOW).follow_ups]


@pytest.mark.parametrize(
    "text",
    [
        # something else comes back, not the leader
        "张总在北京，小王周五回来",
        "刘总去上海了，检测报告周五回来",
        "刘总去上海了，样品周五回来",
        "徐总在武汉，发票周三回来",
    ],
)
def test_a_thing_back_is_no_trip(text: str) -> None:
    assert parse_note(text, NOW).itineraries == []


@pytest.mark.parametrize(
    ("text", "end", "purpose"),
    [
        # how sure the day back is, not what the trip is for
        ("刘总去北京了，估计下周二回来", "2027-05-18", None),
        ("李总去北京了，具体不清楚，周五回来", "2027-05-14", None),
        # things counted are no days
        ("王总下周二去四川考察两个天然气项目", "2027-05-18", "考察两个天然气项目"),
        ("张总下周一去苏州考察两个周边的产业园", "2027-05-17", "考察"),
    ],
)
def test_a_trip_reads_its_days_and_purpose(text: str, end: str, purpose: str | None) -> None:
    trips = parse_note(text, NOW).itineraries
    assert [(t.end.isoformat(), t.purpose) for t in trips] == [(end, purpose)]
