"""Round twenty-five: what notes written after round twenty-four taught the reader. Most cases
failed on the parser as the session began (778880e); the rest guard what the new rules must not
break."""

from __future__ import annotations

from datetime import datetime

import pytest

from parsing.notes import parse_note

NOW = datetime.fromisoformat("2027-01-05T11:30:00+08:00")  # a Tuesday


def contact(text: str, now: datetime = NOW) -> tuple[str, str, str | None] | None:
    said = parse_note(text, now).interaction
    return None if said is None else (said.kind, said.when.isoformat(), said.summary)


@pytest.mark.parametrize(
    ("text", "read"),
    [
        # the company's own 要 (高要金利五金) says nothing of a plan: the visit took place
        (
            "12月30号去肇庆的高要金利五金见了殷总，谈门锁锌合金压铸件",
            ("visit", "2026-12-30", "门锁锌合金压铸件"),
        ),
        # 催 names what was chased
        (
            "今天去大庆的龙凤石化找扈经理，催去年那笔二十六万的尾款，扈经理说五月底前一定付",
            ("visit", "2027-01-05", "去年那笔二十六万的尾款"),
        ),
    ],
)
def test_what_a_contact_was_about(text: str, read: tuple[str, str, str | None]) -> None:
    assert contact(text) == read


@pytest.mark.parametrize(
    "text",
    [
        "今天去中石化仪征化纤，催化剂的事聊了聊",  # 催化剂 is a thing, not a chase
        "今天给林经理打了电话，催财务赶紧付款",  # who was chased, not what
    ],
)
def test_what_is_no_chase(text: str) -> None:
    said = contact(text)
    assert said is not None and said[2] not in ("化剂的事聊了聊", "财务赶紧付款")


def people(text: str, now: datetime = NOW) -> list[tuple[str | None, str | None, str | None]]:
    return [(c.name, c.title, c.salutation) for c in parse_note(text, now).contacts]


@pytest.mark.parametrize(
    ("text", "who"),
    [
        # a dictated name spelled out after it (口天吴, 杜甫的杜): the name, and no day in 明天的明
        (
            "洪城钢构有个新的联系人叫做吴明华口天吴明天的明中华的华是他们工程部的经理",
            [("吴明华", None, None)],
        ),
        (
            "金州冷机技术部的部长叫做杜东平啊杜甫的杜东西的东平安的平然后聊了螺杆压缩机的改型",
            [("杜东平", "部长", "杜部长")],
        ),
        (
            "芜湖建材机械的那个总经理叫做陶国安然后就是那个陶瓷的陶国家的国安全的安嗯他的电话是"
            "幺三三零五五三二八八六",
            [("陶国安", "总经理", "陶总")],
        ),
        (
            "淮安玻璃瓶厂的采购叫做孙平安嗯孙悟空的孙平安的平安嗯他手机是幺八九五幺七二六六三三",
            [("孙平安", None, None)],
        ),
        # 叫做 right after 联系人 leads to the name as well
        ("联系人叫做吴明华，电话13912345678", [("吴明华", None, None)]),
    ],
)
def test_a_dictated_name(text: str, who: list[tuple[str | None, str | None, str | None]]) -> None:
    assert people(text) == who


def test_a_spelled_name_holds_no_day() -> None:
    note = parse_note("洪城钢构有个新的联系人叫做吴明华口天吴明天的明中华的华", NOW)
    assert note.follow_ups == []


def test_words_after_a_name_are_not_spelling() -> None:
    # 明天的明天 spells nothing of 王明明: the day stays a day
    note = parse_note("他叫王明明天的明天来，给他打电话", NOW)
    assert [f.due.isoformat()[:10] for f in note.follow_ups] == ["2027-01-06"]


@pytest.mark.parametrize(
    ("text", "who"),
    [
        # rarer surnames, many of them words too, standing alone before a title
        ("刚在微信上跟义乌环球跨境仓储的花经理聊智能分拣线", [(None, "经理", "花经理")]),
        ("上周五去了韶关丹霞冶炼厂，跟安环部的步部长谈了烟气脱硫", [(None, "部长", "步部长")]),
        ("下周四晚上请益阳安化黑茶厂的滑总吃饭", [(None, "总", "滑总")]),
        ("年底前把全年的返利结算单给儋州西培橡胶加工厂的羊会计", [(None, "会计", "羊会计")]),
        ("河池南丹锡业的宰董事长从1月26号到2月6号在澳大利亚墨尔本考察", [(None, "董事长", "宰董")]),
        (
            "禹州神垕钧窑文化：虢总拍板；设计部的贲主任有影响",
            [(None, "总", "虢总"), (None, "主任", "贲主任")],
        ),
        ("醴陵釉下五彩瓷业：质检的官主管对镀膜机选型有影响", [(None, "主管", "官主管")]),
        # compound surnames
        ("今晚跟朝阳燕都建材的闾丘总喝了几杯", [(None, "总", "闾丘总")]),
        # (东郭 and 司空 were left out: 华东郭经理, 公司空调主管)
    ],
)
def test_a_rare_surname_before_a_title(
    text: str, who: list[tuple[str | None, str | None, str | None]]
) -> None:
    assert people(text) == who


