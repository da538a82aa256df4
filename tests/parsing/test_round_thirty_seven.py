"""Round thirty-seven: what notes written on 2026-12-06 (a new session: styles33, the older tuned
sets' notes) and the round's review taught the reader. Each case failed on the parser as the
session began (091a572) unless its comment says it guards."""

from __future__ import annotations

from datetime import datetime

from parsing.notes import parse_note
from tests.parsing._said import SUNDAY, tasks, visit


def headline(text: str, now: datetime = SUNDAY) -> tuple[str | None, str | None] | None:
    inter = parse_note(text, now).interaction
    return None if inter is None else (inter.summary, inter.outcome)


def test_a_record_under_labels_keeps_the_reps_headline_and_outcome() -> None:
    note = (
        "(拜访)深圳市人民医院 设备科 文工\n事由：CT备件供应方案交流\n"
        "结果：文工认可我们的交期，但价格要比原厂低20%以上才有机会\n下一步：准备备件清单"
    )
    assert headline(note) == ("CT备件供应方案交流", "文工认可我们的交期")
    note = "周记 / 周五 电话 郑处 / 柜面PAD 更换 / 结论: 要再比一比 华为 联想 / 郑处说 开评审会"
    assert headline(note) == ("柜面PAD 更换", "要再比一比")
    # (结果：龙主任说年前没钱: what he said)
    note = "拜访法院龙主任\n内容：法庭录音录像设备升级\n结果：龙主任说年前没钱，年后再说"
    assert headline(note) == ("法庭录音录像设备升级", "年前没钱")


def test_a_records_heading_is_no_outcome() -> None:
    # guard: 拜访结果： heading the whole record names the firm, not what came of it
    note = "拜访结果：上海隧道工程股份 采购部 龚部长。我们价格有优势但交期是硬伤。"
    result = headline(note)
    assert result is None or result[1] != "上海隧道工程股份"


def test_a_plan_moved_for_a_reason_said_between_keeps_one_task() -> None:
    note = "拜访了中建三局罗经理，约好下周一去送方案，罗经理下周一出差，改成下周二"
    assert tasks(note) == [("2026-12-08", "去送方案")]
    assert tasks("跟海尔王总约了12号见面，12号是周六，改成11号") == [("2026-12-11", "和王总见面")]
    assert tasks("周五去格力送样，客户说周五不在，改成下周一。") == [("2026-12-07", "去格力送样")]
    # (the moved plan in the first sentence, another sentence after it)
    note = "约好下周一去中建三局送方案，罗经理下周一出差，改成下周二。明天给王总打电话"
    assert sorted(tasks(note)) == [
        ("2026-12-07", "给王总打电话"),
        ("2026-12-08", "去中建三局送方案"),
    ]


def test_a_plan_moved_with_its_reason_in_a_clause_between() -> None:
    note = "12月15日去中石化汇报，因为吴处长那天要开会，改到12月16日。"
    assert tasks(note, WEDNESDAY) == [("2026-12-16", "去中石化汇报")]


def test_a_plan_given_up_names_the_errand_of_the_day_it_moved_to() -> None:
    note = "原计划下周三去新希望六和拜访蒲总，他秘书说蒲总下周三在北京开会，改成下周四上午。"
    assert tasks(note) == [("2026-12-10T09:00", "拜访蒲总")]
    note = "本来约了这周四上午去南盘江糖业见者总，他周四临时要去昆明开会，改到下周二上午了。"
    assert tasks(note) == [("2026-12-08T09:00", "去南盘江糖业见者总")]


def test_a_plan_the_customer_brought_forward_takes_the_new_day() -> None:
    assert tasks("约了易总20号去看现场，易总说提前到15号") == [("2026-12-15", "约了易总去看现场")]
    note = "约了美的刘总下周四见面，后来他秘书来电话说要推迟到下周五。"
    assert tasks(note) == [("2026-12-11", "约了美的刘总见面")]


def test_a_month_named_without_a_day_gets_no_invented_day() -> None:
    # "end of August" was read from "of August" with today's day of the month put on it; said
    # with "by" it is the month's last day, said alone their period (no day)
    assert tasks("Send proposal to CATL by end of August.") == [
        ("2027-08-31", "Send proposal to CATL")
    ]
    assert tasks("Tender docs out end of August.") == []
    assert tasks("Tender docs out in August.") == []


def test_mr_sun_is_a_person_not_sunday() -> None:
    note = parse_note("Met Mr. Sun from BYD today.", SUNDAY)
    assert [p.salutation for p in note.contacts] == ["Mr. Sun"]
    assert note.interaction is not None and note.interaction.when.isoformat() == "2026-12-06"
    # guard: Sun said alone is still Sunday
    assert tasks("call 王总 next Sun") == [("2026-12-13", "call 王总")]


