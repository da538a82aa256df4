"""Round thirty-three: what notes written on 2026-12-06 (styles29, and the older tuned sets' notes)
and the round's review taught the reader. Each case failed on the parser as the session began
(38554ca) unless its comment says it guards."""

from __future__ import annotations

from datetime import datetime

from parsing.notes import parse_note

NOW = datetime.fromisoformat("2026-12-01T09:00:00+08:00")  # a Tuesday


def dues(text: str, now: datetime = NOW) -> list[tuple[str, str]]:
    return [(f.due.isoformat()[:16], f.action) for f in parse_note(text, now).follow_ups]


def test_the_first_working_day_after_a_holiday_break() -> None:
    # 2027: 清明 falls on Monday 5 April, so Tuesday the 6th is the first day back
    now = datetime.fromisoformat("2027-03-20T10:00:00+08:00")
    assert dues("清明假期后第一个工作日给王局长打电话", now) == [("2027-04-06", "给王局长打电话")]
    # 五一's break runs 1–5 May 2027
    assert [d for d, _ in dues("五一长假结束后上班第一天去拜访华润", now)] == ["2027-05-06"]


def company(text: str, now: datetime = NOW) -> str | None:
    return parse_note(text, now).company


def test_a_telegraphic_tomorrow_before_the_errand() -> None:
    assert dues("明回电 李工") == [("2026-12-02", "回电")]
    assert company("明回电 李工") is None
    assert dues("张总OK，明发合同") == [("2026-12-02", "发合同")]
    assert dues("明送样 中建三局") == [("2026-12-02", "送样")]
    # guards: 明 in a name or a word stays there
    assert dues("李明回电话了，说价格可以") == []
    assert company("明发集团 李工") == "明发集团"


def trips(text: str, now: datetime = NOW) -> list[tuple[str | None, str, str, str]]:
    return [
        (i.who, i.place, i.start.isoformat(), i.end.isoformat())
        for i in parse_note(text, now).itineraries
    ]


def test_a_leader_going_to_a_plant_abroad() -> None:
    text = "王董事长下礼拜三去波兰工厂，待两周"
    assert trips(text)[0][:3] == ("王董", "波兰", "2026-12-09")
    assert company(text) is None
    assert dues(text) == []


def test_a_firm_whose_short_name_is_also_a_word_in_brackets() -> None:
    assert company("张总(美的)说下周二来我司看样机") == "美的"
    assert company("见了刘经理（小米），聊了新项目") == "小米"
    # guards: a place or a role in brackets is no firm
    assert company("见了王经理（南京），聊了新项目") is None


def test_money_to_chase_back_is_the_reps_task() -> None:
    # 催回来 is money fetched back, not someone's return from a trip
    assert dues("第一笔款月底前要催回来") == [("2026-12-31", "催第一笔款")]
    assert dues("定金这周五前要催到") == [("2026-12-04", "催定金")]
    # guard: their coming back is still no task of the rep's
    assert dues("王总下周五从北京回来") == []


def test_back_at_work_after_the_holiday_just_ahead() -> None:
    # said on 13 February 2026: 春节's break runs to the 23rd, the 24th is the first day back
    now = datetime.fromisoformat("2026-02-13T17:40:00+08:00")
    assert dues("对 就是节后第一个工作日发报价", now) == [("2026-02-24", "发报价")]
    assert [d for d, _ in dues("年后上班第一天让我把报价发给他", now)] == ["2026-02-24"]
    now = datetime.fromisoformat("2026-04-30T17:30:00+08:00")  # 五一: 1–5 May
    assert [d for d, _ in dues("节后第一个工作日：去南通找祝经理拿PO", now)] == ["2026-05-06"]
    # guard: between 中秋 and 国庆, 节后 could be either — no day
    now = datetime.fromisoformat("2026-09-22T10:00:00+08:00")
    assert dues("节后第一个工作日发报价", now) == []


def test_back_from_a_named_holiday() -> None:
    now = datetime.fromisoformat("2026-09-30T16:00:00+08:00")
    assert [d for d, _ in dues("国庆回来上班第一天 我要把彩超的报价送过去", now)] == ["2026-10-08"]
    now = datetime.fromisoformat("2026-06-18T18:30:00+08:00")  # 端午: 19–21 June
    assert [d for d, _ in dues("端午回来第一天 我得把样布寄给他", now)] == ["2026-06-22"]


def contact(text: str, now: datetime = NOW) -> tuple[str, str] | None:
    i = parse_note(text, now).interaction
    return None if i is None else (i.kind, i.when.isoformat()[:10])


