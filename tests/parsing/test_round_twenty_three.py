"""Round twenty-three: what notes written after round twenty-two taught the reader. Most cases
failed on the parser as the session began (617d50e); the rest guard what the new rules must not
break."""

from __future__ import annotations

from datetime import datetime

import pytest

from parsing.notes import parse_note

NOW = datetime.fromisoformat("2027-05-12T18:00:00+08:00")  # a Wednesday


def reminders(text: str, now: datetime = NOW) -> list[tuple[str, str]]:
    return [(f.due.isoformat()[:16], f.action) for f in parse_note(text, now).follow_ups]


@pytest.mark.parametrize(
    ("text", "action"),
    [
        # what the meeting or the call is for, said in the clause after it, goes with it
        (
            "大后天上午十点跟湘乡的湘中减速机的谢总见面，把新的减速机样本带给他",
            "跟谢总见面，把新的减速机样本带给他",
        ),
        (
            "下周二下午四点半跟端砚电声的麦总开视频会，给他看一下喇叭振膜的测试数据",
            "跟麦总开视频会，给他看一下喇叭振膜的测试数据",
        ),
        (
            "下周一下午三点去邢台桥西的冀邢铸造找蔡厂长对账，把去年的发票清单打印出来带上",
            "找蔡厂长对账，把去年的发票清单打印出来带上",
        ),
        # the place said before the company goes out of the task with it
        (
            "提醒我下周二给黄石下陆的华鼎铜材的胥经理发一下6月份的对账单",
            "给胥经理发一下6月份的对账单",
        ),
        ("这周六晚上六点请阜新海州的辽西氟化工的邰总吃饭", "请邰总吃饭"),
    ],
)
def test_a_reminder_keeps_its_errand_and_leaves_the_company_out(text: str, action: str) -> None:
    assert [a for _, a in reminders(text)] == [action]


@pytest.mark.parametrize(
    ("text", "action"),
    [
        # another remark after the task is no part of it
        ("下周一下午三点跟谢总见面，他说价格还要降", "跟谢总见面"),
        ("大后天上午十点跟谢总见面，我们这边没问题", "跟谢总见面"),
    ],
)
def test_a_remark_after_the_task_stays_out(text: str, action: str) -> None:
    assert [a for _, a in reminders(text)] == [action]


@pytest.mark.parametrize(
    ("text", "company"),
    [
        # a place, 的, and a name whose trade no list holds
        ("今天去了南通海安的鑫源电梯配件，跟生产部的仲厂长谈了折弯机", "鑫源电梯配件"),
        ("吴忠利通区的塞上牧场采购那边说下个月可能有一批挤奶杯要招", "塞上牧场"),
        ("月底把临汾尧都的晋南焦煤的季度报价报给常经理", "晋南焦煤"),
    ],
)
def test_a_name_after_a_place_and_的(text: str, company: str) -> None:
    assert parse_note(text, NOW).company == company


@pytest.mark.parametrize(
    "text",
    [
        # what is done in a place is no company
        "下礼拜一上午去找闫总，礼拜天之前把去乌鲁木齐的机票订好。",
        # a province and a company that starts with it stays the company, not what follows
        "中午请湖北宜化的采购团队吃饭",
    ],
)
def test_no_company_made_of_what_is_done_there(text: str) -> None:
    assert parse_note(text, NOW).company in (None, "湖北宜化")


def test_a_leader_gone_this_week_is_away_and_no_visit() -> None:
    n = parse_note("铜都电缆的汤总这周去了云南大理，16号回来", NOW)
    assert n.interaction is None
    assert [(i.who, i.place, i.end.isoformat()) for i in n.itineraries] == [
        ("汤总", "云南大理", "2027-05-16")
    ]


@pytest.mark.parametrize(
    ("text", "salutation"),
    [
        # rarer surnames, or ones that are words, alone before a title
        ("今天见了危厂长，谈了真空泵", "危厂长"),
        ("今晚跟玉林桂东缸套厂的鄂厂长喝了几杯", "鄂厂长"),
        ("在大理州医院信息科跟母科长对接HIS接口", "母科长"),
        ("年底前把全年对账单让计总签字", "计总"),
        ("礼拜四上午去粮库，给寿主任讲粮情监测系统", "寿主任"),
        ("马尔康嘉绒水电的尕站长出差了", "尕站长"),
        ("明晚八点请新余赣西硅业的隗总吃饭", "隗总"),
        ("常州武进的龙城电机，巢总下周去杭州", "巢总"),
    ],
)
def test_rarer_surnames_alone_before_a_title(text: str, salutation: str) -> None:
    assert salutation in [c.salutation for c in parse_note(text, NOW).contacts]


