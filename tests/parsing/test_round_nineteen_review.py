"""Round nineteen's review: sentences a helper who had not written the rules found read worse
after them than before (488 tried on the rules of c02f315, 102 worse); each is now read as a
careful reader would, and stays so."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from parsing.notes import parse_note

NOW = datetime.fromisoformat("2026-12-04T18:00:00+08:00")  # a Friday


def _trips(text: str) -> list[tuple[str | None, str, date, date, str | None]]:
    return [(i.who, i.place, i.start, i.end, i.purpose) for i in parse_note(text, NOW).itineraries]


def _tasks(text: str) -> list[tuple[date | datetime, str]]:
    return [(f.due, f.action) for f in parse_note(text, NOW).follow_ups]


@pytest.mark.parametrize(
    ("text", "who", "purpose"),
    [
        ("王总下周二去米兰看展", "王总", "看展"),
        ("刘总下周二去嘉善看仓库", "刘总", "看仓"),
        ("王总下周三去深圳看展", "王总", "看展"),
    ],
)
def test_a_one_day_trip_to_see_a_fair_or_a_warehouse_keeps_its_purpose(
    text: str, who: str, purpose: str
) -> None:
    (trip,) = _trips(text)
    assert (trip[0], trip[4]) == (who, purpose)


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("今天早上参加了刘厂长班前会，提了设备点检的事", "刘厂长"),
        ("王总班机延误，下周二再约", "王总"),
        ("钱局长班子成员都支持我们方案", "钱局长"),
    ],
)
def test_a_title_before_a_shift_or_a_team_is_still_a_title(text: str, who: str) -> None:
    assert who in [c.salutation for c in parse_note(text, NOW).contacts]


@pytest.mark.parametrize(
    "text",
    ["今天拜访华宇集团董事长王建国，王总说下周二签合同", "董事长王建国，王总人很爽快，喜欢钓鱼"],
)
def test_a_chairman_called_wang_zong_is_one_person_still_called_so(text: str) -> None:
    (person,) = parse_note(text, NOW).contacts
    assert (person.name, person.title, person.salutation) == ("王建国", "董事长", "王总")


@pytest.mark.parametrize(
    "text", ["王总（董事长）说下周二签", "王总是董事长", "王总 董事长 13912345678"]
)
def test_a_chairman_said_after_wang_zong_keeps_the_title(text: str) -> None:
    (person,) = parse_note(text, NOW).contacts
    assert (person.title, person.salutation) == ("董事长", "王总")


@pytest.mark.parametrize(
    ("text", "end"),
    [
        ("王总下周二去上海开会，说周五回我消息", date(2026, 12, 8)),
        ("王总下周一去北京，我周三回公司", date(2026, 12, 7)),
        ("王总下周一去北京开会，我们下周四去上海，周五回来", date(2026, 12, 7)),
    ],
)
def test_a_reply_or_the_reps_own_day_back_ends_no_trip_of_theirs(text: str, end: date) -> None:
    assert _trips(text)[0][3] == end


def test_a_day_back_after_another_leg_is_not_the_first_legs() -> None:
    trips = _trips("王总下周一在北京，下周二到周四在天津，周五回")
    assert [(t[1], t[2], t[3]) for t in trips] == [
        ("北京", date(2026, 12, 7), date(2026, 12, 7)),
        ("天津", date(2026, 12, 8), date(2026, 12, 10)),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "我跟王总周三去苏州验收，周四回",
        "跟王总周三去苏州看设备，周四回",
        "约了王总周三去苏州看设备，周四回来出报告",
        "下周二陪王总去上海考察，周四回",
        "下周二陪客户去德国考察，一共五天",
        "明天开始去工地蹲点",
    ],
)
def test_the_rep_going_with_someone_or_alone_is_the_reps_task(text: str) -> None:
    note = parse_note(text, NOW)
    assert note.itineraries == []
    assert note.follow_ups  # the rep's own day away, kept as the rep's


@pytest.mark.parametrize("text", ["王总说下周一起去上海开会", "和王总约好下周一起去深圳考察"])
def test_next_week_together_is_no_monday_trip(text: str) -> None:
    assert parse_note(text, NOW).itineraries == []


def test_someone_back_from_abroad_is_no_task_and_a_count_a_week_is_no_day() -> None:
    assert [a for _, a in _tasks("王总在日本，周二回国，周三来我们公司谈")] == ["来我们公司谈"]
    assert _tasks("他们一星期三回到我们仓库拉货") == []


@pytest.mark.parametrize("text", ["刘工问技术参数，明天回", "王总邮件问交期，下周一回"])
def test_a_reply_owed_is_still_the_reps_task(text: str) -> None:
    assert [a for _, a in _tasks(text)] == ["回"]


@pytest.mark.parametrize(
    "text",
    [
        "他们用的是温州不锈钢阀门，价格低",
        "宁波注塑模具行业今年不景气",
        "王总说他们用的是上海进口轴承",
        "王总说沧州管道阀门价格便宜一半",
        "聊城钢管市场这两年不好做",
        "王总说现在温州低压电机竞争太激烈",
        "佛山中国陶瓷城",
    ],
)
def test_goods_from_a_place_or_a_trade_at_large_is_no_company(text: str) -> None:
    assert parse_note(text, NOW).company is None


@pytest.mark.parametrize(
    "text",
    [
        "王总说原材料涨价对他们影响大。",
        "王总说这个价格得等集团董事长批。",
        "王总说先小量下单，看效果",
        "王总说下单走他们的老流程",
        "王总说以后下单找我们公司的小李就行",
        "王总说他们以前是用我们分切机的，后来换了",
        "王总说出问题主要是操作的。",
        "王总说价格定了就算，不再改了",
    ],
)
def test_a_role_phrase_not_said_of_the_person_gives_no_role(text: str) -> None:
    assert all(c.decision_role is None for c in parse_note(text, NOW).contacts)


def test_whether_it_works_and_whether_to_buy_both_his_is_the_decision() -> None:
    (person,) = parse_note("好不好用、买不买都是王总说了算", NOW).contacts
    assert person.decision_role == "decision_maker"


# A second reviewer tried 346 sentences on the fixed rules (d7f3ee5) and found 61 worse: the new
# visit, meal and call words fired on plans, habits, family, colleagues and places that are no
# customer's; they were taken out again, and these stay as they were before the round.
@pytest.mark.parametrize(
    ("text", "hour"),
    [
        ("今天下午到徐工集团把合同签了，记得带公章", 8),
        ("每礼拜三下午去宏图高科对账", 18),
        ("小李上午去宏图高科催款，要回来20万", 18),
        ("上午去4S店看了车，准备换一台", 18),
        ("今天在例会上汇报了十一月的业绩", 18),
        ("中午和老婆吃火锅", 21),
        ("本来跟王总吃烤全羊，结果他临时有事", 21),
        ("王总说他电话跟老板确认了，下周给答复", 18),
        ("电话给我妈拜早年", 18),
    ],
)
def test_no_contact_is_made_of_a_plan_a_habit_or_someone_elses_errand(text: str, hour: int) -> None:
    now = NOW.replace(hour=hour)
    assert parse_note(text, now).interaction is None


@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("今天跟王总开会，他问交期，我明天回", date(2026, 12, 5)),
        ("开会时刘工问了技术参数，明天回", date(2026, 12, 5)),
        ("去上海见了王总，他要报价，下周一回", date(2026, 12, 7)),
        ("周一别去太早，王总九点才到", date(2026, 12, 7)),
    ],
)
def test_a_reply_owed_after_a_meeting_or_a_visit_not_too_early_stays_a_task(
    text: str, due: date
) -> None:
    assert [d for d, _ in _tasks(text)] == [due]