def test_a_records_own_date_line_dates_the_contact() -> None:
    now = datetime.fromisoformat("2026-07-03T09:00:00+08:00")
    text = (
        "日期：7月2日\n客户：合肥京东方\n对象：采购工程师 钱晓东\n方式：微信沟通\n内容：询问FFU价格"
    )
    assert contact(text, now) == ("wechat", "2026-07-02")
    now = datetime.fromisoformat("2027-03-02T10:30:00+08:00")
    text = "拜访对象：北京协和医院 麻醉科 主任 黄宇\n拜访时间：3月1日下午\n拜访内容：监护仪试用反馈"
    assert contact(text, now) == ("visit", "2027-03-01")
    # guard: a record of a visit still to come logs none
    text = "拜访计划\n客户：北京协和医院\n时间：下周三上午\n方式：拜访"
    assert contact(text, now) is None


def test_spaced_words_around_a_day() -> None:
    now = datetime.fromisoformat("2027-08-23T11:00:00+08:00")  # a Monday
    assert dues("明 下午 送 标书 舟山港 应科长", now) == [
        ("2027-08-24T14:00", "送 标书 舟山港 应科长")
    ]
    now = datetime.fromisoformat("2026-08-31T09:00:00+08:00")
    text = "下个月的事：9月10日 给 黎校长 送花；国庆节 前 把 合同 签了。"
    assert [d for d, _ in dues(text, now)] == ["2026-09-10", "2026-09-30"]


def test_the_day_someone_is_back_is_not_the_calls() -> None:
    now = datetime.fromisoformat("2028-10-10T16:00:00+08:00")
    text = "Called 曹总 of 三星电子 — he's out until Oct 20 (business trip to Seoul). Call back Oct 23."
    assert contact(text, now) == ("call", "2028-10-10")


def test_what_the_customer_promised_to_give_is_theirs() -> None:
    now = datetime.fromisoformat("2026-11-16T15:00:00+08:00")  # a Monday
    text = "上周三见了隆基绿能的储经理，他答应这周五前给技术要求；我下周一按要求出方案"
    assert dues(text, now) == [("2026-11-23", "按要求出方案")]
    now = datetime.fromisoformat("2026-02-26T10:00:00+08:00")
    text = "拜访方式：电话\n客户承诺：3月10日前发招标文件\n我方计划：3月5日前提交资质"
    assert dues(text, now) == [("2026-03-05", "提交资质")]
    # guard: what the rep promised is the rep's
    assert [d for d, _ in dues("我答应储经理这周五前给技术要求", now)] == ["2026-02-27"]


def test_a_note_headed_as_things_to_do_logs_no_contact() -> None:
    now = datetime.fromisoformat("2026-04-22T09:00:00+08:00")  # a Wednesday
    text = "今天要办的：1. 上午给远景能源的蔡工回电话 2. 下午三点去交行开户 3. 周五前把标书交了。"
    assert contact(text, now) is None
    assert dues(text, now)[0] == ("2026-04-22T09:00", "给蔡工回电话")
    text = "Reminder: lunch with CFO of Haier, Ms. Liu, on Friday 12:00 at the hotel."
    assert contact(text, now) is None
    assert [d for d, _ in dues(text, now)] == ["2026-04-24T12:00"]


def test_a_day_moved_to_another_keeps_only_the_new_one() -> None:
    now = datetime.fromisoformat("2028-05-15T09:00:00+08:00")  # a Monday
    assert dues("周三送样→改周四 李工(中车株洲所) 13874123456", now) == [("2028-05-18", "送样")]
    assert dues("徐工周三不行，改周四送样", now) == [("2028-05-18", "送样")]
    assert [d for d, _ in dues("验收 周一改周二 顺丰华南中转场 伍经理", now)] == ["2028-05-16"]
    # guard: their own step moved stays theirs
    text = "原定5月20号开标推迟到5月27号，因为船东改了设计。"
    assert dues(text, now) == []


def test_a_telegraphic_line_opened_by_its_day() -> None:
    now = datetime.fromisoformat("2026-12-30T11:00:00+08:00")
    assert [d for d, _ in dues("1.5 恒生电子签单 找Lily Chen", now)] == ["2027-01-05"]
    now = datetime.fromisoformat("2026-06-30T16:00:00+08:00")
    assert [d for d, _ in dues("7.3投标 孟处(省卫健委)", now)] == ["2026-07-03"]
    # guards: a quantity or a price is no day
    assert dues("1.5 万的单子 下来了", now) == []
    assert dues("价格1.5 左右，王总嫌贵", now) == []


