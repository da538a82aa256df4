"""Round thirty-six: what notes written on 2026-12-06 (a new session: styles32, the older tuned
sets' notes) and the round's review taught the reader. Each case failed on the parser as the
session began (f676b33) unless its comment says it guards."""

from __future__ import annotations

from datetime import datetime

from parsing.notes import parse_note
from tests.parsing._said import SUNDAY, tasks, visit


def test_what_the_customer_wants_from_us_by_a_day_is_the_reps_task() -> None:
    assert tasks("拜访了万科张总，他说下周二之前要我们把方案发过去") == [
        ("2026-12-08", "把方案发过去")
    ]
    # guards: what he does himself, and what of ours he needs, are no task of this kind
    assert tasks("万科张总下周二要去上海开会") == []


def test_a_call_taken_is_a_call() -> None:
    assert visit("接了个电话，万科张总问报价") == ("call", "2026-12-06")
    assert visit("上午接了万科张总的电话 问报价") == ("call", "2026-12-06")
    # guard: a call still awaited is none
    assert visit("等接了万科张总电话再说") is None


def test_a_person_corrected_at_once_is_the_second_one() -> None:
    people = parse_note("见了海尔周工——不是周工，是吴工，聊了备件", SUNDAY).contacts
    assert [p.salutation for p in people] == ["吴工"]
    people = parse_note("拜访万科张总 哦说错了 是章总 聊了报价", SUNDAY).contacts
    assert [p.salutation for p in people] == ["章总"]
    # guards: 王总说错了 is what 王总 got wrong, and 不是 without 是 after it corrects no one
    people = parse_note("王总说错了，是李总说的", SUNDAY).contacts
    assert [p.salutation for p in people] == ["王总", "李总"]
    people = parse_note("王总不是李总的老板", SUNDAY).contacts
    assert [p.salutation for p in people] == ["王总", "李总"]


def test_a_dictated_task_cut_by_a_filler_is_read_whole() -> None:
    note = (
        "嗯 给那个 苏州工业园区管委会的一把手 徐主任打了个电话 他说年后再说 "
        "然后春节前我得把那个 嗯 贺卡和礼品送过去"
    )
    assert tasks(note, datetime.fromisoformat("2028-01-12T16:45:00+08:00")) == [
        ("2028-01-25", "把贺卡和礼品送过去")
    ]
    note = "跟南京地铁的 许总 约好了 这礼拜五之前我要先把 那个 球场订好"
    assert tasks(note, datetime.fromisoformat("2026-03-15T19:30:00+08:00")) == [
        ("2026-03-20", "把球场订好")
    ]


SATURDAY = datetime.fromisoformat("2026-12-05T10:00:00+08:00")


def test_a_weekly_report_written_at_the_weekend_records_the_week_gone_by() -> None:
    report = (
        "本周工作总结:\n1. 周一拜访万科李总,介绍新产品\n2. 周三电话跟进华为赵工测试进度\n"
        "3. 周四和美的刘经理吃饭\n下周计划:\n1. 周二去碧桂园送样\n2. 周四给格力报价"
    )
    assert visit(report, SATURDAY) == ("meal", "2026-12-03")
    assert [due for due, _ in tasks(report, SATURDAY)] == ["2026-12-08", "2026-12-10"]
    report = "本週工作報告:週一拜訪台積電陳經理;週三與聯發科吳協理通電話;週四請鴻海林協理吃飯。下週:週二寄樣品給聯發科"
    assert visit(report, SATURDAY) == ("meal", "2026-12-03")
    assert tasks(report, SATURDAY) == [("2026-12-08", "寄样品给联发科")]
    report = "12.1-12.5 周报\n1、周二上午拜访中交二航局蒋总,初步沟通\n2、周四下午电话跟进\n3、下周二上午9点再次拜访"
    assert visit(report, SATURDAY) == ("call", "2026-12-03")
    assert [due for due, _ in tasks(report, SATURDAY)] == ["2026-12-08T09:00"]
    # guard: the same lines without a report's heading are plans
    assert [due for due, _ in tasks("周二去碧桂园送样\n周四给格力报价", SATURDAY)] == [
        "2026-12-08",
        "2026-12-10",
    ]


