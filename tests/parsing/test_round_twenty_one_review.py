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


# The second review (245 sentences on 1de91b4): goods, suppliers and markets read as the
# customer, roles given to whoever spoke, people made of 等于, a call made of 她说周五回.


@pytest.mark.parametrize(
    "text",
    [
        "宁夏中宁枸杞今年收成一般",
        "福建安溪铁观音茶叶今年涨价",
        "他们用的是株洲钻石刀具，我们要想办法替换",
        "他们的供应商是无锡华光装备",
        "江苏南通造船基地那边订单很好，下周去拜访几家",
    ],
)
def test_goods_and_suppliers_are_no_customer(text: str) -> None:
    assert parse_note(text, NOW).company is None


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("李经理说这事最后还得他们老板点头", "李经理"),
        ("张总说还得集团点头才行，他做不了主", "张总"),
        ("赵厂长说买不买得问集团，他只管用", "赵厂长"),
        ("陈工说技术部没人替我们说话", "陈工"),
    ],
)
def test_the_one_who_spoke_gets_no_role(text: str, who: str) -> None:
    roles = {c.salutation: c.decision_role for c in parse_note(text, NOW).contacts}
    assert roles[who] is None


def test_a_named_person_nodding_decides() -> None:
    note = parse_note("钱要集团批，集团财务总监赵总点头才行", NOW)
    assert {c.salutation: c.decision_role for c in note.contacts}["赵总"] == "decision_maker"


@pytest.mark.parametrize("text", ["对手降价等于局面对我们不利", "这等于局部改造"])
def test_no_person_made_of_a_word(text: str) -> None:
    assert parse_note(text, NOW).contacts == []


@pytest.mark.parametrize(
    "text",
    [
        "跟同事开了个碰头会，分了下客户",
        "跟团队开了个复盘会，这单输在价格",
        "在酒店开了个订货会，来了二十多家",
        "晚上随便吃了个便饭，早点休息",
        "在服务区吃了个便饭，继续赶路",
    ],
)
def test_the_reps_own_meeting_or_meal_is_no_contact(text: str) -> None:
    assert parse_note(text, NOW).interaction is None


def test_lunch_at_their_canteen_is_a_meal() -> None:
    inter = parse_note("在他们食堂吃过午饭，下午接着谈", NOW).interaction
    assert inter is not None and inter.kind == "meal"


@pytest.mark.parametrize(
    ("text", "outcome_word"),
    [("拜访了王总，设备卡住了，要派人修", "卡住"), ("去了李总那，路上堵车卡住了一个小时", "卡住")],
)
def test_a_jam_is_no_verdict(text: str, outcome_word: str) -> None:
    inter = parse_note(text, NOW).interaction
    assert inter is None or outcome_word not in (inter.outcome or "")


@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("张总答应周五一起吃饭", "2027-05-14"),
        ("明天去拜访刘总，李工明天不在", "2027-05-13"),
        ("明天给李总送样品，他明天不在，交给门卫", "2027-05-13"),
    ],
)
def test_the_reps_day_is_kept(text: str, due: str) -> None:
    assert due in [f.due.isoformat()[:10] for f in parse_note(text, NOW).follow_ups]


def test_her_day_back_is_no_call() -> None:
    assert parse_note("给王经理打电话，她说周五回", NOW).follow_ups == []


def test_a_range_of_days_ends_the_trip() -> None:
    trips = parse_note("下周一李总去日本考察两三天", NOW).itineraries
    assert [(t.start.isoformat(), t.end.isoformat()) for t in trips] == [
        ("2027-05-17", "2027-05-19")
    ]
