"""Round twenty: what notes written after round nineteen taught the reader. Most cases failed
on the parser as the session began (2f5c2ac); the rest guard what the new rules must not break."""

from __future__ import annotations

from datetime import datetime

import pytest

from parsing.notes import parse_note

NOW = datetime.fromisoformat("2027-04-14T18:00:00+08:00")  # a Wednesday


def _company(text: str, now: datetime = NOW) -> str | None:
    return parse_note(text, now).company


@pytest.mark.parametrize(
    ("text", "company"),
    [
        # a county or district (GB/T 2260) before the brand and the trade names a company
        ("今天去了趟黄岩东升汽配，谈刹车片底板", "黄岩东升汽配"),
        ("柯桥瑞丰印染今天又来催货", "柯桥瑞丰印染"),
        ("安吉竹溪家具跟老板吃了个中饭，出口单子少了", "安吉竹溪家具"),
        # trades a name ends with, after a place
        ("昆山铭扬精密的许课长说下个月审厂", "昆山铭扬精密"),
        ("平湖嘉诚箱包要一批拉杆，数量不大", "平湖嘉诚箱包"),
        ("南昌洪都机电这个月提了三次货", "南昌洪都机电"),
        ("南宁桂冠糖业的梁总在崇左蹲点", "南宁桂冠糖业"),
        ("合肥智锐机器人：老谢是他们的技术顾问", "合肥智锐机器人"),
        ("湘潭电机配套洪经理来电话说漆包线不合格", "湘潭电机配套"),
        ("甘肃陇电建设的何总13号回天水老家过年", "甘肃陇电建设"),  # not 甘肃陇电建
    ],
)
def test_a_county_brand_and_trade_is_the_company(text: str, company: str) -> None:
    assert _company(text) == company


@pytest.mark.parametrize(
    ("text", "company"),
    [
        # a name said as the county's is still the name (老板电器 is no trade after a place)
        ("老板电器的采购说下周招标", "老板电器"),
        # a fair in a city, goods of a place: no company from them
        ("邓生下周去东京看印刷展，周五返", None),
        ("他们一直用温州低压电机，价格便宜", None),
    ],
)
def test_no_company_from_a_fair_or_goods(text: str, company: str | None) -> None:
    assert _company(text) == company


EVENING = datetime.fromisoformat("2027-08-25T19:40:00+08:00")


@pytest.mark.parametrize(
    "text",
    [
        # written in the evening, with who he is told after: the dinner is under way or over,
        # and a 准备 later, of something else (his daughter's wedding), does not make it ahead
        "晚上跟春江造纸的蔡厂长吃饭，他是老板，很支持我们。他女儿下个月结婚，我得准备个红包。",
    ],
)
def test_an_evening_meal_told_of_is_done_not_planned(text: str) -> None:
    note = parse_note(text, EVENING)
    assert note.interaction is not None and note.interaction.kind == "meal"
    assert [f.due for f in note.follow_ups if str(f.due)[:10] == "2027-08-25"] == []


def test_an_evening_meal_with_something_to_bring_is_still_ahead() -> None:
    note = parse_note("今晚跟兴达轴承的傅总吃饭，他是老板，记得带两瓶酒。", EVENING)
    assert note.interaction is None
    assert [f.due for f in note.follow_ups] == [EVENING.replace(hour=20, minute=0)]


def test_their_money_paid_on_a_day_is_no_task_but_calling_again_is() -> None:
    now = datetime.fromisoformat("2028-04-11T18:20:00+08:00")
    paid = parse_note("皓月珠宝 今天他们财务来电话 说上个月的货款这周五打 财务叫阮丽", now)
    assert paid.follow_ups == []  # before: 打 on Friday, as if the rep had to pay
    again = parse_note("今天给温总打了三个电话都没接 明天再打", now)
    assert [(str(f.due)[:10], f.action) for f in again.follow_ups] == [("2028-04-12", "再打")]


@pytest.mark.parametrize(
    "text",
    [
        "今天打电话给洪城机电的熊经理拜了个早年，她生日正好是正月初五",
        "威力达机电 采购总监翁总监 生日农历八月十五 中秋节那天 好记",
    ],
)
def test_a_birthday_said_is_no_task_on_its_day(text: str) -> None:
    now = datetime.fromisoformat("2028-01-18T11:00:00+08:00")
    assert parse_note(text, now).follow_ups == []


def test_a_task_on_a_birthday_is_kept() -> None:
    now = datetime.fromisoformat("2028-01-18T11:00:00+08:00")
    note = parse_note("熊经理生日正好是正月初五，初四下午去送束花", now)
    assert [(str(f.due)[:16], f.action) for f in note.follow_ups] == [
        ("2028-01-29 14:00", "去送束花")
    ]