def test_a_day_or_hour_moved_keeps_one_task_on_the_new_one() -> None:
    assert tasks("下周三去格力送样,改成下周四了", SATURDAY) == [("2026-12-10", "去格力送样")]
    assert [due for due, _ in tasks("约了华为赵工明天上午10点,后来改到11点了", SATURDAY)] == [
        "2026-12-06T11:00"
    ]
    assert visit("昨天拜访了碧桂园黄总——不是昨天,是前天", SATURDAY) == ("visit", "2026-12-03")
    # guard: their own day moved is no errand of the rep's
    assert (
        tasks(
            "本来约了这周四上午去南盘江糖业见者总，他周四临时要去昆明开会，改到下周二上午了。",
            datetime.fromisoformat("2026-03-16T18:00:00+08:00"),
        )[0][0]
        == "2026-03-24T09:00"
    )


def test_the_customers_books_targets_and_meetings_are_not_the_reps_tasks() -> None:
    assert tasks("中粮罗经理说他们的采购系统月底关账,下周五前发票必须开好", SATURDAY) == [
        ("2026-12-11", "发票必须开好")
    ]
    assert [
        d for d, _ in tasks("客户那边月底结账,我这边20号前要把对账单发给他们财务", SATURDAY)
    ] == ["2026-12-20"]
    assert tasks("招商银行柳行长说行里年底冲业绩", SATURDAY) == []
    assert [
        d
        for d, _ in tasks(
            "鴻海林協理說他們下週一要跟美國客戶開會,要我們禮拜五前把樣品寄到", SATURDAY
        )
    ] == ["2026-12-11"]
    # 周三年度审计 is a Wednesday, not 三年: the audit runs Monday to Wednesday
    note = "跟华润置地郑总监打了电话,他们公司下周一到周三年度审计,让我周四以后再去"
    assert "2026-12-07" not in [d for d, _ in tasks(note, SATURDAY)]
    # guard: a meeting with us is ours
    assert [d for d, _ in tasks("他说下周一要跟我们开会", SATURDAY)] == ["2026-12-07"]


def test_a_meal_had_and_a_trip_back_home() -> None:
    note = "周四晚上跟宝钢的罗总一起吃的饭,罗总生日是农历腊月十二,下次记得送礼"
    assert visit(note, SATURDAY) == ("meal", "2026-12-03")
    assert tasks(note, SATURDAY) == []
    assert visit("美的 刘经理 饭局 昨晚", SATURDAY) == ("meal", "2026-12-04")
    trip = parse_note("何生下個禮拜一飛新加坡,禮拜四返香港", SATURDAY)
    assert [(i.place, str(i.start), str(i.end)) for i in trip.itineraries] == [
        ("新加坡", "2026-12-07", "2026-12-10")
    ]
    assert trip.follow_ups == []


def test_chats_and_calls_said_short_or_with_fillers() -> None:
    now = datetime.fromisoformat("2028-08-12T09:40:00+08:00")
    note = (
        "嗯 记一下 昨天下午微信跟那个宝钢的白工聊了一下 白工说他们那个 三号高炉检修推迟到国庆以后了"
    )
    assert visit(note, now) == ("wechat", "2028-08-11")
    assert visit("微信 高工 图纸已收", now) == ("wechat", "2028-08-12")
    assert visit("接电话 区总 要样品", now) == ("call", "2028-08-12")
    assert visit("跟恒瑞医药三个人碰了一下：副总万立新拍板", now) == ("visit", "2028-08-12")
    # guard: a chat still to have is none
    assert visit("明天微信跟王总聊聊", now) is None


def test_their_own_steps_by_a_day_are_not_the_reps() -> None:
    note = (
        "今日上長實寫字樓同區生傾咗成個鐘，佢話國慶前要落實 supplier list，叫我哋盡快補交公司資料。"
    )
    assert tasks(note, datetime.fromisoformat("2027-09-08T16:30:00+08:00")) == []
    note = (
        "本周三去了趟宁德时代 见了采购的文经理 文经理说 电芯测试设备的招标推迟了 大概三个月后再开"
    )
    assert tasks(note, datetime.fromisoformat("2027-03-21T20:30:00+08:00")) == []
    note = "文总说 他们那个新厂房三个月后才能验收 到时候再让我们过去"
    assert tasks(note, datetime.fromisoformat("2026-10-10T19:30:00+08:00")) == []
    note = "琴日同太古地產嘅 Cathy 文 開會，佢哋想七月尾之前 confirm 供應商，佢話我哋下個禮拜二之前要交 site survey report。"
    assert [d for d, _ in tasks(note, datetime.fromisoformat("2026-06-19T10:00:00+08:00"))] == [
        "2026-06-23"
    ]


