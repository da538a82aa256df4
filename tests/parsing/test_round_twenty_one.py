"""Round twenty-one: what notes written after round twenty taught the reader. Most cases failed
on the parser as the session began (0745792); the rest guard what the new rules must not break."""

from __future__ import annotations

from datetime import datetime

import pytest

from parsing.notes import parse_note

NOW = datetime.fromisoformat("2027-05-12T18:00:00+08:00")  # a Wednesday


def _kind(text: str, now: datetime = NOW) -> str | None:
    inter = parse_note(text, now).interaction
    return None if inter is None else inter.kind


def _outcome(text: str, now: datetime = NOW) -> str | None:
    inter = parse_note(text, now).interaction
    return None if inter is None else inter.outcome


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # a meal had, said plainly
        ("今天跟宏达机械的严工吃过饭了，他们想换一批轴承", "meal"),
        ("中午在厂门口跟刘厂长吃了个便饭，聊了聊明年的量", "meal"),
        ("今日同港铁嘅陳生飲咗杯嘢，佢話下個月再傾", "meal"),
        # a conference call, hyphenated
        ("今天跟屈臣氏的采购开了个 con-call，讲 POS 更换", "call"),
        # a meeting of a named kind held with the customer
        ("上午在恒远重工开了个技术交流会，房工提了三个问题", "visit"),
        ("今天在华润三九观澜基地开了三方会，黄总说基本定了", "visit"),
    ],
)
def test_a_contact_said_in_more_words(text: str, kind: str) -> None:
    assert _kind(text) == kind


@pytest.mark.parametrize(
    "text",
    [
        # their own meetings: no contact of the rep's
        "他们开了个内部评审会，结果下周出",
        "上周五网络部开了需求会，我们没被邀请",
        "今天他们开了董事会，方案没过",
    ],
)
def test_their_own_meeting_is_no_contact(text: str) -> None:
    assert _kind(text) is None


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        # where the price or the choice stands, said inside a sentence
        ("今天拜访中建三局的汪经理，塔吊租赁他们要再比一比", "要再比一比"),
        ("下午去了美的暖通见赵总，报价比汇川高，卡价", "卡价"),
    ],
)
def test_where_it_stands_is_the_outcome(text: str, outcome: str) -> None:
    got = _outcome(text)
    assert got is not None and outcome in got


def _dues(text: str, now: datetime = NOW) -> list[str]:
    return [f.due.isoformat()[:10] for f in parse_note(text, now).follow_ups]


@pytest.mark.parametrize(
    "text",
    [
        # a day turned down, even when first said as the day wanted
        "打电话想约华星电子的梁总周四见面，他说周四不行",
        "想约孟经理礼拜五吃个饭，她说礼拜五没空",
        # when their board sits
        "英德茶业的董事会是周五开，会后赖总给答复",
        # someone's own day: in hospital, at a meeting elsewhere
        "巴陵化工的易总这周住院，周五出院",
        "穆总18号在贵阳有个会",
        # what someone of theirs promised to do by a day
        "品管部的吴主管答应周五前出正式的测试报告",
    ],
)
def test_no_task_of_the_reps(text: str) -> None:
    assert _dues(text) == []


@pytest.mark.parametrize(
    ("text", "due"),
    [
        # the day offered instead stays the rep's
        ("梁总说周四不行，周五上午十点可以，我周五过去", "2027-05-14"),
        # after their board sits, the rep's call is still the rep's
        ("董事会是周三开，我周四上午打电话问结果", "2027-05-13"),
        # the rep's own promise keeps its day
        ("我答应吴主管周五前把测试样品送过去", "2027-05-14"),
        ("刘总答应周五见我们，我周五上午过去", "2027-05-14"),
    ],
)
def test_the_reps_day_stays(text: str, due: str) -> None:
    assert due in _dues(text)


def test_a_promise_to_the_customer_is_the_reps_task_and_nothing_else() -> None:
    # the person promised to is no doer, 答应 no company, and no visit took place
    note = parse_note("我答应张总周五前把样品送过去", NOW)
    assert [(f.due.isoformat(), f.action) for f in note.follow_ups] == [
        ("2027-05-14", "把样品送过去")
    ]
    assert note.company is None
    assert note.interaction is None
    assert [c.salutation for c in note.contacts] == ["张总"]


MONDAY = datetime.fromisoformat("2027-03-01T11:00:00+08:00")


def _trips(text: str, now: datetime = MONDAY) -> list[tuple[str | None, str, str, str, str | None]]:
    return [
        (i.who, i.place, i.start.isoformat(), i.end.isoformat(), i.purpose)
        for i in parse_note(text, now).itineraries
    ]


