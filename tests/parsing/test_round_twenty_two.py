"""Round twenty-two: what notes written after round twenty-one taught the reader. Most cases
failed on the parser as the session began (1971a2b); the rest guard what the new rules must not
break."""

from __future__ import annotations

from datetime import datetime

import pytest

from parsing.notes import parse_note

NOW = datetime.fromisoformat("2027-05-12T18:00:00+08:00")  # a Wednesday


@pytest.mark.parametrize(
    ("text", "company"),
    [
        # the place said first, then 的, then the company's name
        ("上周五去了台州路桥的恒昌塑业，跟邝总谈了谈注塑机", "恒昌塑业"),
        ("今天去了海拉尔的蒙源肉业，见了生产副总那总", "蒙源肉业"),
        ("下下周一上午去蚌埠的淮河玻璃找董总签第二批的合同", "淮河玻璃"),
        ("明晚八点给鞍山立山的辽鞍耐火材料的司总回个电话", "辽鞍耐火材料"),
        ("今天去了合肥市的江淮精工，见了采购王经理", "江淮精工"),
        # a city and a district of two characters
        ("今天在潍坊昌邑的海晟盐化见了总经理滕总", "海晟盐化"),
        ("上午去吴江盛泽的华绫丝绸，跟卜总看了新织机车间", "华绫丝绸"),
        ("上午十点给邯郸峰峰的冀南焦化打电话", "冀南焦化"),
        # a port's name, then the company in it
        ("周四上午给钦州港的北部湾油脂的伍经理送两箱样品过去", "北部湾油脂"),
        # a place with a brand and a trade stays whole
        ("今天去了温岭东浦泵业，跟采购谈了", "温岭东浦泵业"),
    ],
)
def test_the_company_after_the_place_it_is_in(text: str, company: str) -> None:
    assert parse_note(text, NOW).company == company


@pytest.mark.parametrize(
    "text",
    [
        # goods from a place, no company
        "他们现在用的是温州的低压电机，价格便宜",
        "聊了聊宁波的模具行情",
    ],
)
def test_goods_from_a_place_are_no_company(text: str) -> None:
    assert parse_note(text, NOW).company is None


@pytest.mark.parametrize(
    ("text", "salutation"),
    [
        # rarer surnames, standing alone before a title
        ("秦楚车桥的伏总明天去武汉总部开季度会，周六回十堰", "伏总"),
        ("跟设备部的訾部长主要聊了气化炉耐火砖", "訾部长"),
        ("今天找了技术科的殳科长，样机先放他们那", "殳科长"),
        ("陇上电工的鲜于总这周四到下周一休假", "鲜于总"),
        ("中秋前给冀南钢管供应处的暴处长送月饼", "暴处长"),
    ],
)
def test_a_rarer_surname_before_a_title(text: str, salutation: str) -> None:
    assert [c.salutation for c in parse_note(text, NOW).contacts] == [salutation]


def test_a_rare_surname_trip_is_the_leaders() -> None:
    note = parse_note("秦楚车桥的伏总明天去武汉总部开季度会，周六回十堰", NOW)
    assert [(i.who, i.place) for i in note.itineraries] == [("伏总", "武汉")]
    assert note.follow_ups == []


@pytest.mark.parametrize(
    "text",
    [
        # words, not a surname and a title
        "这批货价格起伏总是很大",
        "开刀总要住几天院",
    ],
)
def test_a_word_is_no_rare_surname(text: str) -> None:
    assert parse_note(text, NOW).contacts == []


@pytest.mark.parametrize(
    ("text", "company"),
    [
        # a district or a port area said first, then 的, then the company
        ("刚在微信上跟太仓港区的瀚海物流的宁经理确认了装柜计划", "瀚海物流"),
        ("郑州航空港区的中原冷链的钮总下下周一到周五在国外", "中原冷链"),
        ("张家港保税区的华港化工的缪总下周一到周三去上海总部开年会", "华港化工"),
        ("运城盐湖区的晋南镁业的师总这周都在太原开会", "晋南镁业"),
        # trades a name ends with
        ("今天下午跑了一趟鄂尔多斯蒙泰煤化，跟訾部长聊了耐火砖", "鄂尔多斯蒙泰煤化"),
        ("刚接到重庆江津的渝丰粮油的电话，是采购部的敬经理", "渝丰粮油"),
        ("下午到哈尔滨平房区的北疆航材，见了物资部隋经理", "北疆航材"),
        ("节后去了江门蓬江的永嘉五金卫浴，跟老板冼总谈了订单", "永嘉五金卫浴"),
        # 煤化工 is the trade 化工, not 煤化
        ("今天去了榆林神木煤化工，见了采购王经理", "榆林神木煤化工"),
    ],
)
def test_more_company_names(text: str, company: str) -> None:
    assert parse_note(text, NOW).company == company