def test_a_dinner_written_up_that_evening_took_place() -> None:
    now = datetime.fromisoformat("2027-11-30T18:30:00+08:00")
    text = "今晚跟大立光的江董吃飯，江董台中人，愛喝紅酒，說鏡頭模組的案子他決定。下禮拜一去台中廠拜訪採購何經理。"
    assert contact(text, now) == ("meal", "2027-11-30")
    assert [d for d, _ in dues(text, now)] == ["2027-12-06"]
    now = datetime.fromisoformat("2026-09-16T19:10:00+08:00")
    text = "晚上请 济南市公安局 科信处的人吃饭：副局长 尚志 也来了 他最终决定；下周四上午去科信处找阮处长。"
    assert contact(text, now) == ("meal", "2026-09-16")
    # guard: one written in the morning is still to come
    now = datetime.fromisoformat("2027-11-30T09:30:00+08:00")
    assert contact("今晚跟大立光的江董吃飯，江董台中人，愛喝紅酒", now) is None


def test_a_one_day_holiday_spans_its_break() -> None:
    # 2026: 元旦 runs 1–3 January, 清明 4–6 April (the schedule's days off around the day)
    now = datetime.fromisoformat("2026-01-02T15:00:00+08:00")
    text = "元旦放假也不消停 刚才苏州纳微科技的吴经理打电话来 说他们的色谱柱要加单"
    assert contact(text, now) == ("call", "2026-01-02")
    now = datetime.fromisoformat("2026-03-20T10:00:00+08:00")
    assert trips("王局长清明假期去海南度假", now) == [
        ("王局长", "海南", "2026-04-04", "2026-04-06")
    ]


def test_a_reminder_to_oneself_leaves_the_visit_told() -> None:
    now = datetime.fromisoformat("2026-02-13T17:40:00+08:00")
    text = (
        "那个 今天下午去了趟恒力化纤 跟采购部的周经理聊了一下 对 就是节后第一个工作日发报价 别忘了"
    )
    assert contact(text, now) == ("visit", "2026-02-13")


def test_no_visit_from_a_trip_not_needed_or_someone_elses() -> None:
    now = datetime.fromisoformat("2027-03-01T17:50:00+08:00")
    text = "验收改到3月4日上午9点，牟经理那天要陪审计。3号当天就不用过去了。"
    assert contact(text, now) is None
    now = datetime.fromisoformat("2027-05-14T16:00:00+08:00")
    assert contact("吉林化纤的谢总上周去了日本东丽，昨天刚回。", now) is None
    # guard: the rep going along with a colleague is a visit
    text = "今天陪我们区域经理去了青岛啤酒见他们的生产副总郑总，聊灌装线"
    assert contact(text, now) == ("visit", "2027-05-14")


def test_a_leader_away_now_since_a_day_gone_by() -> None:
    now = datetime.fromisoformat("2027-12-20T10:00:00+08:00")  # a Monday
    text = "去了趟天津港保税区管委会 经发局的韩局长不在 说是上周六去新加坡考察了 这周四才回来"
    assert trips(text, now) == [("韩局长", "新加坡", "2027-12-18", "2027-12-23")]
    # guard: a trip over already is none
    assert trips("韩局长上周六去新加坡考察了，昨天回来的", now) == []


def test_a_review_is_what_the_trip_is_for() -> None:
    now = datetime.fromisoformat("2026-08-27T16:40:00+08:00")
    assert trips("陶总工9月1日到5日在北京评审", now) == [
        ("陶总工", "北京", "2026-09-01", "2026-09-05")
    ]


def test_who_looks_after_what_names_no_firm() -> None:
    now = datetime.fromisoformat("2027-08-09T10:00:00+08:00")
    assert company("镇海炼化 首付未到 周五再催 财务老许 0574-86451234", now) == "镇海炼化"
    assert company("他说了不算 要报给分管的副总 龚总 龚总才能拍板", now) is None


def people(text: str, now: datetime = NOW) -> list[str | None]:
    return [c.salutation for c in parse_note(text, now).contacts]


def test_words_and_the_reps_colleagues_are_no_contacts() -> None:
    card = "美的集团 中央研究院\n首席工程师 / 博士\n祁 晓 光\nCell 189 2888 0001"
    assert people(card) == ["祁博士"]
    assert people(
        "拜访记录\n客户名称：重庆长安汽车\n拜访人员：采购中心经理 陶明\n拜访方式：电话"
    ) == ["陶经理"]
    text = "昨天 拜访 江西 铜业：总经理 助理 熊伟（传话 的）；设备 部 部长 邬建国（最终 决定）"
    assert people(text) == ["熊助理", "邬部长"]
    text = "客户：郑州宇通客车\n拜访人：我、王经理（我司）\n对方：采购副总 阎立新"
    assert people(text) == ["阎总"]