@pytest.mark.parametrize(
    "text",
    [
        "下午跟安全总监开了个会",  # 安全, no 全总
        "维修经理说配件下周到",  # 维修, no 修经理
        "他们的时间表下周出",  # no title after 时
        "拍板的是部门总监车总",  # 部门, no 门总
    ],
)
def test_words_before_a_title_are_no_surname(text: str) -> None:
    assert not [c for c in parse_note(text, NOW).contacts if c.surname in ("全", "修", "时", "门")]


def roles(text: str, now: datetime = NOW) -> list[tuple[str | None, str | None]]:
    return [(c.salutation, c.decision_role) for c in parse_note(text, now).contacts]


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("曲阜尼山研学酒店：前厅的束主管负责操作我们的PMS系统", [("束主管", "user")]),
        ("永城芒山汉文化旅游：售票中心的米经理是系统的使用者", [("米经理", "user")]),
        ("禹州神垕钧窑文化：烧窑车间的慕主任是真正用窑炉的人", [("慕主任", "user")]),
        ("海门东布洲家纺：打样间的周主管用我们的绣花机最多", [("周主管", "user")]),
        ("新郑黄帝故里枣业：安董事长定大事", [("安董", "decision_maker")]),
        ("大冶铜绿山矿机修造：设备科柳科长懂技术，意见很关键", [("柳科长", "influencer")]),
        (
            "槟城丰盛电子：杨老板拍板；下单是采购的小吴",
            [("杨老板", "decision_maker"), ("小吴", "purchaser")],
        ),
        ("枣阳鄂北汽配：下单找采购部淳于经理，手机13872256031", [("淳于经理", "purchaser")]),
    ],
)
def test_a_role_said_in_a_sentence(text: str, read: list[tuple[str | None, str | None]]) -> None:
    assert roles(text) == read


def reminders(text: str, now: datetime = NOW) -> list[tuple[str, str]]:
    return [(f.due.isoformat()[:10], f.action) for f in parse_note(text, now).follow_ups]


def trips(text: str, now: datetime = NOW) -> list[tuple[str | None, str, str, str]]:
    return [
        (t.who, t.place, t.start.isoformat(), t.end.isoformat())
        for t in parse_note(text, now).itineraries
    ]


@pytest.mark.parametrize(
    "text",
    [
        # a condition's day sets nothing for it
        "普宁南山纺织的方总放了话，如果六月底前我们能把价格降到八块五，他就下单",
        "如果阳春春湾石灰石矿下周一前还不回复，这个单子就算了，不用再跟",
        # someone else is to do it
        "信宜南药种植基地的对账下礼拜三由财务部的同事去办，我只管报价",
    ],
)
def test_no_task_of_the_rep(text: str) -> None:
    assert reminders(text) == []


def test_a_day_of_what_matters_most_is_no_condition() -> None:
    # 主要是 holds 要是 and is no condition: the rep's visit keeps its day
    text = "见了钱工，主要是断路器外壳的模具，那我下礼拜三早上带样件过去"
    assert [day for day, _ in reminders(text)] == ["2027-01-13"]


@pytest.mark.parametrize(
    ("text", "now", "trip"),
    [
        # the stay said in the next clause ends the trip
        (
            "余姚模具城的计总12月10号飞马来西亚槟城，在那边待到14号，去看他们的海外工厂",
            "2026-11-30T11:00:00+08:00",
            ("计总", "马来西亚槟城", "2026-12-10", "2026-12-14"),
        ),
        # a day said again in brackets before where he goes
        (
            "陇南武都花椒集团的荣董7月27号（下周一）去四川汉源看花椒基地，月底回来",
            "2026-07-22T11:00:00+08:00",
            ("荣董", "四川汉源", "2026-07-27", "2026-07-31"),
        ),
    ],
)
def test_a_trip_and_no_task(text: str, now: str, trip: tuple[str, str, str, str]) -> None:
    at = datetime.fromisoformat(now)
    assert trips(text, at) == [trip]
    assert reminders(text, at) == []


@pytest.mark.parametrize(
    ("text", "now", "trip"),
    [
        # what is done there ends the place (陪)
        (
            "广安市水务局的郎局长2月14号到25号在天津陪老母亲住院",
            "2026-02-12T14:00:00+08:00",
            ("郎局长", "天津", "2026-02-14", "2026-02-25"),
        ),
        # the day left, then where and why, then the day back
        (
            "崇左扶绥糖业的仰总这周四走，去云南西双版纳休假，下周二回",
            "2026-02-02T09:00:00+08:00",
            ("仰总", "云南西双版纳", "2026-02-05", "2026-02-10"),
        ),
    ],
)
def test_a_trip_said_in_parts(text: str, now: str, trip: tuple[str, str, str, str]) -> None:
    assert trips(text, datetime.fromisoformat(now)) == [trip]