TRIP_NOW = datetime.fromisoformat("2026-07-20T10:00:00+08:00")  # a Monday


@pytest.mark.parametrize(
    ("text", "trip"),
    [
        # away now in a city abroad, back on the day said
        (
            "油都仪表的尹总人在美国休斯敦，下周四才回来，有事只能微信联系",
            ("尹总", "美国休斯敦", "2026-07-20", "2026-07-30"),
        ),
        (
            "陕北兰炭的高总人在澳大利亚珀斯，月底回来",
            ("高总", "澳大利亚珀斯", "2026-07-20", "2026-07-31"),
        ),
        # now and 人 together, a trip said with 趟
        ("恒通电缆的王总现在人在上海，周五回来", ("王总", "上海", "2026-07-20", "2026-07-24")),
        ("恒通电缆的王总去了趟北京，周五回来", ("王总", "北京", "2026-07-20", "2026-07-24")),
        # gone to a body's sitting, said with whose it is
        (
            "东天山煤电的芦总去了新疆乌鲁木齐开自治区的能源会，25号才回",
            ("芦总", "新疆乌鲁木齐", "2026-07-20", "2026-07-25"),
        ),
    ],
)
def test_away_now_until_the_day_back(text: str, trip: tuple[str, str, str, str]) -> None:
    note = parse_note(text, TRIP_NOW)
    assert [(i.who, i.place, i.start.isoformat(), i.end.isoformat()) for i in note.itineraries] == [
        trip
    ]


@pytest.mark.parametrize(
    "text",
    [
        # the leader went, or the family: no visit of the rep's
        "东天山煤电的芦总去了新疆乌鲁木齐开自治区的能源会，25号才回",
        "铜都电缆的汤董这周休年假，一家人去了云南大理，26号回来",
    ],
)
def test_a_leader_gone_away_is_no_visit(text: str) -> None:
    assert parse_note(text, TRIP_NOW).interaction is None


def test_the_rep_gone_there_is_a_visit() -> None:
    inter = parse_note("今天去了铜都电缆，见了采购汤经理", TRIP_NOW).interaction
    assert inter is not None and inter.kind == "visit"


def _dues(text: str, now: str) -> list[str]:
    note = parse_note(text, datetime.fromisoformat(now))
    return [f.due.isoformat()[:10] for f in note.follow_ups]


@pytest.mark.parametrize(
    ("text", "now"),
    [
        # a day that names a thing (年前的货款, 年底的账): nothing set for it
        ("瑞泰精密模具的詹董正月十六才回来，年前的货款只能等年后了", "2026-02-09T15:00:00+08:00"),
        # a meeting once wished for, turned down
        (
            "给华鑫电瓷的钟董事长打了电话，本来想约年前见一面，他说这几天都在跑年底的账，没空，年后再说吧",
            "2028-01-20T18:00:00+08:00",
        ),
        # been there already
        ("闽泉石材的庄总年前去过一次越南看石料，说那边便宜不少", "2027-03-11T14:20:00+08:00"),
        # our colleague's errand, named after his department
        ("我们技术部的老齐下周二去台山的海宴船厂调试，这次不用我跟", "2027-06-03T14:00:00+08:00"),
        # a dinner under way or over, told with what was talked of there
        (
            "今晚在南昌跟赣电设计院的戢院长吃饭，主要聊了明年的设备选型，戢院长表态会把我们的参数写进去",
            "2027-12-20T19:20:00+08:00",
        ),
    ],
)
def test_no_task_of_the_reps(text: str, now: str) -> None:
    assert _dues(text, now) == []


