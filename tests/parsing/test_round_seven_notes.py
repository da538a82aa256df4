"""Round seven of the note reader (2026-12-02): sentence in, facts out — the ways of writing that
the styles4 set and the older tuned sets showed it missing or misreading."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from parsing.notes import Note, parse_note

SH = ZoneInfo("Asia/Shanghai")


def note(text: str, now: datetime) -> Note:
    return parse_note(text, now)


def at(y: int, m: int, d: int, h: int = 10, minute: int = 0) -> datetime:
    return datetime(y, m, d, h, minute, tzinfo=SH)


def dues(text: str, now: datetime) -> list[str]:
    return [f.due.isoformat()[:16] for f in note(text, now).follow_ups]


def test_days_said_around_spring_festival_are_read_and_never_a_wrong_monday() -> None:
    now = at(2027, 2, 8, 10, 20)  # 初二 2027
    # 元宵 2027 is Saturday 20 February: the first Monday after it is the 22nd (not next Monday)
    assert dues("他说元宵节后第一个礼拜一去讲一下方案", now) == ["2027-02-22"]
    assert dues("中交二航雷局 初八拜年", now) == ["2027-02-13"]
    # 昨天大年初二 is the day gone by, not next year's 初二
    assert dues("昨天大年初二给田总打电话拜年了", now) == []
    assert dues("大年初三给鞠总打电话拜年", at(2027, 2, 5, 9)) == ["2027-02-08"]
    # far from 春节 a bare 初八 says no month: not read, unless the note speaks of the new year
    assert dues("初八开会", at(2026, 6, 9)) == []
    assert dues("初八去给南京地铁集团周总拜年", at(2026, 12, 2)) == ["2027-02-13"]
    assert dues("元旦以后第一个工作日去给他拜个年", at(2026, 12, 26, 11)) == ["2027-01-04"]


def test_english_days_reps_mix_in() -> None:
    now = at(2026, 12, 21, 15, 30)
    assert dues("我们 CNY 前要交 PoC", now) == ["2027-02-05"]  # the day before 春节
    assert dues("send NDA to 百度 before EOM", at(2026, 11, 25, 9)) == ["2026-11-30"]
    assert dues("Follow up w/ Mr. Huang tomorrow AM.", at(2027, 1, 19, 9)) == ["2027-01-20T09:00"]
    assert dues("meeting at 3 pm tomorrow", now) == ["2026-12-22T15:00"]
    # CNY alone is the currency, never the festival
    assert note("报价 CNY 50万", now).follow_ups == []


def test_telegraphic_days() -> None:
    assert dues("华电李处 明10点电", at(2026, 10, 13, 9)) == ["2026-10-14T10:00"]
    # a name or a city ending in 明 before an hour is no "tomorrow"
    assert dues("下周二 李明10点来公司", at(2026, 12, 2)) == ["2026-12-08T10:00"]
    assert dues("到昆明9:30 王总接机", at(2026, 12, 2)) == []
    # 当初三家, 万一下周二, 统一下周一: no 正月初三, and next week stays next week
    assert dues("当初三家都报了价,最后选了我们", at(2027, 1, 20)) == []
    assert dues("统一下周一提交报价", at(2026, 11, 30)) == ["2026-12-07"]
    # 整理一下礼拜三之前: this Wednesday (一下 is the verb's), not next week's
    assert dues("让我们先把供货清单整理一下礼拜三之前发给他", at(2026, 12, 7, 18)) == ["2026-12-09"]


def test_what_the_customer_will_do_by_a_day_is_no_follow_up_but_what_they_said() -> None:
    now = at(2026, 11, 2, 16)
    n = note("岸电系统他们年底定,付款一般分三次。明天上午给鲍工发技术方案。", now)
    assert [f.due.isoformat()[:16] for f in n.follow_ups] == ["2026-11-03T09:00"]
    assert dues("食堂设备的尾款他们答应本月底付。", at(2026, 12, 10)) == []
    assert dues("他说春节前要定", at(2027, 1, 20, 20)) == []
    said = note("昨天跟鞍钢设备部的于部长吃饭,他说冷轧线的改造明年三月招标", now).interaction
    assert said is not None and said.outcome is not None and "明年三月招标" in said.outcome
    # a customer's chat line: their answer, awaited
    chat = "潘总 16:20\n报价单收到了,下周三之前答复你\n我 16:22\n好的潘总,等您消息"
    assert note(chat, at(2026, 12, 9, 17)).follow_ups == []


def test_the_reps_own_deadline_stays_a_follow_up() -> None:
    now = at(2026, 12, 2)
    assert dues("周五前把报价定下来", now) == ["2026-12-04"]
    assert dues("月底最后期限交标书", now) == ["2026-12-31"]
    assert dues("下周一最后一次催款", now) == ["2026-12-07"]


def test_what_the_third_tryout_of_the_day_found() -> None:
    now = at(2026, 12, 2, 19, 45)
    # 小年前 is before 小年 (腊月二十三 said just before it: one day said twice, one reminder)
    assert dues("腊月二十三小年前给王局送两箱橙子", now) == ["2027-01-29"]
    # an hour said apart from the day's part of day is the hour (not the convention's 14:00)
    assert dues("下周三下午去华东电力设计院 三点 跟王局汇报方案", now) == ["2026-12-09T15:00"]
    assert dues("他提了三点跟进意见", now) == []
    # a visit this afternoon is on today's date, with no hour nobody said
    visit = note("今天下午去了国网苏州供电公司 见了李工", now).interaction
    assert visit is not None and visit.when == date(2026, 12, 2)


def test_someone_said_not_there_is_named_but_not_met() -> None:
    now = at(2026, 12, 2, 19, 45)
    n = note("拜访了华东电力设计院 王局不在 见了他们总工办的钱总工 聊了设计软件", now)
    assert [(c.salutation, c.absent) for c in n.contacts] == [("王局长", True), ("钱总工", False)]
    n = note("今天去万科没见着张总 见了李经理", now)
    assert [(c.salutation, c.absent) for c in n.contacts] == [("张总", True), ("李经理", False)]


def test_a_dinner_told_of_in_the_evening_took_place() -> None:
    said = (
        "今晚跟 NUH 的 Dr. Lim 吃饭,他是 key leader,很支持我们的方案。Next Tue 10am 去 NUH present"
    )
    n = note(said, at(2026, 11, 18, 19))
    assert n.interaction is not None and n.interaction.kind == "meal"
    assert [f.due.isoformat()[:16] for f in n.follow_ups] == ["2026-11-24T10:00"]
    # written in the afternoon, the same words are a dinner to come; and in the evening too
    # when its hour is said or something is still to prepare
    assert note("今晚请张总吃饭,他是关键人", at(2026, 11, 18, 15)).interaction is None
    evening = at(2026, 12, 2, 19, 30)
    for said in (
        "今晚八点跟陈总吃饭,他是决策人,要好好准备",
        "今晚跟张局吃饭 他很能喝 要准备两瓶茅台",
    ):
        n = note(said, evening)
        assert n.interaction is None and len(n.follow_ups) == 1, said


def test_a_contact_to_come_or_of_others_is_no_contact() -> None:
    now = at(2026, 12, 2)
    for said in (
        "等跟张总聊完方案再报价",
        "谈完之后发个纪要给他",
        "客户那边跟设计院开会,讨论图纸",
        "等他们做了测试再说",
        "发了演示视频了,等他看完反馈",
    ):
        assert note(said, now).interaction is None, said
    assert note("提醒一下王局长下周二到周四在北京开会", now).itineraries[0].who == "王局长"
    assert note("陈总话不多,比较谨慎", now).interaction is None


def test_what_is_left_of_a_remark_is_no_outcome() -> None:
    now = at(2027, 1, 6, 11)
    for said in (
        "今天電話裡中鋼的李華處長說他們每年第三季採購,付款是驗收後 60 天",
        "上午去了南京邮电大学,网络中心的刁主任说技术他把关,但买不买要黎校长定",
        "宝钢湛江的刘工打电话过来,我答应明天上午安排售后过去",
        "上午在无锡市第二人民医院,王科长管技术把关,院长说了算",
    ):
        i = note(said, now).interaction
        assert i is None or i.outcome is None, said
    # …but the customer's own 我 and 让 are what was said
    kept = note("今天拜访了王处,王处说我这边没意见", now).interaction
    assert kept is not None and kept.outcome == "我这边没意见"


def test_a_day_named_but_nothing_set_for_it() -> None:
    assert dues("找他最好避开周一上午", at(2026, 10, 14, 18)) == []
    assert dues("春节前最后一次拜访,明天下午去格力电器送年货", at(2027, 2, 3, 9)) == [
        "2027-02-04T14:00"
    ]


def test_a_chat_is_read_as_a_chat() -> None:
    # the customer's statement is the outcome; the rep's own 没问题 judges nothing
    chat = (
        "石经理 20:31\n你们那个粮情测控的报价我看了,比去年高了不少啊\n"
        "我 20:33\n石经理,今年换了新款,没问题的"
    )
    i = note(chat, at(2026, 11, 9, 22)).interaction
    assert i is not None and i.outcome == "比去年高了不少啊"
    # stamps with a bracketed company and a colon after the hour are stamps, not hours
    chat = (
        "钱工(中交一航局) 18:50: 桩基检测仪器下周一进场吗\n"
        "我 18:52: 钱工,下周一上午8点准时进场\n"
        "钱工(中交一航局) 18:53: 好"
    )
    assert dues(chat, at(2026, 12, 17, 19, 40)) == ["2026-12-21T08:00"]


def test_people_and_their_roles() -> None:
    now = at(2027, 1, 12, 13)
    n = note(
        "上午跟碧水源的项目组开会,项目经理钱工负责技术,他们老板文总说了算。钱工说标准下周五前发我们。",
        now,
    )
    people = {(c.surname, c.title, c.salutation, c.decision_role) for c in n.contacts}
    assert people == {
        ("钱", "项目经理", "钱工", "influencer"),
        ("文", "总", "文总", "decision_maker"),
    }
    assert n.interaction is not None and n.interaction.kind == "visit"  # 跟…开会 took place
    # a two-character name stays whole after who they are (新客户陈高经理 is 陈经理)
    assert [c.salutation for c in note("今天见了新客户陈高经理", now).contacts] == ["陈经理"]
    assert note("今天见了对接人陈林经理", now).company is None
    n = note("今天去了市第三医院,见了分管副院长郑院长(拍板的)、设备科李科长(负责采购)", now)
    assert {c.surname: c.title for c in n.contacts} == {"郑": "副院长", "李": "科长"}
    n = note("今天晚上跟农行省分行运营部的罗主任吃饭", now)
    assert [c.salutation for c in n.contacts] == ["罗主任"]  # 农行 is a bank, no 农行长
    # …but never said the other way round
    for said in ("今天拜访了王科长,他没有决定权,要听李总的", "王总决定不了,要上董事会"):
        assert all(c.decision_role is None for c in note(said, now).contacts)
    assert note("李处长说要走采购流程,让我找采购部", now).contacts[0].decision_role is None
    assert note("拜访赵主任 他说今年想用系统管起来", now).contacts[0].decision_role is None
    roles = note("信号部部长陈东有决定权,维修中心的马工用设备,采购员小蔡经办", now).contacts
    assert {c.surname: c.decision_role for c in roles} == {
        "陈": "decision_maker",
        "马": "user",
        "蔡": "purchaser",
    }


def test_companies_as_reps_write_them() -> None:
    now = at(2026, 12, 8, 16)
    assert note("今天拜访了紫金矿业的林总", now).company == "紫金矿业"
    assert note("华润置地（南京）有限公司的黄总来电", now).company == "华润置地(南京)有限公司"
    assert note("去了无锡市自然资源和规划局见王局", now).company == "无锡市自然资源和规划局"
    branch = "中国人民财产保险股份有限公司苏州市分公司的王经理"
    assert note(branch, now).company == "中国人民财产保险股份有限公司苏州市分公司"
    # what was talked about, and a count of hospitals, are never the name
    assert note("上午在无锡市第二人民医院聊移动护理系统", now).company == "无锡市第二人民医院"
    chat = "汪院长:你们的平台今年要扩到县里十二家医院\n我:好的\n\n——安庆市立医院"
    assert note(chat, now).company == "安庆市立医院"
    # a name, then one of its departments (鞍钢设备部的于部长); never our own (我司研发中心)
    assert note("昨天跟鞍钢设备部的于部长吃饭", now).company == "鞍钢"
    assert note("今天去了他们的采购部", now).company is None
    assert note("我司研发中心的同事说样机好了", now).company is None
    # a verb, a role or a kind of place before a department is nobody's name
    for said in (
        "明天安排技术部的小李过去调试",
        "甲方采购部的刘经理说月底付款",
        "医院信息科的张主任说预算批了",
    ):
        assert note(said, now).company is None, said
    assert note("今天去过广州了 见了李总", now).company is None
    assert note("今天拜访了司法局王科长", now).company == "司法局"
    # a courier and a restaurant are where, not who (快递 and 酒店 end no customer's name)
    assert note("样品今天用中通快递寄给王总了", now).company is None
    assert note("中铁十局集团物资中心的王主任来电", now).company == "中铁十局集团"
    assert note("提醒一下王局长下周二到周四在北京开会", now).company is None
    assert note("今天去了省农信联社,科技部总经理朱总说了算", now).company == "省农信联社"


def test_rivals_by_name() -> None:
    now = at(2026, 12, 16, 19)
    assert note("华润医药的胡经理说竞争对手国药给的价低百分之五", now).competitors == ["国药"]
    assert note("他说目前用的是西门子", now).competitors == ["西门子"]
    assert note("汇川 丢单 给了台达", now).competitors == ["台达"]
    assert note("耿院长对手术室净化项目有兴趣", now).competitors == []


def test_a_headline_and_an_outcome_from_a_voice_note() -> None:
    n = note(
        "那个刚才跟国网无锡供电公司的赵科张通了电话嗯他们那个配网自动化项目还在走流程",
        at(2026, 12, 4, 18, 45),
    )
    assert n.interaction is not None
    assert n.interaction.summary == "配网自动化项目"
    # the headline names the project: the remark keeps where it stands (round eight)
    assert n.interaction.outcome == "还在走流程"
    n = note(
        "那个今天晚上跟中铁四局的罗经理吃了个饭嗯他喜欢打掼蛋然后就是说那个钢材集采平台的事情",
        at(2026, 11, 10, 20),
    )
    assert n.contacts[0].hobbies == ["打掼蛋"]
    assert n.interaction is not None and n.interaction.summary == "钢材集采平台"
    visit = note(
        "開工第一天去拜訪台達電的周正處長，談儲能系統，他說預算已經核准了", at(2027, 2, 17)
    )
    assert visit.interaction is not None and visit.interaction.when == date(2027, 2, 17)
    assert visit.interaction.summary == "储能系统"


def test_what_is_sold_said_first_is_the_headline() -> None:
    n = note("今天去了东方航空物流,徐经理说冷链监控下个月就要定", at(2026, 11, 19, 17))
    assert n.interaction is not None and n.interaction.summary == "冷链监控"
