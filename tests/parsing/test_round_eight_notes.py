"""Round eight of the note reader (2026-12-02): sentence in, facts out — a remark said as the
thing, then where it stands, and what only the buyer does by a day."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from parsing.notes import InteractionFact, parse_note

SH = ZoneInfo("Asia/Shanghai")
NOW = datetime(2026, 11, 12, 18, 0, tzinfo=SH)


def told(text: str) -> InteractionFact:
    found = parse_note(text, NOW).interaction
    assert found is not None, text
    return found


def dues(text: str) -> list[str]:
    return [f.due.isoformat()[:10] for f in parse_note(text, NOW).follow_ups]


def test_the_thing_a_remark_is_about_is_the_headline_and_the_rest_where_it_stands() -> None:
    call = told("给远大住工的聂总打了电话，他说合同月底前盖好章，让我下周二去取。")
    assert (call.summary, call.outcome) == ("合同", "月底前盖好章")
    meal = told("跟 Sunway 的 Mr. Lee 吃饭，他是 GM，拍板的人。空调保养合约明年续，一年付两次。")
    assert (meal.summary, meal.outcome) == ("空调保养合约", "明年续")
    visit = told("今天拜访万达物业的郑总，一把手。物业管理平台年前想上，让我们周六前出个方案。")
    assert (visit.summary, visit.outcome) == ("物业管理平台", "年前想上")


def test_a_headline_already_said_is_not_said_again_in_the_remark() -> None:
    meal = told("昨天跟鞍钢设备部的于部长吃饭。他说冷轧线的改造明年三月招标，今年先做技术交流。")
    assert meal.summary == "冷轧线的改造"
    assert meal.outcome is not None and meal.outcome.startswith("明年三月招标")


def test_a_remark_that_does_not_read_as_thing_then_standing_stays_whole() -> None:
    # a time first is no thing; a headline about something else keeps the remark whole
    call = told("刚给刘处打了电话，他说今年三月份要采购一批监护仪")
    assert call.summary != "今年"
    visit = told("今天拜访市一院赵科长，聊了CT机维保续签，他说预算下个月才定")
    assert (visit.summary, visit.outcome) == ("CT机维保续签", "预算下个月才定")
    # the rep's own plan is no standing of the customer's
    visit = told("今天拜访了华为的曾经理，我们年底前要上线新版本")
    assert visit.outcome is None
    # a new year greeting's 初八上班 is someone's day at work, not where a deal stands
    chat = told("毕行长 09:12\n新年快乐！\n我 09:15\n毕行长新年快乐！\n毕行长 09:16\n初八上班")
    assert chat.outcome is None


def test_a_plan_of_theirs_alone_records_no_contact() -> None:
    assert parse_note("空调保养合约明年续，一年付两次", NOW).interaction is None


def test_what_only_the_buyer_does_by_a_day_is_no_reminder_for_the_rep() -> None:
    assert dues("今天去了市第三医院，见了李科长。核磁的项目预算1200万，年底前要挂网。") == []
    assert dues("智慧黑板的项目下周三开标") == []
    # the rep asking to be reminded of it, or the rep's own bid, stays a reminder
    assert dues("下周三开标，记得提醒我去现场") == ["2026-11-18"]
    assert dues("下周三前我们要把标书交了") == ["2026-11-18"]


def kind(text: str, now: datetime = NOW) -> str | None:
    found = parse_note(text, now).interaction
    return None if found is None else found.kind


def test_more_ways_a_visit_is_said_done() -> None:
    assert kind("那个嗯刚刚在省人民医院跟何院长聊完然后呢他说新院区的物流机器人要上") == "visit"
    assert kind("今天meeting了平安银行的IT head Jason，下周一send proposal给他。") == "visit"
    assert kind("今天陪华为的曾经理去看了我们在东莞的工厂，他说质量体系没问题") == "visit"
    # the last visit before new year is this one; one set for tomorrow is a plan
    before_cny = datetime(2027, 1, 20, 18, 0, tzinfo=SH)
    told = "過年前最後一次拜訪，送禮盒給台中榮總的周組長，他說預算年後才會下來。"
    assert kind(told, before_cny) == "visit"
    # said as a plan (a day set for it, 要带, 打算, 记得, the day in the next sentence)
    assert kind("春节前最后一次拜访，明天下午去格力电器送年货。", before_cny) is None
    assert kind("过年前最后一次拜访要带点礼品给格力陈总", before_cny) is None
    assert kind("過年前最後一次拜訪記得帶禮盒去台中榮總", before_cny) is None
    assert kind("春节前最后一次拜访格力王总，打算带两箱茅台", before_cny) is None
    assert kind("春节前最后一次拜访。下周二去格力送年货", before_cny) is None
    # a visit next week, or gone to with someone next week, is no visit today
    assert kind("下周陪张总去看了工厂再说") is None
    # the rep's own people, places and meetings are no contact with a customer
    assert kind("刚刚在车上跟老板聊完 决定这个单子不跟了") is None
    assert kind("刚刚在公司跟同事聊完万科这个单子怎么推") is None
    assert kind("下周的meeting了解一下议程 跟格力王总") is None
    assert kind("下午内部meeting了一下万科的项目") is None
    assert kind("今天陪老婆去看了医生 明天再去拜访万科的陈总") is None
    assert kind("今天陪领导去考察了新厂址") is None
    visit = parse_note("刚刚在三一的厂里跟刘工聊完技术参数", NOW).interaction
    assert visit is not None and not (visit.summary or "").startswith("完")


def test_someone_elses_contact_or_hearsay_is_not_the_reps() -> None:
    assert kind("海康的人上礼拜也去拜访了杭州萧山医院，他们每年11月做采购计划。") is None
    assert kind("听说潍柴的空压机项目被阿特拉斯和英格索兰瓜分了") is None
    # the customer's people coming over is a contact
    assert kind("今天中建三局的人来拜访了，带了图纸") == "visit"
    # the customer's people at a dinner are the rep's contact
    assert kind("今晚跟三一重工的人吃饭，谢总说液压件年度招标每年11月") == "meal"


def test_who_someone_works_for_is_no_company_when_said_as_a_role() -> None:
    # tried in round eight (X的 + a title → X) and dropped: these all named no company
    for text in (
        "老板的秘书说王总今天不在",
        "集团的财务总监今天也在",
        "医院的院长今天不在",
        "上海的经理下周过来",
    ):
        assert parse_note(text, NOW).company is None, text


def test_a_part_of_day_before_a_verb_with_an() -> None:
    # 上午安排 is the morning, then 安排 (早安 alone is a greeting, no time)
    assert [f.due.isoformat()[:16] for f in parse_note("明天上午安排售后过去", NOW).follow_ups] == [
        "2026-11-13T09:00"
    ]


def cycles(text: str) -> tuple[str | None, str | None, list[str]]:
    n = parse_note(text, NOW)
    return n.purchase_cycle, n.payment_cycle, n.competitors


def test_more_ways_a_customer_buys_and_pays() -> None:
    assert cycles("桃園機場公司每三年招標一次，付款是每季請款")[0] == "每三年招标一次"
    assert cycles("他们的岸桥维保还是三年一签，今年没戏")[0] == "三年一签"
    assert cycles("谢总说液压件年度招标每年11月，今年已经错过了")[0] == "年度招标每年11月"
    assert cycles("空调保养合约明年续，一年付两次")[1] == "一年付两次"
    assert cycles("岸电系统他们年底定，付款一般分三次")[1] == "一般分三次"
    assert cycles("说设备保养合同要改成按季度付款")[1] == "按季度付款"
    assert cycles("灌装线的备件每个月月初下单然后呢月底对账付款")[1] == "月底对账付款"
    assert cycles("对了，我们今年的付款都是验收后60天")[1] == "验收后60天"
    # a plan of theirs and a payment that came late are no cycles
    assert cycles("他说年底之前会出招标文件")[0] is None
    assert cycles("尾款付款拖了两个月才到")[1] is None
    for text in (
        "回款都拖了三个月了",
        "付款都是老板签字才行",
        "这笔回款分两次到账",
        "结算都是人民币",
    ):
        assert cycles(text)[1] is None, text


def test_more_ways_a_rival_is_named() -> None:
    assert cycles("price still too high, 他们在比ABB的offer。")[2] == ["ABB"]
    assert cycles("潍柴的空压机项目被阿特拉斯和英格索兰瓜分了")[2] == ["阿特拉斯", "英格索兰"]
    assert cycles("他们还在比较方案的价格")[2] == []
    assert cycles("这个项目被几家瓜分了")[2] == []
    for text in ("现在的供应商价格太高，想换", "原来的供应商倒闭了", "他们用的是自己开发的系统",
                 "那边用的是进口的", "市场份额被国产品牌瓜分了", "这块业务被几个代理商瓜分了"):  # fmt: skip
        assert cycles(text)[2] == [], text


def trips(text: str) -> list[tuple[str | None, str, str, str]]:
    n = parse_note(text, datetime(2026, 12, 1, 18, 0, tzinfo=SH))
    return [(i.who, i.place, i.start.isoformat(), i.end.isoformat()) for i in n.itineraries]


def test_a_leaders_trip_abroad_or_said_with_one_weekday_word() -> None:
    assert trips("NUH 的吴教授下礼拜去 Boston 开会 (8-12 Feb)，回来再约。") == [
        ("吴教授", "Boston", "2027-02-08", "2027-02-12")
    ]
    assert trips("SingHealth 李主任 下礼拜一到礼拜四去 Tokyo 开会, 回来后再约 demo.") == [
        ("李主任", "Tokyo", "2026-12-07", "2026-12-10")
    ]
    # 下星期一至三: Monday to Wednesday of that week (喺 is Cantonese 在)
    assert trips("新世界發展 黃總 下星期一至三喺深圳開會，聽日先send份proposal俾佢秘書") == [
        ("黄总", "深圳", "2026-12-07", "2026-12-09")
    ]


def test_no_trip_where_the_rep_goes_or_a_name_stands() -> None:
    # the rep's own appointment at an hour, the rep's whereabouts, a company gone to for a day
    assert trips("下個禮拜三朝早十點去數碼港開會，同佢哋IT director Eric傾cloud migration。") == []
    assert trips("今天在新加坡去 NTUC FairPrice 见了 IT 的王经理，next Tuesday 再 follow up") == []
    assert trips("下周三去 Maybank 开会，带上方案") == []
    # 马上飞 is a name here: 马总 is no place
    assert trips("那个刚才华润电力的马上飞马总打电话说 嗯春节期间他们电厂要检修") == []


def test_what_is_handed_over_is_said_before_its_day() -> None:
    def actions(text: str) -> list[str]:
        return [f.action for f in parse_note(text, NOW).follow_ups]

    chat = (
        "刘院长 19:58\n原则上同意\n我 20:01\n需要我们准备什么材料吗\n"
        "刘院长 20:03\n先把三家比价的材料准备好，12月5号前给我"
    )
    assert actions(chat) == ["把三家比价的材料准备好"]
    note = "今天见了美团的硬件采购经理鲍凯（采购）。激光雷达的量产报价鲍凯让1月12号前给。"
    assert actions(note) == ["激光雷达的量产报价"]
    # nothing said before: the words after the day stay as they are
    assert actions("他问什么时候能到，我说周五前给他") == ["给他"]


def test_the_reps_own_deliverable_is_no_standing_of_the_customers() -> None:
    for text in ("今天拜访了格力王总，报价明天出", "今天拜访华为曾经理，标书下周五前做好"):
        visit = told(text)
        assert visit.outcome is None, text
    visit = told("今天拜访美的李总 技术协议月底定 我们下周去确认")
    assert visit.outcome is not None and "我们" not in visit.outcome


def test_a_buyers_day_with_the_reps_own_task_stays_a_reminder() -> None:
    assert dues("下周一立项会 我要去给他们讲方案") == ["2026-11-16"]
    assert dues("下周五招标，我得提前准备资质文件") == ["2026-11-20"]
    # the customer reminding, or the rep to remind the boss: the buyer's day, nothing to do
    assert dues("客户提醒我们下周三开标") == []


def test_a_place_or_company_that_starts_with_a_weekday_word_is_no_range() -> None:
    for text, day in (
        ("下周一到天津拜访王总", "2026-11-16"),
        ("下周二到四川送样品给刘工", "2026-11-17"),
        ("下周二到三院找李主任", "2026-11-17"),
        ("下周四到五矿找王总", "2026-11-19"),
    ):
        assert dues(text) == [day], text
    assert parse_note("下周二到三一重工拜访刘总", NOW).company == "三一重工"
    trip = parse_note("李局下周一到三亚开会", NOW).itineraries
    assert [(i.place, i.start.isoformat()) for i in trip] == [("三亚", "2026-11-16")]


def test_the_reps_own_trip_abroad_is_no_leaders() -> None:
    assert trips("12月8号到10号去 Jakarta 开会，见 BCA 的 Mr Tan") == []
    assert trips("下周一到周三去 Singapore 出差，顺便拜访 DBS 的 Jason") == []


def test_whom_a_trip_goes_to_see_is_not_the_one_travelling() -> None:
    assert [who for who, *_ in trips("下周一到周三去北京出差，顺便拜访王总")] != ["王总"]
    assert trips("王总下周一到周三去北京出差") == [("王总", "北京", "2026-12-07", "2026-12-09")]


def days(text: str, now: datetime) -> list[str]:
    return [f.due.isoformat()[:16] for f in parse_note(text, now).follow_ups]


def test_voice_input_with_a_space_between_every_word() -> None:
    now = datetime(2026, 10, 7, 21, 0, tzinfo=SH)
    spaced = "那个 嗯 明天 上班 第一天 然后 上午 九点半 先 去 那个 广州白云机场 找 那个 信息 中心 的 区 主任"
    n = parse_note(spaced, now)
    assert [f.due.isoformat()[:16] for f in n.follow_ups] == ["2026-10-08T09:30"]
    assert n.company == "广州白云机场"
    # a telegraphic note's spaces between phrases are no voice input
    assert parse_note("车总 江西人 老乡 可以多走动", now).contacts[0].native_place == "江西"


def test_cantonese_parts_of_the_day() -> None:
    now = datetime(2026, 10, 3, 18, 0, tzinfo=SH)
    assert days("後日下晝去將軍澳見TVB嘅行政部梁主任", now) == ["2026-10-05T14:00"]
    assert days("我禮拜五朝早再打畀佢跟進", now) == ["2026-10-09T09:00"]
    assert days("聽日夜晚七點半同新世界發展嘅岑總食飯", now) == ["2026-10-04T19:30"]


def test_a_day_gone_by_or_a_day_told_is_no_task() -> None:
    now = datetime(2027, 2, 12, 18, 0, tzinfo=SH)  # 正月初七
    # 初三 was five days ago: never next year's 初三
    assert days("初三去过华侨城集团拜年了。他们正月十五以后才谈新项目", now) == []
    assert days("Dinner with 京东物流 的裴总 tonight was great.", now) == []
    eve = datetime(2026, 10, 30, 18, 0, tzinfo=SH)
    assert days("明天就月底了，周一上午去拿承兑汇票。", eve) == ["2026-11-02T09:00"]
    assert days("明天就11月了。四号前把10月的拜访总结交上去", eve) == ["2026-11-04"]
    assert days(
        "下周五就是元旦了。元旦前给传化的柴秘书送台历", datetime(2026, 12, 24, 18, tzinfo=SH)
    ) == ["2026-12-31"]
    # the day told, then the task for that day: kept
    assert days(
        "明天月底了 记得跟叶科长催一下十一月的回款", datetime(2026, 11, 29, 18, tzinfo=SH)
    ) == ["2026-11-30"]


def test_a_festivals_goods_are_no_day() -> None:
    now = datetime(2026, 12, 11, 18, 0, tzinfo=SH)
    assert days("两周后的今天是圣诞节，下周五前把外企客户的圣诞贺卡寄出去。", now) == ["2026-12-18"]
    assert [f.action for f in parse_note("下周五前把圣诞贺卡寄出去", now).follow_ups] == [
        "把圣诞贺卡寄出去"
    ]


def test_the_buyers_deadline_is_no_task() -> None:
    now = datetime(2027, 1, 13, 11, 0, tzinfo=SH)
    chat = (
        "[01-13 10:52] 四川省人民医院 检验科 尹主任：试剂的招标文件出来了，本月25号截止\n"
        "[01-13 10:55] 我：好的尹主任，我们20号前把标书递上去"
    )
    assert days(chat, now) == ["2027-01-20"]
    assert days("Met 中国建筑 的 tender team today, 张工 said tender 月底 close.", now) == []
    assert days("中国人寿的元旦晚会12月31号晚上在国际饭店，是他们内部的，不用去。", now) == []


def test_a_customers_request_answered_with_the_reps_own_day() -> None:
    now = datetime(2026, 12, 20, 18, 40, tzinfo=SH)
    chat = (
        "廖科长 12/20 18:33\n元旦前把明年的价格表发过来\n我 12/20 18:40\n好的廖科长，我30号之前发您"
    )
    assert days(chat, now) == ["2026-12-30"]
    # the same day said back only sets its hour: the customer's words stay the task
    same = "任总 14:22\n你们初九上午过来讲一下新版本\n我 14:30\n收到任总，初九上午十点到"
    found = parse_note(same, datetime(2027, 2, 10, 14, 30, tzinfo=SH)).follow_ups
    assert [(f.due.isoformat()[:16], f.action) for f in found] == [
        ("2027-02-14T10:00", "过来讲一下新版本")
    ]


def test_a_voice_fillers_between_a_day_its_part_and_its_place() -> None:
    now = datetime(2027, 2, 3, 18, 0, tzinfo=SH)
    found = parse_note(
        "嗯明天是腊月二十八那个上午去那个长春的吉林大学第一医院送对联", now
    ).follow_ups
    assert [(f.due.isoformat()[:16], f.action[:3]) for f in found] == [
        ("2027-02-04T09:00", "去长春")
    ]


def test_asking_whether_a_quote_arrived_is_no_deal() -> None:
    # tryout 10: a reminder to check made a 💼 deal at 方案报价
    assert parse_note("提醒我明天上午10点给陈总打电话确认报价收到没有", NOW).deal is None
    assert parse_note("报价收到了吗", NOW).deal is None
    said = parse_note("他说你们的报价收到了", NOW).deal
    assert said is not None and said.stage == "quote"


def test_tryout_ten_tasks_the_reader_dropped() -> None:
    now = datetime(2026, 12, 2, 22, 30, tzinfo=SH)
    assert days("香港中華電力陳經理 春節前要上門拜年 送份禮", now) == ["2027-02-05"]
    assert days("陈经理 春节前要上门拜年", now) == ["2027-02-05"]
    meeting = parse_note("顺丰华东 吴总监 A类 周五下午3点会 过合同 138 0013 8000", now).follow_ups
    assert [(f.due.isoformat()[:16], f.action) for f in meeting] == [
        ("2026-12-04T15:00", "开会 过合同")
    ]
    # a meeting said alone stays the rep's own (no reminder), as before
    assert days("周一上午开会", now) == []


def test_a_visit_planned_for_a_day_said_first_is_no_visit_today() -> None:
    now = datetime(2026, 10, 8, 20, 0, tzinfo=SH)
    n = parse_note(
        "下禮拜一早上九點，到台北內湖的廣達電腦拜訪資材處陳處長，記得帶新的報價單。", now
    )
    assert n.interaction is None
    assert [(f.due.isoformat()[:16], f.action) for f in n.follow_ups] == [
        # (the company and the place it is in are on the card: round twenty-two leaves them out)
        ("2026-10-12T09:00", "拜访陈处长")
    ]
    # a call said not to have happened is none either
    later = datetime(2027, 1, 17, 21, 0, tzinfo=SH)
    assert (
        parse_note(
            "刚想起来下午三点答应给中化国际的喻经理回电话，忘了，明早九点打。", later
        ).interaction
        is None
    )
    # the day said, a comma, then someone else's words: no task read from them
    assert [f.action for f in parse_note("明天，他说要开会", now).follow_ups] != ["他说要开会"]


def test_tryout_ten_whom_a_call_names_and_what_cantonese_says() -> None:
    now = datetime(2026, 12, 2, 22, 30, tzinfo=SH)
    note = "Met Mr. Zhang of 南京地铁集团 today, talked about the AFC upgrade. next Friday 3pm call 李部长 re budget"
    assert [f.action for f in parse_note(note, now).follow_ups] == ["call 李部长 re budget"]
    assert [f.action for f in parse_note("Met 王总 today. Call tomorrow 10am", now).follow_ups] == [
        "Call 王总"
    ]
    meal = parse_note("今日同港鐵嘅陳生飲茶，佢話好有興趣", now).interaction
    assert meal is not None and meal.outcome == "好有兴趣"


def test_tryout_ten_a_card_label_and_a_name_said_alone() -> None:
    now = datetime(2026, 12, 2, 22, 30, tzinfo=SH)
    card = (
        "苏州工业园区建设发展集团有限公司\n周文斌 总经理助理\nTel: 0512-6288 1234\n"
        "Mobile: 139 1234 5678\nEmail: zhouwb@sipd.com.cn"
    )
    people = parse_note(card, now).contacts
    assert [(c.name, c.phones, c.email) for c in people] == [
        ("周文斌", ["051262881234", "13912345678"], "zhouwb@sipd.com.cn")
    ]
    said = parse_note("周文斌生日是3月8号 老家盐城 喜欢打掼蛋", now).contacts
    assert [(c.name, c.native_place) for c in said] == [("周文斌", "盐城")]
    # two characters that read as a word are no name
    assert [c.name for c in parse_note("安全生日是3月8号", now).contacts] == [None]


def test_tryout_ten_a_chats_give_it_to_me_by_then() -> None:
    now = datetime(2026, 12, 2, 22, 30, tzinfo=SH)
    chat = (
        "陈总 20:01\n方案整体可以，你们把详细报价和案例资料整理一下\n"
        "我 20:03\n好的陈总，明天上午把详细报价发您\n陈总 20:05\n案例资料下周三之前给我就行"
    )
    assert [(f.due.isoformat()[:10], f.action) for f in parse_note(chat, now).follow_ups] == [
        ("2026-12-03", "把详细报价发陈总"),
        ("2026-12-09", "案例资料"),
    ]


def test_a_known_names_branch_of_five_characters() -> None:
    now = datetime(2026, 12, 2, 22, 30, tzinfo=SH)
    assert parse_note("顺丰速运华东区 陈总微信说方案可以", now).company == "顺丰速运华东区"
    assert parse_note("顺丰今天下午开会", now).company == "顺丰"