def test_a_birthday_said_to_fall_on_a_day_is_kept() -> None:
    now = datetime.fromisoformat("2028-01-18T11:00:00+08:00")
    (contact,) = parse_note("熊经理生日正好是正月初五", now).contacts
    assert contact.birthday is not None
    assert (contact.birthday.lunar, contact.birthday.month, contact.birthday.day) == (True, 1, 5)


@pytest.mark.parametrize(
    ("text", "rivals"),
    [
        # whom they buy from now, said many ways: a rival of ours
        ("顺达现在用的刹车片底板是宁波永固的，价格比我们低两毛", ["宁波永固"]),
        ("他们厂以前一直用温州华威的", ["温州华威"]),
        ("他们家另外也在拿临安永盛的货", ["临安永盛"]),
        ("气泡袋是从东莞利兴拿的，月结90天", ["东莞利兴"]),
        ("福泰的电源线去年都是慈溪公牛供的，今年想换", ["慈溪公牛"]),
        ("明锐另外一家供应商是东莞光宏", ["东莞光宏"]),
        # the rival, not its city
        ("对手是上海的固力邦，在他们那边做了五年了", ["固力邦"]),
        # ours, an import, the one who decides: no rival
        ("他们一直用我们的", []),
        ("以前一直用进口的", []),
        ("谢总是盾构配件采购的拍板人", []),
        # a material, a place of theirs, a tool, ourselves (the second review's cases)
        ("现在用的底板是铸铁的，想换成钢背", []),
        ("以前一直用不锈钢的", []),
        ("样品是从仓库拿的", []),
        ("用微信用了好几年了", []),
        ("以前一直用本公司的产品", []),
    ],
)
def test_whom_they_buy_from_now_is_a_competitor(text: str, rivals: list[str]) -> None:
    assert parse_note(text, NOW).competitors == rivals


@pytest.mark.parametrize(
    ("text", "terms"),
    [
        ("奥克斯 采购 邹平 月结60 B级", "月结60"),
        ("佢話 tender 每兩年一次，付款 30 日", "付款 30 日"),
        ("潍柴 付款3个月承兑 每季度采购", "3个月承兑"),
        ("他们一般承兑六个月", "承兑六个月"),
        ("他说他们付款挂账六十天", "挂账六十天"),
        ("payment terms 是票到 60 天", "票到 60 天"),
        ("He said payment 60 days after invoice.", "60 days after invoice"),
        ("柯经理说他们财务每月15号付款", "每月15号付款"),
    ],
)
def test_payment_terms_said_many_ways(text: str, terms: str) -> None:
    note = parse_note(text, NOW)
    assert note.payment_cycle == terms
    assert note.follow_ups == []  # (每月15号付款 is their habit, no task on the 15th)


@pytest.mark.parametrize(
    ("text", "cycle"),
    [
        ("姜科长说他们一般季度集采", "季度集采"),
        ("他说他们三月份集中采购", "三月份集中采购"),
        ("安踏一年两季订货", "一年两季订货"),
        ("she said they order monthly", "order monthly"),
        ("He said their tender is every April.", "tender is every April"),
        ("他们每年11月做下一年的设备采购计划", "每年11月做下一年的设备采购计划"),
        # 上半年 is no habit of every half year
        ("聂副总说变桨系统明年上半年才定供应商", None),
    ],
)
def test_purchase_cycles_said_many_ways(text: str, cycle: str | None) -> None:
    assert parse_note(text, NOW).purchase_cycle == cycle


def test_a_call_received_this_morning_is_done_even_before_nine() -> None:
    now = datetime.fromisoformat("2028-03-09T08:30:00+08:00")
    note = parse_note("早上接到电机厂洪经理的电话，漆包线不合格。我答应今天下午去现场看", now)
    assert note.interaction is not None and note.interaction.kind == "call"
    assert [f.action for f in note.follow_ups] == ["去现场看"]  # before: 接到…电话 at 09:00 too


@pytest.mark.parametrize(
    ("now", "text", "trip"),
    [
        # whom he sees there is his trip's purpose, not the rep's visit
        ("2027-05-20T12:30:00+08:00", "蓉欧供应链的周总下周一到周三在深圳见投资人",
         ("周总", "深圳", "2027-05-24", "2027-05-26")),
        # days away somewhere that is no known city
        ("2026-02-27T10:00:00+08:00", "天山棉业的申总3月2号到6号在阿克苏收购站",
         ("申总", "阿克苏收购站", "2026-03-02", "2026-03-06")),
        # the place ends where what he goes to see begins
        ("2028-10-31T16:00:00+08:00", "光谷激光的邵总下个月8号到11号去慕尼黑看展",
         ("邵总", "慕尼黑", "2028-11-08", "2028-11-11")),
    ],
)  # fmt: skip
def test_days_away_said_as_a_range_are_a_trip(
    now: str, text: str, trip: tuple[str, str, str, str]
) -> None:
    (it,) = parse_note(text, datetime.fromisoformat(now)).itineraries
    assert (it.who, it.place, str(it.start), str(it.end)) == trip