@pytest.mark.parametrize(
    "text",
    [
        "会计主任李红说发票收到了",  # 会计: no 计主任
        "仓库经理说没货了",  # 仓库: no 库经理
        "他们都总说价格高",  # 都: an adverb
        "连总经理都同意了",  # 连…都: even
        "华东区总经理王明来了",
    ],
)
def test_words_before_a_title_are_no_surname(text: str) -> None:
    assert not {c.surname for c in parse_note(text, NOW).contacts} & set("计库都连区")


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("酒泉的祁连风电场，上午跟舒场长碰了个头，聊风机叶片的巡检服务", "visit"),
        ("义乌小商品物流中心伍主任今天终于见上了，谈分拣线的维保合同", "visit"),
        ("湖州南浔木业的麦老板今天来我们展厅看了地板涂装线，说比现在用的快一倍", "visit"),
        ("锦州渤海药业质量部的解主任今天来我们厂审计，提了三条整改意见", "visit"),
        ("昨天下午衡阳雁城建工的卜经理电话过来，说赔偿条款他们不认", "call"),
        ("今晚跟玉林桂东缸套厂的鄂厂长喝了几杯，他透露今年要换供应商", "meal"),
        ("昨天在大同云冈机修厂跟蓝科长吃了工作餐，聊液压支架密封件", "meal"),
        ("微信跟十堰东风配套件厂的申科长确认了节后开工第一批订单", "wechat"),
        ("连云港港口集团的戚经理微信回我了，说我们价格高了一点", "wechat"),
        ("昨天去肇庆的高要金利五金见了殷总，谈门锁锌合金压铸件", "visit"),
        ("昨天去秦皇岛的山海关船舶修造，跟涂部长确认了坞修用的油漆品种", "visit"),
    ],
)
def test_contacts_said_in_more_ways(text: str, kind: str) -> None:
    n = parse_note(text, NOW)
    assert n.interaction is not None and n.interaction.kind == kind


@pytest.mark.parametrize(
    "text",
    [
        "下周三麦老板来我们展厅看样品",  # still to come
        "下次让他们领导来我们厂参观",
        "明天跟涂部长确认了再说",
    ],
)
def test_a_visit_still_to_come_is_none_done(text: str) -> None:
    n = parse_note(text, NOW)
    assert n.interaction is None


@pytest.mark.parametrize(
    ("text", "now", "days"),
    [
        # a month's habit goes on after the comma
        ("西昌邛海酒店的规矩是每月5号对账，10号付款，别催早了", "2026-12-02T17:40", []),
        # about then is no day
        ("什邡磷化工那边月初左右再去一趟，找刘工对一下新的配比", "2028-02-29T16:30", []),
        # a season before 的 or 那批 tells which thing, not when
        (
            "下礼拜一约泸州酒城包装的殷总吃个饭，把年前的账对一下",
            "2026-01-23T16:30",
            ["2026-01-26"],
        ),
        ("打了电话，问年前那批轴承的款，薛总说下周给答复", "2026-01-20T10:40", []),
        # what comes the rep's way is theirs
        ("薛总说财务在走流程，款春节前肯定打过来", "2026-01-20T10:40", []),
        ("Tina同意我们的报价，合同下周五发过来", "2027-04-26T14:00", []),
        # the rep's own still are
        ("每月5号对账，这个月10号我去收款", "2026-12-02T17:40", ["2026-12-10"]),
        ("明早九点半左右给钟厂长打个电话", "2026-04-09T18:00", ["2026-04-10"]),
        ("春节前把款打给他们", "2026-01-20T10:40", ["2026-02-16"]),
    ],
)
def test_days_that_are_no_task(text: str, now: str, days: list[str]) -> None:
    n = parse_note(text, datetime.fromisoformat(now + ":00+08:00"))
    assert [f.due.isoformat()[:10] for f in n.follow_ups] == days


@pytest.mark.parametrize(
    ("text", "summary"),
    [
        # how long, then what about
        (
            "上午去淮南矿区第三医院见了尉院长，聊了半小时手术室净化工程的改造",
            "手术室净化工程的改造",
        ),
        ("郝厂长微信语音跟我聊了差不多20分钟鞋底硫化机的电耗", "鞋底硫化机的电耗"),
        ("刚才给江苏扬子桥架的冷总打了个电话拜早年", "拜早年"),
        ("给张总打电话拜年，他说年后再谈", "拜年"),
    ],
)
def test_the_headline_after_how_long_and_new_year_wishes(text: str, summary: str) -> None:
    n = parse_note(text, NOW)
    assert n.interaction is not None and n.interaction.summary == summary


def test_a_name_after_a_place_ends_before_the_visit() -> None:
    n = parse_note("今天在吉林市的松花江碳纤维见了焦工和樊工，聊了氧化炉的风机", NOW)
    assert n.company == "松花江碳纤维"