@pytest.mark.parametrize(
    ("text", "task"),
    [
        # a day said alone before a comma, then the rep's own step
        (
            "七月十号之前，把铸件的三坐标检测数据发给秋工",
            ("2027-07-10", "把铸件的三坐标检测数据发给秋工"),
        ),
        (
            "下下周三下午三点，带技术员去茶机厂找崔总调试揉捻机",
            ("2027-01-20", "带技术员去茶机厂找崔总调试揉捻机"),
        ),
        (
            "八月三号下午三点，在恩施硒都茶业跟凌总签年度合同",
            ("2027-08-03", "在恩施硒都茶业跟凌总签年度合同"),
        ),
    ],
)
def test_the_step_after_a_day_said_alone(text: str, task: tuple[str, str]) -> None:
    assert reminders(text) == [task]


def test_what_the_customer_will_do_is_no_step_of_the_reps() -> None:
    # 他说周五把合同签好寄回来: theirs, said with 把 right after the day
    assert reminders("刚跟内江甜城糖业的项总通了电话，他说周五把合同签好寄回来") == []


@pytest.mark.parametrize(
    ("text", "rivals"),
    [
        ("柴总说报价收到了，比恒力的高了4%，让我们考虑下", ["恒力"]),
        ("沈厂长说我们的墨水比上一家宏华的稳定，打算长期用", ["宏华"]),
        ("鲍处长说我们第二，第一是兰石，差距在价格上", ["兰石"]),
        ("范经理说卡博特给的价比我们低四十块一吨", ["卡博特"]),
        ("蔚经理透露百川的人上周来过，报价比我们低五个点", ["百川"]),
        ("今天在皖江重型锻造碰到了恒锻科技的销售，他们也在报曲轴毛坯", ["恒锻科技"]),
        ("在鲁东食品机械碰到了老对手捷迈机械的人", ["捷迈机械"]),
        ("老符说空调打算换成多联机，大金和格力都来过了", ["大金", "格力"]),
        # a country's goods, no rival named
        ("他说我们的膜比日本的贵一点", []),
    ],
)
def test_a_rival_said_in_a_sentence(text: str, rivals: list[str]) -> None:
    assert parse_note(text, NOW).competitors == rivals


def test_meeting_a_rivals_salesman_is_still_a_visit() -> None:
    said = contact("今天在皖江重型锻造碰到了恒锻科技的销售，他们也在报曲轴毛坯")
    assert said is not None and said[0] == "visit"


@pytest.mark.parametrize(
    ("text", "cycle"),
    [
        ("瓯海欧锋眼镜 B类客户 现金结 联系人麻姐", "现金结"),
        ("珠海横琴港机每月25号对账，次月10号付款，一直挺准时的", "次月10号付款"),
        ("宜昌三峡新能的付款日是每月15号，这个月的货款应该会按时到", "每月15号"),
        ("大同塞北风电运维付款半年一次，这个客户算C类", "半年一次"),
        ("盛泽恒锦丝绸：老板沈德林拍板；设备款分三期付", "设备款分三期付"),
        ("Mdm Goh 讲他们 30 days payment", "30 days payment"),
    ],
)
def test_how_they_pay(text: str, cycle: str) -> None:
    assert parse_note(text, NOW).payment_cycle == cycle


def test_buying_said_with_下订单() -> None:
    assert (
        parse_note("他们每个月初下订单，这个月的单子已经到了", NOW).purchase_cycle
        == "每个月初下订单"
    )


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            "没谈拢，对方只肯给每公斤两块一。上午在咸宁温泉谷酒店跟采购部尚经理谈的布草洗涤外包",
            "visit",
        ),
        ("对方基本认可——上午在内江甜城制糖厂谈的是蔗渣锅炉的改造方案", "visit"),
        ("今天在松原查干湖渔业合作社谈冬捕后的鱼类冷冻加工，对方表示加工设备暂缓采购", "visit"),
        ("今天给临清轴承产业园管委会的申主任演示了园区能耗监测平台，申主任很感兴趣", "visit"),
        ("今晚和白银屈家湾铅锌矿的咸总喝了顿酒，聊井下通风机的节能改造", "meal"),
        ("刚才微信语音跟兴义万峰林旅游集团的蓟总聊了半小时", "wechat"),
    ],
)
def test_a_contact_said_other_ways(text: str, kind: str) -> None:
    said = contact(text)
    assert said is not None and said[0] == kind


def test_a_place_said_for_tomorrow_is_no_visit() -> None:
    # 明天下午在…谈: still to come
    assert contact("明天下午在万科总部跟张总谈合同") is None


def test_what_the_boss_said_is_the_outcome() -> None:
    said = parse_note(
        "今天给辽源东丰针织的巢老板打电话拜年，巢老板说节后开工先要两千套针筒", NOW
    ).interaction
    assert said is not None and said.outcome is not None and "两千套针筒" in said.outcome