def test_a_written_records_day_is_the_one_in_its_heading() -> None:
    note = "拜访纪要 12月3日\n中核苏州热工院 采购部房经理\n房经理说本月20号内部评审"
    assert visit(note) == ("visit", "2026-12-03")
    note = "(客户拜访)\n12/2 下午 顺丰速运华南区 采购部\n人：钟经理\n谈：包材招标。"
    assert visit(note) == ("visit", "2026-12-02")
    # a record written the next day of the year before's date: 12月31日 on 1月1日
    note = "拜访记录 12月31日\n客户：成都京东方\n人员：采购部 苟经理\n内容：年度框架报价澄清"
    assert visit(note, datetime.fromisoformat("2027-01-01T09:00:00+08:00")) == (
        "visit",
        "2026-12-31",
    )
    # guard: a date further on in the record is no heading's
    note = "拜访记录\n客户：中信重工\n人员：采购部权经理\n约定：12月3号来我们厂验收"
    assert visit(note) == ("visit", "2026-12-06")


def test_the_next_hour_said_is_no_minute() -> None:
    note = "明天去海尔见高经理 原来定的是下午两点 他那边三点更方便 那就三点"
    assert [d for d, _ in tasks(note)] == ["2026-12-07T15:00"]


WEDNESDAY = datetime.fromisoformat("2026-12-09T10:00:00+08:00")


def test_the_customers_own_days_are_no_task() -> None:
    assert tasks("平安谢经理说她们部门周五团建。", WEDNESDAY) == []
    assert tasks("美的采购部下周一开周会", WEDNESDAY) == []
    assert tasks("海尔的年度预算12月20日前要报到集团", WEDNESDAY) == []
    assert tasks("Customer's board meeting is next Thursday, no action needed from us.") == []
    note = "她说年后第一批集采3月底招标，让我们提前把注册证更新好。"
    assert tasks(note, WEDNESDAY) == []
    note = "本来他们定标会是月底开 所以我13号要把最终报价发过去"
    assert tasks(note, WEDNESDAY) == [("2026-12-13", "把最终报价发过去")]
    # guards: the rep's own days with the same words stay tasks
    assert tasks("春节前把对账单寄给雅戈服饰的周会计。", WEDNESDAY) == [
        ("2027-02-05", "把对账单寄给周会计")
    ]
    assert tasks("下周一去美的参加招标会", WEDNESDAY) == [("2026-12-14", "去美的参加招标会")]


def trips(text: str, now: datetime = SUNDAY) -> list[tuple[str | None, str, str, str, str | None]]:
    return [
        (i.who, i.place, i.start.isoformat(), i.end.isoformat(), i.purpose)
        for i in parse_note(text, now).itineraries
    ]


def test_a_leaders_schedule_pasted_gives_his_trips_and_no_tasks() -> None:
    note = (
        "嘉兴市水利局\n【杨局长行程 12月7日-11日】\n12月7日-8日 北京（部里开会）\n"
        "12月9日 全天在局里\n12月10日 上午局务会\n12月11日 赴杭州调研"
    )
    now = datetime.fromisoformat("2026-11-27T10:00:00+08:00")
    assert trips(note, now)[0] == ("杨局长", "北京", "2026-12-07", "2026-12-08", "部里开会")
    assert tasks(note, now) == []
    note = "王局长行程 12月14日-15日 北京。"
    assert trips(note) == [("王局长", "北京", "2026-12-14", "2026-12-15", None)]
    note = (
        "石家庄市住建局 办公室小邬发来的：\n【戴局长本周安排】\n周一 全天在局里\n"
        "周二至周三 北京 住建部会议\n周五 全天在局里\n我：收到 谢谢 那我周五上午去拜访戴局"
    )
    now = datetime.fromisoformat("2027-12-06T09:20:00+08:00")
    assert [(w, p, s, e) for w, p, s, e, _ in trips(note, now)] == [
        ("戴局长", "北京", "2027-12-07", "2027-12-08")
    ]
    assert tasks(note, now) == [("2027-12-10T09:00", "去拜访戴局")]
    note = "宝石机械 鄢董这周行程：周二去西安（集团年中会），周四回。周五在公司。"
    now = datetime.fromisoformat("2027-06-21T10:00:00+08:00")
    assert trips(note, now) == [("鄢董", "西安", "2027-06-22", "2027-06-24", "集团年中会")]
    assert tasks(note, now) == []
    note = "吴总行程：12/16 上海，12/17 杭州，12/18 回深圳"
    assert (parse_note(note, WEDNESDAY).company, tasks(note, WEDNESDAY)) == (None, [])


def test_a_telegraphic_call_said_after_the_person_is_a_call() -> None:
    assert visit("晨鸣纸业 采购邢经理 电话 年前不下单 节后再说") == ("call", "2026-12-06")
    assert visit("酒钢 设备处巩处 电话 8月底前出方案 下周一带技术去") == ("call", "2026-12-06")
    # guards: his number after the word is no call
    assert visit("王总 电话 13812345678") is None
    assert visit("王总 电话 一三八一二三四五六七八") is None