@pytest.mark.parametrize(
    ("text", "now", "due"),
    [
        ("年前把货款的发票开出来", "2026-02-09T15:00:00+08:00", "2026-02-16"),
        ("下周二我去台山的海宴船厂调试", "2027-06-03T14:00:00+08:00", "2027-06-08"),
        ("今晚跟赣电设计院的戢院长吃饭，记得带两瓶酒", "2027-12-20T17:20:00+08:00", "2027-12-20"),
    ],
)
def test_the_reps_own_task_stays(text: str, now: str, due: str) -> None:
    assert _dues(text, now) == [due]


def test_a_dinner_told_of_is_a_meal_today() -> None:
    inter = parse_note(
        "今晚在南昌跟赣电设计院的戢院长吃饭，主要聊了明年的设备选型，戢院长表态会把我们的参数写进去",
        datetime.fromisoformat("2027-12-20T19:20:00+08:00"),
    ).interaction
    assert inter is not None and (inter.kind, inter.when.isoformat()[:10]) == ("meal", "2027-12-20")


@pytest.mark.parametrize(
    ("text", "now", "trip"),
    [
        # the day they leave starts the trip, whatever holiday it is for
        (
            "黄海风能的夏总端午回老家安徽六安，18号走，22号回",
            "2026-06-15T09:20:00+08:00",
            ("夏总", "安徽六安", "2026-06-18", "2026-06-22"),
        ),
        (
            "长白山药业的董事长丛总五一回山东威海老家，30号走，5号回来",
            "2027-04-28T16:00:00+08:00",
            ("丛总", "山东威海", "2027-04-30", "2027-05-05"),
        ),
        # no day of leaving said: the holiday starts it
        (
            "黄海风能的夏总端午回老家安徽六安，22号回",
            "2026-06-15T09:20:00+08:00",
            ("夏总", "安徽六安", "2026-06-19", "2026-06-22"),
        ),
    ],
)
def test_a_trip_starts_the_day_they_leave(
    text: str, now: str, trip: tuple[str, str, str, str]
) -> None:
    note = parse_note(text, datetime.fromisoformat(now))
    assert [(i.who, i.place, i.start.isoformat(), i.end.isoformat()) for i in note.itineraries] == [
        trip
    ]
    assert note.follow_ups == []


def test_away_for_the_new_year_until_the_day_back() -> None:
    note = parse_note(
        "汴梁锅炉的岳总还在海南三亚过年没回来，说正月十八回来",
        datetime.fromisoformat("2027-02-17T11:00:00+08:00"),
    )
    assert [
        (i.who, i.place, i.start.isoformat(), i.end.isoformat(), i.purpose)
        for i in note.itineraries
    ] == [("岳总", "海南三亚", "2027-02-17", "2027-02-23", "过年")]
    assert note.follow_ups == []


def _kind(text: str) -> str | None:
    inter = parse_note(text, NOW).interaction
    return None if inter is None else inter.kind


def test_gone_to_see_someone_is_a_visit() -> None:
    assert _kind("今天去找了汕头潮联玩具实业有限公司的采购巫主管，推了我们的环保PVC粒料") == "visit"


@pytest.mark.parametrize("text", ["下周要去找了解情况的人问问", "想去找了他们的采购再说"])
def test_gone_to_see_someone_ahead_is_no_visit(text: str) -> None:
    assert _kind(text) is None


@pytest.mark.parametrize(
    ("text", "action"),
    [
        # the company and the place it is in are on the card: the reminder leaves both out
        ("下周一上午十一点给芜湖鸠江的皖南船用阀门的阮总送样", "给阮总送样"),
        ("正月初九下午两点去南康的木都家具找曾总谈床垫面料", "找曾总谈床垫面料"),
        ("明天给乐山五通桥的川盐化工的麻总打电话拜个年", "给麻总打电话拜个年"),
    ],
)
def test_the_reminder_leaves_out_where_the_company_is(text: str, action: str) -> None:
    assert [f.action for f in parse_note(text, NOW).follow_ups] == [action]


def test_a_morning_task_and_an_afternoon_one_are_two() -> None:
    note = parse_note(
        "明早先跟林都木业的马厂长电话确认一下发货数量，下午三点再去物流公司约车",
        datetime.fromisoformat("2026-11-04T20:00:00+08:00"),
    )
    assert [(f.due.isoformat()[:16], f.action) for f in note.follow_ups] == [
        ("2026-11-05T09:00", "跟马厂长电话确认一下发货数量"),
        ("2026-11-05T15:00", "去物流公司约车"),
    ]


