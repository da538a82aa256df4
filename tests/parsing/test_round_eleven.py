"""Round eleven of the note reader (2026-12-03, a new session): sentence in, facts out."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from parsing.dates import parse_when
from parsing.notes import Birthday, FollowUpFact, parse_note

SH = ZoneInfo("Asia/Shanghai")
SEPT_20 = datetime(2026, 9, 20, 10, 0, tzinfo=SH)  # a Sunday, ten days before 国庆


def tasks(text: str, now: datetime) -> list[FollowUpFact]:
    return parse_note(text, now).follow_ups


def dues(text: str, now: datetime) -> list[str]:
    return [t.due.isoformat() for t in tasks(text, now)]


def test_a_task_before_a_holiday_said_by_its_first_day_is_due_the_day_before() -> None:
    # 放假 had made the day someone's time away: the task was lost
    assert [(t.due.isoformat(), t.action) for t in tasks("10月1号放假前把合同签了", SEPT_20)] == [
        ("2026-09-30", "把合同签")
    ]
    assert dues("周五放假前把报价发给王总", SEPT_20) == ["2026-09-24"]


def test_their_own_holiday_and_trip_are_still_no_task() -> None:
    assert dues("他们10月1号放假前要把货备齐", SEPT_20) == []
    assert dues("王总10月1号放假前出差去北京", SEPT_20) == []


NOW = datetime(2026, 12, 3, 18, 0, tzinfo=SH)


def test_a_unit_named_by_what_it_does_is_not_the_customer() -> None:
    note = parse_note(
        "今天拜访中国外运长航：总经理陈明说了算，物流信息部王东主任是技术把关的人，"
        "仓储中心的吕经理是最终用户。",
        NOW,
    )
    assert note.company == "中国外运长航"  # it had been 仓储中心


def test_whose_people_the_rep_ate_with_names_the_customer() -> None:
    note = parse_note("晚上和苏州轨道交通的两位吃饭。运营分公司的副总经理卫东是决策人", NOW)
    assert note.company == "苏州轨道交通"  # it had been 运营分公司


def test_a_brand_or_a_word_before_a_title_invents_no_person() -> None:
    boss = parse_note("给杭州老板电器的采购部打电话，接电话的是采购专员小周（周敏）。", NOW)
    assert boss.company == "杭州老板电器"
    assert [c.surname for c in boss.contacts] == ["周"]  # no boss called 杭州
    project = parse_note("见了副所长唐海波，还有项目工程师小冯，测试方案基本敲定", NOW)
    assert [c.surname for c in project.contacts] == ["唐", "冯"]  # no 项工 named 项目
    assert parse_note("项经理说下周来", NOW).contacts[0].surname == "项"


def test_a_day_then_whose_birthday_it_is_is_that_persons_birthday() -> None:
    for text in (
        "12月9号是王总生日",
        "下周三是王总生日，记得准备礼物",
        "记得准备礼物 下周三王总生日",
    ):
        (wang,) = parse_note(text, NOW).contacts
        assert (wang.salutation, wang.birthday) == ("王总", Birthday(12, 9)), text
    (zhang,) = parse_note("周五是张总的生日", NOW).contacts
    assert zhang.birthday == Birthday(12, 4)


def test_the_lunar_day_in_brackets_is_the_birthday_not_the_day_it_falls_on() -> None:
    note = parse_note("明天是欧阳部长生日（阴历七月二十六），我明天送个蛋糕过去", NOW)
    (ouyang,) = note.contacts
    assert ouyang.birthday == Birthday(7, 26, lunar=True)
    assert [(t.due.isoformat(), t.action) for t in note.follow_ups] == [
        ("2026-12-04", "送个蛋糕过去")
    ]


def trips(text: str) -> list[tuple[str | None, str, str, str]]:
    return [
        (i.who, i.place, i.start.isoformat(), i.end.isoformat())
        for i in parse_note(text, NOW).itineraries
    ]


def test_a_leaders_going_to_a_city_is_a_trip_not_the_reps_task() -> None:
    note = parse_note("客户的赵总下周三要去成都，大概待三天", NOW)
    assert note.follow_ups == []  # it had been the rep's task 去成都
    assert trips("客户的赵总下周三要去成都，大概待三天") == [
        ("赵总", "成都", "2026-12-09", "2026-12-09")
    ]


def test_flying_to_hong_kong_is_a_trip_and_no_port_and_its_return_day_ends_it() -> None:
    note = parse_note("他们孙总这周五飞香港，下周二回", NOW)
    assert note.company is None  # 飞香港 had been the customer
    assert trips("他们孙总这周五飞香港，下周二回") == [("孙总", "香港", "2026-12-04", "2026-12-08")]
    assert trips("龚部长说他周五要去德阳开会，下周一回成都。") == [
        ("龚部长", "德阳", "2026-12-04", "2026-12-07")
    ]


def test_a_trip_under_way_lasts_until_the_day_back() -> None:
    assert trips("王总去北京了，下周一回来") == [("王总", "北京", "2026-12-03", "2026-12-07")]
    assert trips("我去北京了，下周一回来") == []
    again = parse_note("王总说他去北京了，下周一回来再约", NOW)
    assert [t.due.isoformat() for t in again.follow_ups] == ["2026-12-07"]


def test_a_weekday_said_with_its_week_before_hui_is_a_day_and_twice_a_week_is_not() -> None:
    back = parse_when("孙总下周二回公司", NOW)
    assert back is not None and back.start == date(2026, 12, 8)
    assert parse_when("一周二回", NOW) is None


def test_english_stretches_of_days_are_one_stretch() -> None:
    assert trips("王总 next Tue to Thu 在北京开会") == [
        ("王总", "北京", "2026-12-08", "2026-12-10")
    ]
    assert trips("Mr. Tan will be in KL from 8 to 10 Dec") == [
        ("Mr. Tan", "KL", "2026-12-08", "2026-12-10")
    ]
    assert trips("David Chen in Shanghai Dec 12-14 for a conference") == [
        ("Mr. Chen", "Shanghai", "2026-12-12", "2026-12-14")
    ]
    assert parse_note("David Chen in Shanghai Dec 12-14 for a conference", NOW).follow_ups == []


def test_an_english_stretch_with_nobody_of_theirs_is_no_trip() -> None:
    assert trips("I will be in KL from 8 to 10 Dec") == []
    assert trips("Meeting at Maybank Dec 8-10") == []


def test_what_the_reps_colleagues_and_carriers_do_is_not_the_reps_task() -> None:
    for text in (
        "物流说货下周二送到华润",
        "售后工程师明天上午去现场",
        "我们经理周五去拜访刘总",
        "钱处长让我们技术部下周二之前出个方案，我跟公司说了。",
    ):
        assert parse_note(text, NOW).follow_ups == [], text
    assert dues("京东物流周三下午三点谈", NOW) == ["2026-12-09T15:00:00+08:00"]  # a customer


def test_a_meeting_moved_to_another_day_is_that_days_task_by_its_name() -> None:
    moved = tasks("周三的演示改到下周一上午", NOW)
    assert [(t.due.isoformat(), t.action) for t in moved] == [("2026-12-07T09:00:00+08:00", "演示")]
    assert dues("焦处长刚打电话说明天的评审会推迟到下礼拜四上午九点", NOW) == [
        "2026-12-10T09:00:00+08:00"
    ]
    assert dues("交货推迟到12月20号", NOW) == []  # theirs (or the plant's), moved
    assert dues("另外开标推迟到12月27号了", NOW) == []


def test_the_weather_is_no_task_but_what_to_do_about_it_is() -> None:
    assert [
        (t.due.isoformat(), t.action) for t in tasks("明天降温，记得提醒王总注意身体", NOW)
    ] == [("2026-12-04", "提醒王总注意身体")]
    assert dues("周五下雨", NOW) == []
    assert [(t.due.isoformat(), t.action) for t in tasks("明天下雨，去万科的事改到后天", NOW)] == [
        ("2026-12-05", "去万科")
    ]


def test_their_own_steps_on_a_day_are_not_the_reps_tasks() -> None:
    for text in (
        "邓主任说他们新大楼3月18号搬迁，院里2月2号开年前最后一次院长办公会。",
        "沈主管说春节前不再下新单了，节后2月18号恢复。",
        "熊科长说1月份的款已经走了付款流程，2月3号前到账。",
        "屠处长说检修物资4月20号前要全部到库，到库由我们公司物流部负责。",
        "徐经理说下半年框架合同7月15号开始执行。",
        "我们公司的年会1月30号。",
        "钱总说他们2月20号开年度供应商大会，我们公司老板会去，轮不到我。",
        "鲍经理端午节前后要去深圳总部述职，具体时间没定。",
        "五一前最后一周。今天去了厦门ABB开关的采购部。",
    ):
        assert parse_note(text, NOW).follow_ups == [], text
    assert dues("月底最后一天把发票开给华为", NOW) == ["2026-12-31"]  # a day named, then a task


def test_their_days_said_in_english_are_not_the_reps_tasks() -> None:
    for text in (
        "Call with Ms. Huang this morning. RFP out on Dec 10.",
        "Budget freeze until the Q2 review on Mar 6.",
        "Their FY28 budget locked by Dec 20.",
        "Ms. Tanaka goes back to Tokyo Dec 26 to Jan 6 for summer holiday.",
        "She said site visit only Dec 14 or Dec 16, still deciding.",
    ):
        assert parse_note(text, NOW).follow_ups == [], text
    assert dues("I'll send the NDA back by Dec 10.", NOW) == ["2026-12-10"]


def test_the_lunar_calendar_said_after_the_day_makes_a_lunar_birthday() -> None:
    for text in (
        "王局长生日是3月2号 农历的",
        "王局长生日3月2号(农历)",
        "王局长过农历生日 3月2号",
        "王局长生日是三月二号 农历的",
    ):
        (wang,) = parse_note(text, NOW).contacts
        assert wang.birthday == Birthday(3, 2, lunar=True), text
    assert parse_note("王局长生日3月2号", NOW).contacts[0].birthday == Birthday(3, 2)
    typed = parse_when("应该是3月2号 农历的", NOW)  # as typed at ✏️ 修改 → 🎂 生日
    assert typed is not None and typed.lunar is not None
    assert typed.day == date(2027, 4, 8)  # 农历三月初二 of 2027


def test_each_of_two_people_keeps_the_role_said_of_them_in_a_run_on_note() -> None:
    note = parse_note(
        "今天下午跟江苏省气象局的王局还有他们信息处的赵处长一起吃了个饭 "
        "赵处长是技术把关的 王局说了算",
        NOW,
    )
    roles = {c.salutation: c.decision_role for c in note.contacts}
    assert roles == {"王局长": "decision_maker", "赵处长": "influencer"}  # they had been swapped


def test_the_reps_own_from_an_hour_on_is_reminded_at_that_hour() -> None:
    (call,) = tasks("华润岑小姐说周五下午两点后再联系她 她在开会", NOW)
    assert (call.due.isoformat(), call.action) == ("2026-12-04T14:00:00+08:00", "联系岑小姐")
    (back,) = tasks("周五两点后给岑小姐回电话", NOW)
    assert (back.due.isoformat(), back.action) == ("2026-12-04T14:00:00+08:00", "给岑小姐回电话")
    assert dues("正月初八以后再联系", NOW) == []  # after a day: no day to act on


def test_an_english_full_stop_after_a_day_still_ends_the_sentence() -> None:
    text = "called 刘工 re the quote, he will confirm by Fri. send him the spec tmr 9:30am"
    assert [(t.due.isoformat(), t.action) for t in tasks(text, NOW)] == [
        ("2026-12-04T09:30:00+08:00", "send him the spec")
    ]


def test_tan_and_yan_are_surnames_before_a_title_and_words_elsewhere() -> None:
    for text in ("万科的谈总喜欢钓鱼 酒量很好", "万科谈总说他们一般年底付款", "今天见了言总"):
        (person,) = parse_note(text, NOW).contacts
        assert person.salutation in ("谈总", "言总"), text
    for text in ("谈了一下报价", "跟他们谈总包合同", "谈局里的事", "发言总结"):
        assert parse_note(text, NOW).contacts == [], text


def test_the_rep_greeted_at_a_customers_line_start_is_no_contact() -> None:
    chat = (
        "万科集团\n谈总 2026/12/1 16:02\n小王你好，上次说的报价单发我一下\n"
        "我 2026/12/1 16:05\n好的谈总，明天上午发您"
    )
    assert [c.salutation for c in parse_note(chat, NOW).contacts] == ["谈总"]


def test_plans_given_up_deliveries_by_others_and_their_orders_are_not_tasks() -> None:
    for text in (
        "原来约好这周五带设备去演示，熊课长说周五厂里有审核。",
        "他说明年1月份的订单就下，1月10号前要交第一批缸盖毛坯，由工厂直发。",
        "毛经理说二季度的订单估计12月30号前下。",
        "韩工说新图纸12月18号出，出来后会发给投标单位。",
        "钱经理说12月19号到23号台风季前要做一次全面检修。",
    ):
        assert parse_note(text, NOW).follow_ups == [], text


def test_trips_said_with_a_leave_a_lead_or_a_place_in_a_city() -> None:
    assert trips("沙经理12月14号到16号带队去徐州考察另一家供应商。") == [
        ("沙经理", "徐州", "2026-12-14", "2026-12-16")
    ]
    assert trips("莫科长12月7号到9号休年假去北海。") == [
        ("莫科长", "北海", "2026-12-07", "2026-12-09")
    ]
    assert trips("邢部长12月3号到5号回黑河老家。") == [
        ("邢部长", "黑河", "2026-12-03", "2026-12-05")
    ]
    assert trips("丁主任12月13号到15号去北京总部述职。") == [
        ("丁主任", "北京", "2026-12-13", "2026-12-15")
    ]


def test_contacts_said_other_ways_are_kept() -> None:
    said = {
        "今天晚上跟国网山西电力的秦处长还有他们的小韩一起吃的饭": "meal",
        "尋日同香港機管局嘅Ms. Chan食晏，佢話下個禮拜先決定": "meal",
        "琴日同九龍巴士嘅李經理傾咗電話，佢話年後先開會": "call",
        "江西铜业的熊科长今天下午回微信，说款已经走了付款流程": "wechat",
        "今天收到包钢稀土采购部温部长的微信，问节后能不能见一面": "wechat",
        "刚跟贵州茅台的严经理微信拜了个年": "wechat",
    }
    late = NOW.replace(hour=22)  # (今天晚上…吃的饭 written before the evening would be a plan)
    for text, kind in said.items():
        contact = parse_note(text, late).interaction
        assert contact is not None and contact.kind == kind, text


def test_a_headline_has_no_dangling_de_and_is_never_an_empty_word() -> None:
    talk = parse_note("今天拜访了鞍钢的姜主任，聊了变频器改造的", NOW).interaction
    assert talk is not None and talk.summary == "变频器改造"


def test_a_companys_name_is_not_a_sentence_a_department_or_a_word_before_it() -> None:
    for text in (
        "马部长正月十五以后才回厂。",
        "毛经理5月6号去上海参加电气展。",
        "上周五在上海外高桥造船，见了采购部的甄经理和设计所的韩工。",
    ):
        company = parse_note(text, NOW).company
        assert company not in ("以后才回厂", "上海参加电气", "设计所"), (text, company)
    assert parse_note("刚跟那个海尔智家采购的隋经理通完电话", NOW).company == "海尔智家"
    assert parse_note("首钢京唐财务的付会计打电话说发票要到", NOW).company == "首钢京唐"


DEC_1 = datetime(2026, 12, 1, 10, 0, tzinfo=SH)  # a Tuesday


def test_a_deadline_answered_with_the_reps_own_day_is_one_task_on_that_day() -> None:
    said = tasks("岑经理让我12月4号前把包材的稳定性数据补交，我这周四就发。", DEC_1)
    assert [(t.due.isoformat(), t.action) for t in said] == [
        ("2026-12-03", "把包材的稳定性数据补交")
    ]
    english = "He asked for a revised offer by Dec 18; I'll send it Thursday Dec 17 to be safe."
    assert dues(english, DEC_1) == ["2026-12-17"]
    # a second task on another day is no answer: both stay
    two = "Mr. Tan叫我下个星期三之前先把company profile电邮给他，我礼拜五先寄两罐样品去他们office。"
    assert dues(two, DEC_1) == ["2026-12-09", "2026-12-04"]


def test_a_weekday_said_alone_before_a_full_date_falling_on_it_is_that_date() -> None:
    thursday = parse_when("周四 12月17日", DEC_1)
    assert thursday is not None and thursday.day == date(2026, 12, 17)
    assert parse_when("周五 12月17日", DEC_1) is None  # they disagree: no confident day


def test_a_customer_saying_no_need_to_come_cancels_the_reps_offered_day() -> None:
    chat = (
        "金地物业 采购部 程经理\n19:02 程经理：合同我们法务在审，估计下周五能盖章\n"
        "19:05 我：好的程经理，那我下周五去取？\n19:20 程经理：不用跑，盖好了我们直接快递给你"
    )
    assert dues(chat, DEC_1) == []


def test_a_return_said_in_cantonese_ends_the_trip_and_is_no_task() -> None:
    note = parse_note("尋日同陳生食晏，佢話下個禮拜三飛上海，禮拜五先返", NOW)
    assert note.follow_ups == []  # 先返 had been a task for this Friday
    assert [(i.who, i.place) for i in note.itineraries] == [("陈生", "上海")]
