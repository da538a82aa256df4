"""Round thirteen of the note reader (2026-12-03, a new session): dates that are not the rep's
task are no follow-ups — sentence in, reminders out."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from parsing.notes import parse_note

SH = ZoneInfo("Asia/Shanghai")
MONDAY = datetime(2027, 1, 25, 9, 30, tzinfo=SH)


def reminders(text: str, now: datetime = MONDAY) -> list[tuple[str, str]]:
    return [(f.due.isoformat()[:16], f.action) for f in parse_note(text, now).follow_ups]


def days(text: str, now: datetime = MONDAY) -> list[date]:
    return [
        f.due.date() if isinstance(f.due, datetime) else f.due
        for f in parse_note(text, now).follow_ups
    ]


def test_goods_and_money_moved_by_the_customer_or_a_carrier_are_no_task() -> None:
    # each of these had been a confident reminder on the customer's or the plant's day
    assert (
        days(
            "丁主任说他们2月10号开始年度大修，大修前的备件2月5号前必须到货，"
            "我们的那批阀门已经在路上了，厂家直发，预计2月1号到。"
        )
        == []
    )
    assert days("熊科长说2月份的货他们要求2月10号前送到，送货物流公司安排。") == []
    assert days("付会计打电话说1月份的发票2月5号前要到，不然排到3月付。") == []
    chat = (
        "盒马 邹经理\n"
        "1/25 16:03 邹经理：冷链箱那个单子，我们2月8号要第一批到仓\n"
        "1/25 16:05 我：没问题，工厂2月5号发车\n"
        "1/25 16:11 我：那我2月6号上午在系统里约\n"
        "1/25 16:30 邹经理：好"
    )
    assert days(chat) == [date(2027, 2, 6)]


def test_the_reps_own_shipment_and_arrival_stay_reminders() -> None:
    assert days("下周三发货 数量300套") == [date(2027, 2, 3)]
    chat = (
        "法士特 雷科长\n"
        "1/25 10:31 雷科长：年前最后一批货什么时候到？\n"
        "1/25 10:35 我：雷科长，我们明天发车\n"
        "1/25 10:36 雷科长：好的"
    )
    assert days(chat) == [date(2027, 1, 26)]
    chat = (
        "青岛啤酒 逄经理\n"
        "[09:40] 逄经理：30号下午我们开年终总结会，没人收，29号吧\n"
        "[09:41] 我：好，29号上午送到"
    )
    assert days(chat) == [date(2027, 1, 29)]


def test_a_bare_weekday_of_something_done_is_last_weeks() -> None:
    # written on Monday: 周六…聊了几句 had been a reminder for next Saturday
    assert days("周六在微信上跟中粮可口可乐华北的谭经理（采购）聊了几句") == []
    # (a plan on a bare weekday is still ahead)
    assert days("周五再去见张总") == [date(2027, 1, 29)]
    assert days("周五约了张总吃饭") == [date(2027, 1, 29)]


def test_a_persons_own_journey_is_no_task_of_the_reps() -> None:
    evening = datetime(2027, 9, 26, 21, 30, tzinfo=SH)
    assert days("孙部长说他10月3号要去敦煌玩", evening) == []
    assert days("刘处长下周二要回老家探亲", evening) == []
    # (the rep's visit with the person named before the day stays the rep's)
    assert days("张总下周二去万科拜访", evening) == [date(2027, 9, 28)]


def test_a_plan_given_up_is_no_task() -> None:
    # 原来打算…去拜年 then put off by the customer had been a reminder on the old day
    evening = datetime(2027, 2, 4, 17, 30, tzinfo=SH)
    assert (
        reminders(
            "我原来打算2月19号去拜年，方总说他2月19号到22号要去香港，让我25号以后再来。", evening
        )
        == []
    )


def test_a_question_is_not_a_day_settled() -> None:
    assert days("下周二能见一面吗，我再问问") == []
    # (the customer's question answered in the rep's line is settled by the answer)
    chat = "车主任 10:05\n下午三点半能来吗 院长也在\n我 10:06\n可以的车主任 三点半准时到"
    noon = datetime(2027, 2, 16, 11, 20, tzinfo=SH)
    assert [due for due, _ in reminders(chat, noon)] == ["2027-02-16T15:30"]


def test_a_unit_of_theirs_before_the_day_does_it_themselves() -> None:
    assert days("陆经理说他们项目部1月29号前要把材料款结清") == []
    assert days("他们的审计组下周一进场") == []


def test_a_deed_said_done_on_a_holiday_is_not_next_years_task() -> None:
    # written after 中秋 and 三八节: no reminder a year ahead
    assert days("中秋给王局送了月饼", datetime(2026, 9, 26, 10, 0, tzinfo=SH)) == []
    assert days("昨天三八节给行政部送了花", datetime(2026, 3, 9, 10, 0, tzinfo=SH)) == []
    assert days("中秋要给王局送月饼", datetime(2026, 9, 1, 10, 0, tzinfo=SH)) == [date(2026, 9, 25)]


def test_a_thing_fetched_back_is_no_one_returning() -> None:
    # 拿回来 had been read as someone coming back: the task was lost
    assert reminders("月底前把合同拿回来", datetime(2026, 11, 10, 10, 0, tzinfo=SH)) == [
        ("2026-11-30", "把合同拿回来")
    ]
    # (someone back on a day is still their trip)
    assert days("王总下周一回来") == []


def test_a_festival_just_gone_is_not_next_years() -> None:
    # 中秋节刚过 had been a reminder on next year's 中秋
    assert (
        days(
            "中秋节刚过啊跟三一重能的采购经理彭亮打了个电话",
            datetime(2026, 9, 26, 21, 0, tzinfo=SH),
        )
        == []
    )


def test_jie_qian_alone_is_the_eve_of_the_one_holiday_just_ahead() -> None:
    # 节前 had never been read: the rep's task before 春节 was lost
    assert reminders("节前把对账函寄给南京化纤财务", datetime(2026, 2, 13, 17, 0, tzinfo=SH)) == [
        ("2026-02-16", "把对账函寄给南京化纤财务")
    ]
    assert days("节前把资料发过去", datetime(2027, 9, 25, 17, 0, tzinfo=SH)) == [date(2027, 9, 30)]
    # (中秋 on the 15th and 国庆 on the 1st both near: which one is meant?)
    assert days("节前把资料发过去", datetime(2027, 9, 10, 17, 0, tzinfo=SH)) == []
    # (no holiday near: not read)
    assert days("节前把资料发过去", datetime(2026, 11, 23, 10, 0, tzinfo=SH)) == []


def test_the_customer_telling_the_rep_to_get_in_touch_is_the_reps_task() -> None:
    chat = (
        "陶经理 21:02\n我下周三到周五在青岛参加招标培训\n"
        "陶经理 21:03\n设备的事等我回来吧，下下周一你再联系我\n"
        "我 21:05\n好的陶经理"
    )
    assert reminders(chat, datetime(2027, 8, 9, 21, 30, tzinfo=SH)) == [
        ("2027-08-23", "再联系陶经理")
    ]


def test_the_reps_list_after_coming_back_is_kept() -> None:
    # 回来要做三件事 had been read as someone's trip: Monday's task was lost
    friday = datetime(2026, 11, 27, 17, 5, tzinfo=SH)
    assert days("见了马经理。回来要做三件事：周一把样品寄过去；周三前出正式报价。", friday) == [
        date(2026, 11, 30),
        date(2026, 12, 2),
    ]


def test_their_own_day_said_in_english_is_no_task() -> None:
    now = datetime(2027, 1, 11, 15, 0, tzinfo=SH)
    assert (
        days("Spoke with 马处 re: the pilot — their internal review is next Thursday.", now) == []
    )
    assert days("林主任说 their board meets next Tuesday。", now) == []
    assert days("Send the revised quote to 马处 next Thursday", now) == [date(2027, 1, 21)]


def test_the_reps_question_the_customer_agrees_to_is_a_task() -> None:
    chat = "我 20:50：杜主任，国庆后10月9号下午两点我来院里汇报可以吗\n杜主任 21:10：行，来吧"
    assert reminders(chat, datetime(2028, 9, 28, 21, 15, tzinfo=SH)) == [
        ("2028-10-09T14:00", "来院里汇报")
    ]
    # (not answered: still only asked)
    assert (
        reminders("杜主任，10月9号下午两点我来院里汇报可以吗", datetime(2028, 9, 28, tzinfo=SH))
        == []
    )


def test_a_meeting_the_rep_arranged_with_the_person_is_the_reps() -> None:
    # 约了…刘厂长下周一… had been read as 刘厂长's own doing
    assert reminders(
        "约了华能南京电厂的刘厂长下周一下午两点一刻在厂里见面，谈脱硝催化剂更换。",
        datetime(2026, 5, 29, 21, 45, tzinfo=SH),
    ) == [("2026-06-01T14:15", "在厂里见面，谈脱硝催化剂更换")]
    # (the other side said before the day is still its subject)
    assert days("和上海电气的郝经理视频会议 对方坚持3月底交货 我们做不到") == []


def test_a_dont_is_no_call_made() -> None:
    # 别那时候打电话 had been filed as a call made today
    note = parse_note("镇江北汽的熊主任说每个礼拜一上午都在开生产会 别那时候打电话", MONDAY)
    assert note.interaction is None


def test_a_chat_whose_customer_line_carries_its_hour_after_the_name() -> None:
    chat = (
        "欧阳主任 18:10：下周二下午两点来我们院开个需求会吧\n"
        "我：好的欧阳主任，我带技术过来\n（江苏省肿瘤医院）"
    )
    note = parse_note(chat, datetime(2026, 10, 30, 18, 45, tzinfo=SH))
    assert note.interaction is not None and note.interaction.kind == "wechat"
    assert [f.due.isoformat()[:16] for f in note.follow_ups] == ["2026-11-03T14:00"]


def test_a_question_agreed_to_right_after_is_a_task() -> None:
    assert days("下周二能见一面吗？刘总说可以") == [date(2027, 2, 2)]
    assert days("我: 下周二能过去拜访您吗\n刘总: 好") == [date(2027, 2, 2)]
    chat = "我 10:02\n10月9号下午两点我来院里汇报可以吗\n刘院长 10:30\n行，来吧"
    assert reminders(chat, datetime(2027, 9, 27, 9, 30, tzinfo=SH)) == [
        ("2027-10-09T14:00", "来院里汇报")
    ]
    assert days("下周二能见一面吗？刘总说再看看") == []


def test_jie_qian_jie_hou_is_either_not_a_deadline() -> None:
    assert days("节前节后都行，看王总安排") == []


def test_the_reps_own_part_on_a_carriers_day_is_kept() -> None:
    assert days("厂家直发，预计2月5号到，到了我去现场验收") == [date(2027, 2, 5)]


def test_more_plans_given_up_and_deeds_done() -> None:
    assert days("春节给刘总拜了年", datetime(2027, 2, 10, 10, 0, tzinfo=SH)) == []
    sept = datetime(2027, 9, 20, 10, 0, tzinfo=SH)
    assert days("原来打算10月19号去拜年，王总说他那天不在，让我10月22号再来", sept) == [
        date(2027, 10, 22)
    ]
    assert days("本来说下周二见刘总，现在改成下周四上午", sept) == [date(2027, 9, 30)]


def test_after_yuanxiao_is_as_vague_as_after_any_festival() -> None:
    # 元宵后再联系 had been a reminder on the day after 元宵 (国庆后, 春节后 never were)
    assert (
        days("徐工的采购说节后再说，元宵后再联系。", datetime(2027, 2, 5, 15, 0, tzinfo=SH)) == []
    )


def test_a_task_said_before_its_day_in_a_clause_of_its_own() -> None:
    # the reminder had said only 跟进
    now = datetime(2026, 12, 14, 19, 50, tzinfo=SH)
    assert reminders("找中交二航局的戴总，礼拜四晚上七点，谈桥梁支座的战略合作。", now) == [
        ("2026-12-17T19:00", "找戴总，谈桥梁支座的战略合作")
    ]
    # (财务 is no company since round thirty-three: the task keeps every word said)
    assert reminders("跟财务的闫会计对一下补开的发票，明天上午。", now) == [
        ("2026-12-15T09:00", "跟财务的闫会计对一下补开的发票")
    ]


def test_a_dictated_task_runs_on_past_a_filler_after_de() -> None:
    now = datetime(2026, 8, 28, 20, 45, tzinfo=SH)
    assert reminders("那个月底之前得把南通海关的那个验收单拿回来", now) == [
        ("2026-08-31", "把验收单拿回来")
    ]


def test_a_festival_told_as_what_tomorrow_is() -> None:
    eve = datetime(2027, 9, 14, 16, 0, tzinfo=SH)
    # 明天中秋。 had been a reminder 跟进 on 中秋
    assert days("明天中秋。今天把月饼送到了济南二机床的采购部，见了宗部长。", eve) == []
    # (with the task said after it, the day is the task's: and the reminder says the task)
    assert reminders("明天中秋，记得给王局发个祝福", eve) == [("2027-09-15", "给王局发个祝福")]
    month_end = datetime(2027, 9, 29, 16, 0, tzinfo=SH)
    assert reminders("明天月底了 记得催回款", month_end) == [("2027-09-30", "催回款")]


def test_what_was_asked_about_is_the_headline() -> None:
    note = parse_note(
        "下午给市水务局的陈处打了电话，问管网监测项目的进展。他说下周给答复。",
        datetime(2026, 6, 30, 16, 40, tzinfo=SH),
    )
    assert note.interaction is not None and note.interaction.summary == "管网监测项目的进展"
    # (their question to the rep is no headline)
    note = parse_note("马总打电话说 春节期间他们电厂要检修 问我们能不能派人值守", MONDAY)
    assert note.interaction is not None and note.interaction.summary != "能不能派人值守"


def test_hong_is_a_surname_and_guanzhang_a_leaders_title() -> None:
    note = parse_note("去一趟合肥的科大讯飞 找采购部的洪经理签年度框架", MONDAY)
    assert [c.salutation for c in note.contacts] == ["洪经理"]
    note = parse_note("去找南通海关的宋关长聊二期", MONDAY)
    assert [(c.salutation, c.is_key_leader) for c in note.contacts] == [("宋关长", True)]


def test_two_lines_of_a_chat_with_a_person_on_the_other_side() -> None:
    # 小沈：… / 我：… had not been read as a chat: 我们邹总 was taken for the rep's colleague
    note = parse_note(
        "小沈：明早十点，我们邹总在办公室等你\n我：好的，准时到",
        datetime(2027, 6, 18, 11, 0, tzinfo=SH),
    )
    assert [c.salutation for c in note.contacts] == ["小沈", "邹总"]
    assert note.interaction is not None and note.interaction.kind == "wechat"
    # (a label that is no person stays a note: 备注：… / 我：…)
    note = parse_note("备注：下周二去万科\n我：记得带报价", MONDAY)
    assert note.interaction is None


def test_a_trip_to_a_city_by_its_one_character_name() -> None:
    trips = parse_note("鲁局 下周二至四在京", datetime(2026, 8, 5, 14, 0, tzinfo=SH)).itineraries
    assert [(i.who, i.place, i.start, i.end) for i in trips] == [
        ("鲁局长", "京", date(2026, 8, 11), date(2026, 8, 13))
    ]


def test_a_trip_told_to_the_rep_is_the_persons() -> None:
    # 他跟我说他… had been read as the rep's own days
    now = datetime(2027, 8, 18, 18, 20, tzinfo=SH)
    trips = parse_note("徐州重型机械的车总 他跟我说他礼拜五到下礼拜四在德国参展", now).itineraries
    assert [(i.who, i.place, i.start, i.end) for i in trips] == [
        ("车总", "德国", date(2027, 8, 20), date(2027, 8, 26))
    ]
    assert parse_note("我礼拜五到下礼拜四在德国参展", now).itineraries == []


def test_a_deadline_the_rep_meets_on_an_earlier_day_is_one_reminder() -> None:
    # the customer's 15号前 and the rep's own 12号 had been two reminders for one report
    now = datetime(2027, 1, 8, 18, 0, tzinfo=SH)
    note = "周处长让我1月15号前把年度报价报上来，我打算1月12号上午去成都当面交报价。"
    assert reminders(note, now) == [("2027-01-12T09:00", "去成都当面交报价")]
    # (two different things keep both days)
    note = "周处长让我1月15号前把年度报价报上来，1月12号先寄两罐样品过去。"
    assert days(note, now) == [date(2027, 1, 15), date(2027, 1, 12)]


def test_next_week_said_alone_gives_way_to_a_day_of_that_week() -> None:
    # 下周要跟进 had been a reminder on Monday beside Tuesday's call
    note = "下周要跟进: 广州白云机场 罗经理 13802799612\n下周二 下午3点 电话 罗经理"
    assert days(note, datetime(2027, 5, 20, 10, 0, tzinfo=SH)) == [date(2027, 5, 25)]
    assert days("下周去拜访万科", datetime(2027, 5, 20, 10, 0, tzinfo=SH)) == [date(2027, 5, 24)]


def test_a_part_of_the_day_said_of_something_done_is_no_task() -> None:
    eve = datetime(2027, 6, 8, 18, 30, tzinfo=SH)
    # after 明天端午。, 下午 had taken tomorrow's day: a visit done became a reminder
    assert days("明天端午。下午在上海申通地铁维保公司，见了车辆部的鲁工", eve) == []
    assert days("明天下午去万科见张总", eve) == [date(2027, 6, 9)]


def test_a_decision_they_cannot_reach_by_then_is_no_task() -> None:
    note = (
        "姜主任说他们一月二十五号要报集团预算然后春节前肯定定不下来"
        "于工说让我礼拜五之前把那个节能测算表发给他"
    )
    assert days(note, datetime(2027, 1, 6, 19, 10, tzinfo=SH)) == [date(2027, 1, 8)]


def test_from_the_second_review() -> None:
    # 特别 holds no 别: the call was made
    note = parse_note("今天特别打电话感谢了王局长", MONDAY)
    assert note.interaction is not None and note.interaction.kind == "call"
    # a note's label with an hour is no chat; 陈姐：… / 我：… is one
    assert parse_note("会议 14:00：讨论二期方案\n我：准备PPT", MONDAY).interaction is None
    note = parse_note("陈姐：合同收到了，下周盖章\n我：好的陈姐", MONDAY)
    assert note.interaction is not None and note.interaction.kind == "wechat"
    # two things sharing a verb keep both days; a step that only prepares keeps the deadline
    assert days("客户让我们2月5号前提交投标文件，我2月3号去提交保证金") == [
        date(2027, 2, 5),
        date(2027, 2, 3),
    ]
    march = datetime(2027, 3, 1, 9, 30, tzinfo=SH)
    assert days("王局长让我15号前把年度报价报上来，12号我先把去年的报价单整理一下", march) == [
        date(2027, 3, 15),
        date(2027, 3, 12),
    ]
    # 下周 with a task of its own stays
    assert days("下周回访张总，下个月5号再交货") == [date(2027, 2, 1), date(2027, 2, 5)]
    # 别 before a day: not that day
    assert days("千万别周五去拜访刘总，改周四上午去") == [date(2027, 1, 28)]
    assert days("他让我别周五打电话") == []
    # a note's labels are no company
    assert parse_note("进展：方案已提交", MONDAY).company is None


def test_from_tryout_sixteen() -> None:
    thursday_night = datetime(2026, 12, 3, 21, 20, tzinfo=SH)
    # 标书的技术部分 had made 标书 a new customer
    assert parse_note("今晚把标书的技术部分改完", thursday_night).company is None
    chat = "孙经理 14:33\n明天上午你给我回个电话，谈谈钢绞线的报价\n我 14:40\n好的孙经理"
    assert reminders(chat, thursday_night) == [
        ("2026-12-04T09:00", "给孙经理回个电话，谈谈钢绞线的报价")
    ]
    assert reminders("下周二能见一面吗？刘总说可以", thursday_night) == [("2026-12-08", "见一面")]
    assert reminders("跟戴总约了周六下午三点打球", thursday_night) == [
        ("2026-12-05T15:00", "和戴总打球")
    ]


def test_their_own_meeting_in_english_is_no_visit() -> None:
    now = datetime(2028, 2, 22, 16, 0, tzinfo=SH)
    note = parse_note(
        "祝总 (海信) mentioned their budget meeting is every March; nothing to do.", now
    )
    assert note.interaction is None
    note = parse_note("Meeting with 祝总 today re budget", now)
    assert note.interaction is not None and note.interaction.kind == "visit"


def test_one_of_theirs_named_in_their_own_chat_line_does_it_themselves() -> None:
    # 我们邹总下周二到上海, in 刘总's line, had been the rep's 到上海
    chat = "刘总：我们邹总下周二到上海\n我：好的刘总，我去机场接"
    assert days(chat) == []


def test_the_first_working_day_then_the_task() -> None:
    eve = datetime(2028, 12, 31, 22, 0, tzinfo=SH)
    note = "明天元旦，后天上班第一天先给宁德港的陈总打电话，下周三去宁德拜访。"
    assert reminders(note, eve) == [("2029-01-02", "先给陈总打电话"), ("2029-01-03", "去宁德拜访")]
    # (their own first day back is no task)
    assert days("他们后天上班", eve) == []


def test_a_last_round_their_report_trip_and_what_they_expect_are_no_tasks() -> None:
    now = datetime(2027, 2, 1, 18, 0, tzinfo=SH)
    assert days("春节前最后一轮拜访：去了合肥市第一人民医院，见了孔科长", now) == []
    assert days("端木总2月10号去北京集团总部汇报，回来再定", now) == []
    assert days("夏主任说我们的血透机月底能签合同", now) == []
    # (the rep's own report stays)
    assert days("2月10号去万科总部汇报方案", now) == [date(2027, 2, 10)]


def test_met_then_a_family_banquet_and_our_colleague_by_name_are_no_tasks() -> None:
    now = datetime(2027, 11, 10, 9, 0, tzinfo=SH)
    assert days("周五一起吃饭认识的，黄经理说他们在做车站照明LED更换", now) == []
    note = "佢個兒子下個月結婚，3月20號擺酒。我下星期三約佢食午飯。"
    assert days(note, now) == [date(2027, 11, 17)]
    assert days("我回：侯经理，我们售后小许下午两点到。", now) == []


def test_in_their_own_line_we_and_they_will_call_you_are_theirs() -> None:
    chat = "孔处 19:20\n你们的标书我们周五评审\n孔处 19:21\n结果下周出\n我 19:30\n收到，辛苦孔处！"
    assert days(chat, datetime(2026, 12, 7, 20, 0, tzinfo=SH)) == []
    chat = "黎院长 19:58\n我们初六开年度会，初十后找你\n我 20:00\n好的黎院长，新年快乐！"
    assert days(chat, datetime(2028, 1, 24, 20, 30, tzinfo=SH)) == []


def test_a_plan_or_result_they_issue_by_a_day_is_theirs() -> None:
    chat = "顾主任：我们五一后第一周开始调研，5月20号左右出采购计划\n我：好的，有需要随时叫我"
    assert days(chat, datetime(2027, 4, 30, 16, 20, tzinfo=SH)) == []