def test_going_home_named_after_laojia_is_a_trip_of_the_one_named() -> None:
    now = datetime.fromisoformat("2027-01-29T20:30:00+08:00")
    (it,) = parse_note("苏酿酒业的蔡总2月3号回老家盐城过年，初六回宿迁。", now).itineraries
    assert (it.who, it.place, str(it.start), str(it.end)) == (
        "蔡总",
        "盐城",
        "2027-02-03",
        "2027-02-11",
    )
    mine = parse_note("我2月3号回老家盐城过年，初六回来。", now)
    assert mine.itineraries == []  # the rep's own holiday is no leader's trip


def test_away_this_week_back_on_a_day_is_a_trip_from_today() -> None:
    now = datetime.fromisoformat("2027-06-07T20:30:00+08:00")  # a Monday
    note = parse_note("恒通阀门的周厂长这周在南京参加省里的安全培训，周五才回", now)
    (it,) = note.itineraries
    assert (it.who, it.place, str(it.start), str(it.end), it.purpose) == (
        "周厂长", "南京", "2027-06-07", "2027-06-11", "参加省里的安全培训",
    )  # fmt: skip
    assert note.follow_ups == []


@pytest.mark.parametrize(
    ("text", "surname", "salutation"),
    [
        ("微信上跟紫金山电子的HR总监Grace吴聊了管理培训的事", "吴", "Grace"),
        ("今天跟Kingtop电子的采购Kevin黎视频了一下", "黎", "Kevin"),
        ("厂务部的Tony刘负责提需求", "刘", "Tony"),
    ],
)
def test_an_english_name_glued_to_a_surname_is_one_person(
    text: str, surname: str, salutation: str
) -> None:
    (contact,) = parse_note(text, NOW).contacts
    assert (contact.surname, contact.salutation) == (surname, salutation)


@pytest.mark.parametrize(
    ("text", "rivals"),
    [
        ("我们没中，中标的是三一重工。", ["三一重工"]),
        ("润滑油他们去年12月签的是壳牌，价格比我们低一成", ["壳牌"]),
        ("宗经理说要再比一比，西门子和汇川都报了价。", ["西门子", "汇川"]),
        ("结论: 要再比一比 华为 联想 / 郑处说 11/1 开评审会", ["华为", "联想"]),
        ("要再比一比（中兴 京信）/ 1月3号上午 送测试报告", ["中兴", "京信"]),
        ("中标的是我们", []),
        ("他说要再比一比，价格还没定", []),
    ],
)
def test_who_won_and_whom_they_weigh_us_against(text: str, rivals: list[str]) -> None:
    note = parse_note(text, NOW)
    assert note.competitors == rivals


def test_a_bare_send_takes_what_the_rep_prepares_before_it() -> None:
    now = datetime.fromisoformat("2027-06-29T17:20:00+08:00")
    note = parse_note("铭佳下个月要审厂，我们得准备资料，7月5号前发过去。", now)
    assert [(str(f.due), f.action) for f in note.follow_ups] == [("2027-07-05", "准备资料发过去")]


@pytest.mark.parametrize(
    ("now", "text", "trip"),
    [
        ("2027-04-27T20:00:00+08:00", "云天化的卢总五一前后去西双版纳休假，4月29号走，5月6号回昆明。",
         ("卢总", "西双版纳", "2027-04-29", "2027-05-06", "休假")),
        ("2026-12-30T16:00:00+08:00", "湘江环保的彭总元旦后去海南过冬，1月4号走，待到1月20号。",
         ("彭总", "海南", "2027-01-04", "2027-01-20", "过冬")),
    ],
)  # fmt: skip
def test_where_first_then_the_day_he_leaves_and_is_back(
    now: str, text: str, trip: tuple[str, str, str, str, str]
) -> None:
    (it,) = parse_note(text, datetime.fromisoformat(now)).itineraries
    assert (it.who, it.place, str(it.start), str(it.end), it.purpose) == trip


@pytest.mark.parametrize(
    "text", ["我元旦后去海南过冬，1月4号走，待到1月20号。", "王总说他儿子去上海读书，9月1号走"]
)
def test_the_reps_own_leave_or_a_sons_is_no_leaders_trip(text: str) -> None:
    now = datetime.fromisoformat("2026-12-30T16:00:00+08:00")
    assert parse_note(text, now).itineraries == []