def test_end_of_this_month_said_in_english() -> None:
    note = "今日去咗 Penang 嘅 Inari Amertron 見 Ms. Lim 林小姐。佢話 end of this month 之前要 final quote。"
    assert [d for d, _ in tasks(note, datetime.fromisoformat("2027-05-18T14:50:00+08:00"))] == [
        "2027-05-31"
    ]


def test_a_card_with_the_english_name_beside_the_chinese_one() -> None:
    now = datetime.fromisoformat("2028-09-19T16:50:00+08:00")
    card = "美的集团 家用空调事业部\nJack 向 向建军\n采购经理\n手机 138 2519 6620"
    people = parse_note(card, now).contacts
    assert [(p.name, p.phones) for p in people] == [("向建军", ["13825196620"])]
    card = "SIEMENS\n西门子（中国）有限公司\n区志强 Au Chi-keung\n高级采购经理\n手机：133 1100 8826"
    people = parse_note(card, now).contacts
    assert [(p.name, p.salutation, p.phones) for p in people] == [
        ("区志强", "区经理", ["13311008826"])
    ]


def test_a_phones_tail_corrected() -> None:
    now = datetime.fromisoformat("2026-10-10T19:30:00+08:00")
    note = "文总手机是幺三幺 五幺零二 八八三六 哦后四位不对 是八六三六"
    assert parse_note(note, now).contacts[0].phones == ["13151028636"]
    card = "江苏长电\n高志远\n设备采购经理\nM: 138 0510 7766（名片印错了，他说尾号是7676）"
    assert parse_note(card, now).contacts[0].phones == ["13805107676"]
    # guard: the tail said again, nothing corrected
    assert parse_note("张总电话13800001234，尾号是1234的那个", now).contacts[0].phones == [
        "13800001234"
    ]


def test_the_firm_met_called_or_chatted_with() -> None:
    now = datetime.fromisoformat("2028-09-19T16:50:00+08:00")
    assert parse_note("今天跟镇海炼化开了协调会：设备处的万处长说了算", now).company == "镇海炼化"
    note = "给中广核的三个人打了电话：常总（分管副总经理，决策）、技术部的高工（他们部门用）"
    assert parse_note(note, now).company == "中广核"
    note = "宁德时代三位：采购部的 Sunny 区（走流程的）、工艺部向工（最终用户）"
    assert parse_note(note, now).company == "宁德时代"
    chat = "长沙远大 马总\n[23:05] 马总：合同我签好了，扫描件发你邮箱了\n[23:12] 我：收到马总，原件明天顺丰寄给您"
    assert parse_note(chat, now).company == "长沙远大"


def test_an_evenings_hour_moved_and_a_leaders_trip_again() -> None:
    note = "明晚请恒瑞姚经理吃饭,地点改到海底捞,时间七点改到七点半"
    assert tasks(note, SATURDAY) == [("2026-12-06T19:30", "请姚经理吃饭")]
    # 周部长 goes again: his trip, no errand of the rep's
    assert tasks("昨天周部长从北京回来了,下周三又要去成都", SATURDAY) == []
    # guard: a bare hour in another sentence keeps its business hour
    assert [d for d, _ in tasks("明晚请姚经理吃饭。周一10点给王总打电话", SATURDAY)] == [
        "2026-12-06T20:00",
        "2026-12-07T10:00",
    ]


def test_none_said_and_a_firm_after_the_hour() -> None:
    assert visit("本周无拜访,在家写标书", SATURDAY) is None
    note = "昨晚十点多美的刘经理打电话过来,说订单要加急"
    assert parse_note(note, SATURDAY).company == "美的"


def test_a_reports_day_in_brackets_after_the_event() -> None:
    report = "11月第5周周报\n完成:万达商管饶总拜访(周三)、长江电力傅处长饭局(周四)"
    assert visit(report, SATURDAY) == ("meal", "2026-12-03")
    report = "周报。本周拜访:中国移动江苏公司杨处(周二)"
    assert visit(report, SATURDAY) == ("visit", "2026-12-01")


def test_a_schedule_passed_on_names_no_firm_and_its_return_no_task() -> None:
    note = "秘书发来:王局长行程 12月8日-9日 北京(部里开会) 12月10日 返宁"
    read = parse_note(note, SATURDAY)
    assert read.company is None
    assert "返宁" not in [f.action for f in read.follow_ups]