@pytest.mark.parametrize(
    ("text", "action"),
    [
        ("两个月后回访温总，看新釉料用得怎么样", "回访温总，看新釉料用得怎么样"),
        (
            "礼拜四上午去阜阳淮北平原粮库，给寿主任讲粮情监测系统",
            "去阜阳淮北平原粮库，给寿主任讲粮情监测系统",
        ),
        (
            "周五下午三点去泰州医药城的苏中生物，提醒虞总在质量协议上签字",
            "去泰州医药城的苏中生物，提醒虞总在质量协议上签字",
        ),
        ("下周三去宁波，提醒虞总", "去宁波，提醒虞总"),  # (the trip stays: 提醒 may be a call)
    ],
)
def test_what_the_visit_is_for(text: str, action: str) -> None:
    assert [a for _, a in reminders(text)] == [action]


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        # a short remark goes on after its comma
        ("今天拜访了王总，他说量会往上走，今年要再加两条线", "量会往上走,今年要再加两条线"),
        ("今天拜访了王总，他说资金紧，设备的事明年开春再议", "资金紧,设备的事明年开春再议"),
        # not into the rep's own words, a habit, or another subject's
        ("今天拜访了王总，他说资金紧，我下周再去", "资金紧"),
        ("今天拜访了王总，他说资金紧，一般年底才有钱", "资金紧"),
        ("今天拜访了王总，他说资金紧，他们也在看别家", "资金紧"),
    ],
)
def test_a_short_remark_goes_on(text: str, outcome: str) -> None:
    n = parse_note(text, NOW)
    assert n.interaction is not None and n.interaction.outcome == outcome


@pytest.mark.parametrize(
    ("text", "now", "due", "action"),
    [
        # a thing signed or sent back is no one's return
        ("正月十五前把框架合同签回来", "2028-02-03T10:30", "2028-02-09", "把框架合同签回来"),
        ("正月十五前把框架合同寄回来", "2028-02-03T10:30", "2028-02-09", "把框架合同寄回来"),
        # 十点一起: together, not 10:01
        ("约了李工周四上午十点一起看", "2026-06-22T10:15", "2026-06-25T10:00", "约了李工一起看"),
        ("周四下午三点一起去现场", "2026-06-22T10:15", "2026-06-25T15:00", "一起去现场"),
        # arranged, then who and when: the rep's meeting
        (
            "约好了，蔡总这周五下午四点半在他们办公室见",
            "2028-05-23T12:00",
            "2028-05-26T16:30",
            "在他们办公室见",
        ),
    ],
)
def test_days_read_right(text: str, now: str, due: str, action: str) -> None:
    n = parse_note(text, datetime.fromisoformat(now + ":00+08:00"))
    assert [(f.due.isoformat()[: len(due)], f.action) for f in n.follow_ups] == [(due, action)]


def test_a_leader_back_is_still_no_task() -> None:
    # (回来 after a person is their return, as before)
    n = parse_note("王总周五回来，下周一再约", NOW)
    assert [f.due.isoformat()[:10] for f in n.follow_ups] != ["2027-05-14"]


@pytest.mark.parametrize(
    "text",
    [
        # a visit planned and called off did not take place
        "本来今天来我们公司考察，改期到下周了",
        "原定今天来我们公司考察，临时有事没来成",
    ],
)
def test_a_visit_called_off_is_none(text: str) -> None:
    assert parse_note(text, NOW).interaction is None


def test_a_visit_made_stays_when_something_else_was_called_off() -> None:
    n = parse_note("今天拜访了王总，原定的方案改期了", NOW)
    assert n.interaction is not None and n.interaction.kind == "visit"
    # (the plan called off in one clause, the call that said so in another)
    n = parse_note(
        "原定正月初十去汇源拜年，今天他们办公室来电话说常总不在北京，取消了",
        datetime.fromisoformat("2028-02-02T10:00:00+08:00"),
    )
    assert n.interaction is not None and n.interaction.kind == "call"


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("王总说定金下周一打过来", []),  # a deposit coming in is theirs
        ("王总说保证金周五前打过来", []),
        ("明天上午十点一齐去王总那", ["2027-05-13T10:00"]),  # 一齐: together, no 10:01
    ],
)
def test_money_coming_and_ten_together(text: str, days: list[str]) -> None:
    assert [f.due.isoformat()[:16] for f in parse_note(text, NOW).follow_ups] == days


@pytest.mark.parametrize(
    ("text", "summary"),
    [
        ("今天拜访王总，聊了三个小时的技术方案", "技术方案"),
        ("今天跟王总聊了三小时都在谈价格", "价格"),
    ],
)
def test_how_long_said_with_any_number(text: str, summary: str) -> None:
    n = parse_note(text, NOW)
    assert n.interaction is not None and n.interaction.summary == summary