def test_what_they_want_of_ours_by_a_day_is_the_reps_to_prepare() -> None:
    now = datetime.fromisoformat("2028-03-01T20:00:00+08:00")  # a Wednesday
    assert dues("侯部长说下周一之前要我们的资质文件", now) == [("2028-03-06", "准备资质文件")]
    assert dues("娄工10月8号之前要我们的架构方案", now) == [("2028-10-08", "准备架构方案")]


def test_days_counted_from_a_signing_are_no_day_yet() -> None:
    now = datetime.fromisoformat("2026-05-08T21:30:00+08:00")
    text = "下周一我去拿合同 首付款30%合同签完一周内付，到时候我盯"
    assert dues(text, now) == [("2026-05-11", "去拿合同")]
    # guard: a span from today keeps its day
    assert [d for d, _ in dues("三天内回复王总", now)] == ["2026-05-11"]


def test_their_money_tender_and_travel_said_in_english() -> None:
    now = datetime.fromisoformat("2026-02-24T09:30:00+08:00")
    text = "PO received for 3,000 connectors. Deposit 30% due by Mar 6, I'll chase on Mar 5."
    assert dues(text, now) == [("2026-03-05", "I'll chase")]
    now = datetime.fromisoformat("2027-10-20T17:15:00+08:00")
    text = "Met Director Wang today. Next week Tuesday he goes to Beijing for 3 days. Send proposal by Monday."
    assert dues(text, now) == [("2027-10-25", "Send proposal")]
    now = datetime.fromisoformat("2027-12-31T16:30:00+08:00")
    text = "Kevin says the frame tender opens Jan 10. Submit docs by Jan 6. His boss is in the US until Jan 8."
    assert dues(text, now) == [("2028-01-06", "Submit docs")]


def test_their_money_arriving_and_a_break_beginning_are_no_tasks() -> None:
    now = datetime.fromisoformat("2026-11-02T10:00:00+08:00")
    text = "付款：预付款30%，合同约定11月10日前到\n下一步：11月9日打电话提醒预付款"
    assert dues(text, now) == [("2026-11-09", "打电话提醒预付款")]
    now = datetime.fromisoformat("2026-09-24T15:00:00+08:00")
    text = "明天開始中秋連假，禮拜二（9/29）打電話給統一企業採購部周課長"
    assert [d for d, _ in dues(text, now)] == ["2026-09-29"]


def test_an_errand_on_a_birthday_just_told() -> None:
    now = datetime.fromisoformat("2027-03-01T09:30:00+08:00")
    text = "记一下：恒瑞医药的采购副总崔总，农历三月初三生日，到时候订个蛋糕送过去。"
    assert dues(text, now) == [("2027-04-09", "订个蛋糕送过去")]
    # guard: a birthday told alone is no task
    assert dues("恒瑞医药的采购副总崔总，农历三月初三生日，喜欢钓鱼。", now) == []


def test_a_records_manner_line_says_how_the_contact_was_made() -> None:
    now = datetime.fromisoformat("2026-02-26T10:00:00+08:00")
    text = "拜访记录\n客户名称：重庆长安汽车\n拜访人员：采购中心经理 陶明\n拜访方式：电话\n沟通内容：二季度密封件招标"
    assert contact(text, now) == ("call", "2026-02-26")
    assert contact(
        "客户：重庆长安汽车\n方式：电话\n内容：二季度密封件招标，陶经理确认我司入围", now
    ) == (
        "call",
        "2026-02-26",
    )
    # guard: a planned one is none
    assert contact("拜访计划\n客户：重庆长安汽车\n时间：下周三上午\n方式：拜访", now) is None


def test_the_reps_own_review_meeting_stays_a_task() -> None:
    # guards: 评审 as what a trip is for never takes the rep's own 开评审会 for someone's trip
    now = datetime.fromisoformat("2027-11-29T09:30:00+08:00")
    text = "这两周：明天给海尔的骆工送样件；12月3日下午去青岛开评审会"
    assert [d for d, _ in dues(text, now)] == ["2027-11-30", "2027-12-03T14:00"]
    assert trips(text, now) == []


def test_a_month_and_day_just_gone_is_no_task_a_year_on() -> None:
    now = datetime.fromisoformat("2027-03-12T11:00:00+08:00")
    assert dues("Haitian Plastics - status: order confirmed. PO received 3/11.", now) == []
    assert dues("3月10日合同已经寄给王总了", now) == []
    # guard: a year said keeps its day
    assert [d for d, _ in dues("明年3月10日前把年框合同续签", now)] == ["2028-03-10"]