def test_an_afternoon_hour_said_after_it_is_that_afternoons() -> None:
    note = parse_note("下周三下午去万科 三点半到", NOW)
    assert [f.due.isoformat()[:16] for f in note.follow_ups] == ["2027-05-19T15:30"]


def test_in_a_chat_the_morning_given_up_for_an_hour_is_not_kept() -> None:
    chat = (
        "南昌地铁熊经理微信：\n[09:20] 我：明天上午我过去\n"
        "[09:31] 熊经理：明天上午我们开周例会，下午吧\n[09:34] 我：好的，明天下午三点到您办公室当面聊"
    )
    note = parse_note(chat, datetime.fromisoformat("2026-01-13T10:05:00+08:00"))
    assert [f.due.isoformat()[:16] for f in note.follow_ups] == ["2026-01-14T15:00"]


@pytest.mark.parametrize(
    ("text", "dues"),
    [
        # what the rep told him the rep will do
        ("跟逯经理沟通了网线规格，说这批比较急，我跟他说明天下午三点把报价发过去", ["2027-05-13"]),
        # what he said he will do
        ("跟逯经理沟通了网线规格，他说明天下午三点把报价发过来", []),
    ],
)
def test_told_by_the_rep_or_by_him(text: str, dues: list[str]) -> None:
    assert [f.due.isoformat()[:10] for f in parse_note(text, NOW).follow_ups] == dues


@pytest.mark.parametrize(
    "text",
    [
        # the first days of next month: a vague period, as 下个月中旬
        "萍乡的湘赣工业陶瓷的吕总说最近忙，下月初再跟他约时间",
        "他说下个月初来我们工厂看看",
        "下个月初另外还要带新业务员小鲁去认认门",
    ],
)
def test_early_next_month_is_no_day(text: str) -> None:
    assert parse_note(text, NOW).follow_ups == []


def test_a_day_early_next_month_is_a_day() -> None:
    assert [f.due.isoformat()[:10] for f in parse_note("下个月3号签合同", NOW).follow_ups] == [
        "2027-06-03"
    ]


def _roles(text: str) -> dict[str, str | None]:
    return {c.salutation or "?": c.decision_role for c in parse_note(text, NOW).contacts}


def test_a_buyer_said_as_what_she_does() -> None:
    assert _roles("具体下单是他侄女小汪在管，小汪是采购兼出纳").get("小汪") == "purchaser"


@pytest.mark.parametrize(
    "text",
    [
        # signing for a parcel, a word before 管用: no role
        "快递是王经理签的",
        "这个办法很管用，李主任说的",
    ],
)
def test_no_role_from_a_word_alike(text: str) -> None:
    assert all(role is None for role in _roles(text).values())


def _summary(text: str) -> str | None:
    inter = parse_note(text, NOW).interaction
    return None if inter is None else inter.summary


@pytest.mark.parametrize(
    ("text", "summary"),
    [
        # how long they talked is no headline; what they talked of is
        (
            "上午跟昌吉天山棉业的艾总微信语音聊了好几段，谈的是今年新棉上市后的打包带需求",
            "今年新棉上市后的打包带需求",
        ),
        # what the rep asked him about
        (
            "上午给冀南焦化打电话，找生产部的翟部长问焦炉煤气脱硫剂的使用情况，翟部长说效果还行",
            "焦炉煤气脱硫剂的使用情况",
        ),
    ],
)
def test_the_headline_is_what_was_talked_of(text: str, summary: str) -> None:
    assert _summary(text) == summary


def test_no_headline_from_how_long() -> None:
    assert _summary("昨晚跟科远电子的邸经理微信上来回聊了一阵，他说他问问领导") != "一阵"


def _outcome(text: str) -> str | None:
    inter = parse_note(text, NOW).interaction
    return None if inter is None else inter.outcome


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        # what they meant is where they stand, up to the rep's own words
        (
            "刚跟抚顺北台石化机械的佴总通了电话，佴总意思是维修不划算，想直接换新的，让我们按新设备重新报",
            "维修不划算,想直接换新的",
        ),
        (
            "刚跟榕江不锈钢的佘老板通完电话，他的意思是年前必须到，不然工人一放假没人卸货，我答应他周五给个准信",
            "年前必须到,不然工人一放假没人卸货",
        ),
    ],
)
def test_what_they_meant_is_the_outcome(text: str, outcome: str) -> None:
    assert _outcome(text) == outcome