def test_a_meeting_today_at_the_customers_or_with_them_is_a_visit() -> None:
    evening = datetime.fromisoformat("2026-12-06T18:00:00+08:00")
    note = "今天下午在中国商飞上飞院开项目会：牛总（最终拍板）、采购部苑经理（走流程）。"
    assert visit(note, evening) == ("visit", "2026-12-06")
    note = "今天在徐州医科大学附属医院开论证会，巫院长主持，最后他拍板。"
    assert visit(note) == ("visit", "2026-12-06")
    note = "奇瑞汽车：采购部江经理、研发邓工，决策在魏总。今天一起开会，魏总说春节前定供应商。"
    assert visit(note) == ("visit", "2026-12-06")
    # guards: the rep's own company's meeting, and a customer's days of meetings, are none
    assert visit("今天公司内部开会，讨论年终奖") is None
    assert visit("今天在公司开会，讨论年终奖") is None
    assert visit("滁州华骏车桥的范总今天到周三在合肥开省里的会，周四去拜访他") is None


def test_a_person_or_a_birthday_corrected_keeps_the_one_meant() -> None:
    people = parse_note("今天去美的见了王经理，哦不对，是黄经理，聊了报价", SUNDAY).contacts
    assert [p.salutation for p in people] == ["黄经理"]
    people = parse_note("拜访格力，不是许经理，是徐经理，聊了备件", SUNDAY).contacts
    assert [p.salutation for p in people] == ["徐经理"]
    people = parse_note("李总生日是11月3号，记错了，是11月13号", SUNDAY).contacts
    assert [(p.birthday.month, p.birthday.day) for p in people if p.birthday] == [(11, 13)]
    # guard: 不是 between two people says nothing is corrected
    people = parse_note("王总不是李总的老板", SUNDAY).contacts
    assert [p.salutation for p in people] == ["王总", "李总"]


def test_a_known_firm_is_read_whole_and_a_place_to_eat_is_none() -> None:
    note = parse_note("拜访马来亚银行的陈经理", SUNDAY)
    assert note.company == "马来亚银行"
    note = parse_note("和上饶信江光学的游总在海底捞吃了顿饭，主要聊镜片镀膜机的售后", SUNDAY)
    assert note.company == "上饶信江光学"


def test_a_yearless_range_under_way_is_this_years() -> None:
    note = "王局长12月8日-10日在北京开会"
    assert trips(note, WEDNESDAY) == [("王局长", "北京", "2026-12-08", "2026-12-10", "开会")]
    # guard: a range wholly gone by is still next year's, as a yearless day is
    assert [s for _, _, s, _, _ in trips("王局长12月1日-3日在北京开会", WEDNESDAY)] != [
        "2026-12-01"
    ]


def test_a_lists_items_on_the_same_day_are_tasks_of_their_own() -> None:
    note = "待办：\n1. 下周一给中联重科采购部姚经理回报价\n2. 12月3号前寄合同\n3. 月底前催上批货款"
    now = datetime.fromisoformat("2026-11-27T09:00:00+08:00")
    assert sorted(tasks(note, now)) == [
        ("2026-11-30", "催上批货款"),
        ("2026-11-30", "给姚经理回报价"),
        ("2026-12-03", "寄合同"),
    ]


def test_a_chat_pasted_under_its_label_is_a_chat() -> None:
    note = "【微信】李总：报价太高了，再降5个点\n我：我跟领导申请一下，明天回复您"
    assert visit(note) == ("wechat", "2026-12-06")


def test_a_mines_head_is_a_key_leader() -> None:
    note = "霍州煤电 某矿：机电科薛工（用户），范矿长拍板。范矿长下周一到周三在太原集团开会。"
    people = parse_note(note, SUNDAY).contacts
    assert [(p.salutation, p.is_key_leader) for p in people] == [("薛工", False), ("范矿长", True)]
    assert [who for who, *_ in trips(note)] == ["范矿长"]


def test_the_reps_answer_promised_to_the_customer_is_a_task() -> None:
    note = "李总 10:01 报价太高了\n我 10:05 我跟领导申请一下，明天回复您"
    assert tasks(note, WEDNESDAY) == [("2026-12-10", "回复李总")]
    assert tasks("下周一回复王总", WEDNESDAY) == [("2026-12-14", "回复王总")]
    # guard: the answer the customer owes is theirs
    assert tasks("王总说下周一回复", WEDNESDAY) == []


def test_an_online_meeting_is_the_reps_and_no_committee_sitting() -> None:
    note = "下周二下午3点线上会议对技术方案"
    assert tasks(note, WEDNESDAY) == [("2026-12-15T15:00", "线上会议对技术方案")]
    # guard: their committee sitting (上会) is still theirs
    assert tasks("方案下周三上会", WEDNESDAY) == []