@pytest.mark.parametrize(
    ("text", "trip"),
    [
        # gone now, a city said, the day back after a clause or two
        (
            "宏远船舶的于总去韩国蔚山了，看他们合作的船厂，本周五回来",
            ("于总", "韩国蔚山", "2027-03-01", "2027-03-05", "看他们合作的船厂"),
        ),
        (
            "打电话给长城电工的孟总，他在兰州开两会，说3月3号回天水",
            ("孟总", "兰州", "2027-03-01", "2027-03-03", "开两会"),
        ),
        # how long a trip lasts, said after its purpose
        (
            "王总下周二去德国考察三天",
            ("王总", "德国", "2027-03-09", "2027-03-11", "考察"),
        ),
    ],
)
def test_a_leaders_trip_said_more_ways(text: str, trip: tuple[str, str, str, str, str]) -> None:
    assert _trips(text) == [trip]


@pytest.mark.parametrize(
    "text",
    [
        # a trip still to come, with the days said after it: not away now
        "他们董事长邵总要去越南胡志明看工厂，3月4号走，8号回来",
    ],
)
def test_a_trip_to_come_is_not_away_now(text: str) -> None:
    assert all(start != "2027-03-01" for _, _, start, _, _ in _trips(text))


def test_a_purpose_keeps_its_object() -> None:
    # the object of 考察 is its purpose, not a number of days
    assert _trips("王总下周二去德国考察储能项目") == [
        ("王总", "德国", "2027-03-09", "2027-03-09", "考察储能项目")
    ]


def _roles(text: str) -> dict[str | None, str | None]:
    return {c.salutation: c.decision_role for c in parse_note(text, NOW).contacts}


@pytest.mark.parametrize(
    ("text", "who", "role"),
    [
        # roles said in sentences, not lists
        ("采购部的小刘负责下单，技术上听王工的，最后还得周老板点头", "周老板", "decision_maker"),
        ("采购部的小刘负责下单，技术上听王工的，最后还得周老板点头", "王工", "influencer"),
        ("库管老冯说了不算，磨床买不买得问他们曹厂长", "曹厂长", "decision_maker"),
        ("四平巨元的霍总，图纸都是他签，基本上他点头了就能成", "霍总", "decision_maker"),
        ("宝鸡钛业的屈工说会在评审会上替我们说话", "屈工", "influencer"),
        ("质量部的尚经理负责来料检验，有一票否决权", "尚经理", "influencer"),
        ("供应链部的汤经理负责询价和下单", "汤经理", "purchaser"),
        ("化验室主任姜工是我们色谱仪的直接使用者", "姜工", "user"),
    ],
)
def test_a_role_said_in_a_sentence(text: str, who: str, role: str) -> None:
    assert _roles(text).get(who) == role


@pytest.mark.parametrize(
    ("text", "who"),
    [
        # a person after 听 or 等 is still a person
        ("技术上听王工的", "王工"),
        ("等张总回来再说", "张总"),
    ],
)
def test_a_person_after_listen_or_wait(text: str, who: str) -> None:
    assert who in _roles(text)


SPRING = datetime.fromisoformat("2026-02-16T10:30:00+08:00")


@pytest.mark.parametrize(
    ("text", "action"),
    [
        # the day said again is not the task
        ("初十那天（2月26号）我去贵溪给万副厂长拜个晚年。", "去贵溪给万副厂长拜个晚年"),
        ("我 初九那天 给他打电话 约一下 年后拜访", "给他打电话"),
        # a bare 把 between spaces takes what follows, past a filler
        ("殷处长说 让我下个礼拜一之前 把 呃 方案报过去 然后再说", "把方案报过去"),
        # a call said whole, then only its verb after the day
        ("答应给中化国际的喻经理回电话，忘了，明早九点打。", "给喻经理回电话"),
    ],
)
def test_the_task_is_said_whole(text: str, action: str) -> None:
    assert [f.action for f in parse_note(text, SPRING).follow_ups] == [action]


def test_about_a_day_then_their_meeting_is_no_task() -> None:
    # 十五号左右 他们开会: about the day, then their own meeting
    note = parse_note("下个礼拜一之前把方案报过去，三月十五号左右他们开技术交流会", SPRING)
    assert [f.due.isoformat() for f in note.follow_ups] == ["2026-02-23"]


def test_about_an_hour_keeps_the_hour() -> None:
    note = parse_note("明天早上给钟厂长打个电话 问那个断路器的交期 九点半左右吧", SPRING)
    assert [f.due.isoformat()[:16] for f in note.follow_ups] == ["2026-02-17T09:30"]