def test_what_the_rep_meant_is_no_outcome() -> None:
    assert _outcome("今天拜访了佘老板，他没说什么，我的意思是先打样") != "先打样"


@pytest.mark.parametrize(
    ("text", "contact"),
    [
        # an English title, then the surname alone; GM, CEO, Chairman lead
        (
            "Chairman Tan of Hunan Xiangtan Steel will be in Shanghai Feb 16-18",
            ("Chairman Tan", True),
        ),
        # (a VP is not marked a leader: the sets mark a bank's VP none)
        ("CRRC Zhuzhou: VP Hao will be in Shenzhen Mon–Wed for the expo.", ("VP Hao", False)),
        ("Met GM Zhang of Haier today, he wants a quote.", ("GM Zhang", True)),
        ("Director Kang of BOE flies to Seoul on Sunday.", ("Director Kang", False)),
    ],
)
def test_an_english_title_then_a_surname(text: str, contact: tuple[str, bool]) -> None:
    assert [(c.salutation, c.is_key_leader) for c in parse_note(text, NOW).contacts] == [contact]


@pytest.mark.parametrize(
    "text",
    [
        # a place named after someone, a given name: no surname after the title
        "Meeting at the Director Wang Road office",
        "Sales Manager Kevin will call back",
    ],
)
def test_no_surname_after_a_title(text: str) -> None:
    assert all(c.surname in (None, "Kevin") for c in parse_note(text, NOW).contacts)


def test_tan_sri_and_a_title_in_lower_case() -> None:
    note = parse_note(
        "YTL 的 executive chairman Tan Sri Yeoh 下个礼拜三到礼拜五在 London，回来才见。", NOW
    )
    assert [(c.salutation, c.is_key_leader) for c in note.contacts] == [("Tan Sri Yeoh", True)]
    assert [(i.who, i.place) for i in note.itineraries] == [("Tan Sri Yeoh", "London")]


@pytest.mark.parametrize(
    ("text", "salutation"),
    [
        # voice input's 总 as 宗 after a surname, before what he did
        ("嗯刚跟绍兴越美印染的钱宗通了个电话然后他说下个礼拜二让我过去", "钱总"),
        ("那个兰州陇原建工的祁宗打电话约他吃饭", "祁总"),
        ("王宗的手机是13912345678", "王总"),
    ],
)
def test_a_bosss_title_slipped_in_voice_input(text: str, salutation: str) -> None:
    assert [c.salutation for c in parse_note(text, NOW).contacts] == [salutation]


@pytest.mark.parametrize("text", ["这是正宗的宁波汤圆", "他们祖宗的规矩不能改"])
def test_zong_as_a_word_is_no_title(text: str) -> None:
    assert parse_note(text, NOW).contacts == []


@pytest.mark.parametrize(
    ("text", "salutation"),
    [
        ("跟王书计约了明天见面", "王书记"),
        ("技术部的李工成师说可以", "李工"),
        ("跟宏达的王懂事长吃了饭", "王董"),
    ],
)
def test_more_titles_slipped_in_voice_input(text: str, salutation: str) -> None:
    assert [c.salutation for c in parse_note(text, NOW).contacts] == [salutation]


def test_everything_going_up_is_no_title() -> None:
    assert parse_note("原材料全部涨价了，工厂涨价也没办法", NOW).contacts == []


@pytest.mark.parametrize(
    ("text", "person"),
    [
        # a department's last character is no surname when a full name follows the title
        ("对接的是生管课长许文彬，台湾人，手机13812760093", ("许课长", "许文彬")),
        # the name before the title stays when nothing follows it
        ("设备部经理龙飞有影响", ("龙经理", "龙飞")),
        ("找了那个刘主刃聊了试剂的用量", ("刘主任", None)),
    ],
)
def test_whose_name_a_title_goes_with(text: str, person: tuple[str, str | None]) -> None:
    assert [(c.salutation, c.name) for c in parse_note(text, NOW).contacts] == [person]