@pytest.mark.parametrize(
    ("text", "company"),
    [
        # a place, a brand and one of the trades a name ends with
        ("早上在南京江北新材料的门卫室等了一个小时", "南京江北新材料"),
        ("下午跟济南泉城热力供热科的聂科长通了电话", "济南泉城热力"),
        ("刚跟柳州龙城汽车零部件的覃总通完电话", "柳州龙城汽车零部件"),
        ("去株洲湘火炬机车配件送样，谭经理说表面处理不行", "株洲湘火炬机车配件"),
        ("晚饭时跟银川塞上枸杞的马总聊了聊烘干线", "银川塞上枸杞"),
        ("去拉萨高原水业谈净水设备", "拉萨高原水业"),
        ("湛江海大饲料要求下周五之前交样", "湛江海大饲料"),
    ],
)
def test_a_place_brand_and_trade(text: str, company: str) -> None:
    assert parse_note(text, NOW).company == company


@pytest.mark.parametrize(
    "text",
    [
        # goods, not a company: words of a sentence between the place and the trade
        "他们一直用温州进口电子元件，价格便宜",
        "今年东莞电子行业都不景气",
        "明年湛江饲料价格还要涨",
    ],
)
def test_goods_of_a_place_are_no_company(text: str) -> None:
    assert parse_note(text, NOW).company is None


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # an errand at a place, with what was said there after it
        ("去拉萨高原水业谈净水设备，采购的王经理说价格没意见", "visit"),
        ("去株洲湘火炬送样，质量部的谭经理说表面处理不行", "visit"),
        # gone to a place in a part of the day already over, and talked
        ("上午到青岛海丰橡胶跟采购范经理谈年度炭黑供货", "visit"),
    ],
)
def test_an_errand_with_what_was_said_is_a_visit(text: str, kind: str) -> None:
    assert _kind(text) == kind


@pytest.mark.parametrize(
    "text",
    [
        # a plan, with nothing said back; someone's own holiday
        "明天去拉萨高原水业谈净水设备",
        "下周去株洲湘火炬送样",
        "株洲中车配套的刘厂长回湖南老家休假去了",
    ],
)
def test_a_plan_or_their_holiday_is_no_visit(text: str) -> None:
    assert _kind(text) is None


@pytest.mark.parametrize(
    "text",
    [
        # what a day only qualifies, a colleague's errand, a thing already settled, no day chosen
        "电话跟天山建材的艾经理聊年前最后一批外加剂，他说年前不要了",
        "沧州化工园的齐总4月29号到5月5号去海南休假，节前的事他都交代好了",
        "下周二小张会去洪都航空配套做设备调试",
        "高会计说我们那笔尾款已经排进本月25号的付款计划了",
        "吕处长让我下周三或者周四过去，看他哪天有空再定",
    ],
)
def test_a_day_with_no_task_of_the_reps(text: str) -> None:
    assert _dues(text) == []


def test_the_reps_own_day_beside_a_colleagues() -> None:
    assert _dues("下周二小张会去洪都航空做设备调试，我下周三过去跟进一下验收") == ["2027-05-19"]


@pytest.mark.parametrize(
    ("text", "summary"),
    [
        # how long the talk took is not what it was about
        (
            "刚才微信语音跟湘江环保的黄总聊了十来分钟，关于渗滤液处理站运维外包",
            "渗滤液处理站运维外包",
        ),
        # what was shown or put forward is the headline
        (
            "今天一起去了芜湖长江汽配，给方经理演示了在线视觉检测设备，他挺满意的",
            "在线视觉检测设备",
        ),
    ],
)
def test_the_headline_says_what_about(text: str, summary: str) -> None:
    inter = parse_note(text, NOW).interaction
    assert inter is not None and inter.summary == summary


@pytest.mark.parametrize(
    ("text", "company"),
    [
        # the city's 和 is no "and"; 配套 ends a name, not 汽配
        ("晚上和呼和浩特草原兴发采购部的包经理吃了饭", "呼和浩特草原兴发"),
        ("德阳东汽配套设备科的人说两台机器快过保了", "德阳东汽配套"),
    ],
)
def test_a_name_read_whole(text: str, company: str) -> None:
    assert parse_note(text, NOW).company == company


@pytest.mark.parametrize(
    ("text", "company"),
    [
        # a name in Latin letters ending with its trade
        (
            "今天和Suzhou Jinfeng Precision的purchasing manager Amy Zhou开了个call",
            "Suzhou Jinfeng Precision",
        ),
        (
            "Visited Ningbo Haixing Plastics 的 tooling dept, Mr. Xu said samples passed",
            "Ningbo Haixing Plastics",
        ),
    ],
)
def test_a_latin_name_and_its_trade(text: str, company: str) -> None:
    assert parse_note(text, NOW).company == company


def test_away_until_the_day_they_stay_to() -> None:
    # gone on holiday now, staying until a day said after 休到
    trips = parse_note(
        "中车配套的刘厂长回湖南老家休假去了，休到20号，有事找易科长", NOW
    ).itineraries
    assert [(t.who, t.start.isoformat(), t.end.isoformat(), t.purpose) for t in trips] == [
        ("刘厂长", "2027-05-12", "2027-05-20", "休假")
    ]
