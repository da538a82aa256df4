"""Round thirty-five: what notes written on 2026-12-06 (a new session: styles31, the older tuned
sets' notes) and the round's review taught the reader. Each case failed on the parser as the
session began (30d22cb) unless its comment says it guards."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from parsing.notes import parse_note

TZ = ZoneInfo("Asia/Shanghai")


def visit(text: str, now: datetime) -> tuple[str, str] | None:
    inter = parse_note(text, now).interaction
    return None if inter is None else (inter.kind, inter.when.isoformat()[:10])


def test_just_met_said_telegraphically_is_a_visit_today() -> None:
    now = datetime.fromisoformat("2026-09-13T11:40:00+08:00")
    assert visit("刚见华润陈总，同意试用", now) == ("visit", "2026-09-13")
    # guard: a meeting not before next week is none
    assert visit("华润陈总太忙，下周二才见陈总", now) is None


def test_the_firm_after_just_met() -> None:
    now = datetime.fromisoformat("2026-09-13T11:40:00+08:00")
    assert parse_note("刚见完万科陈总，同意试用", now).company == "万科"


def dues(text: str, now: datetime) -> list[str]:
    return [f.due.isoformat()[:16] for f in parse_note(text, now).follow_ups]


def test_a_note_written_before_dawn_speaks_of_the_day_just_ended() -> None:
    thursday_night = datetime.fromisoformat("2027-06-17T01:20:00+08:00")  # Thursday, 01:20
    note = "刚到家 今天晚上跟中建八局的赵总吃的饭 他说项目基本定了 让我明天 就是周四 上午十点去他办公室签框架"
    assert visit(note, thursday_night) == ("meal", "2027-06-16")
    assert dues(note, thursday_night) == ["2027-06-17T10:00"]
    assert visit("今天中信银行吃饭 成了", datetime.fromisoformat("2028-09-30T00:50:00+08:00")) == (
        "meal",
        "2028-09-29",
    )
    assert dues("明早九点给温科长打电话", datetime.fromisoformat("2026-09-15T00:15:00+08:00")) == [
        "2026-09-15T09:00"
    ]
    # guards: the morning still ahead is today's, a day named again is the calendar's, and in
    # daylight nothing moves
    wednesday_night = datetime.fromisoformat("2028-03-15T00:10:00+08:00")
    trips = parse_note(
        "美的集团汤经理说他今天（周三）下午飞广州 周四回", wednesday_night
    ).itineraries
    assert [(i.start.isoformat()[:10], i.place) for i in trips] == [("2028-03-15", "广州")]
    assert dues(
        "今天上午跟财务确认付款条件", datetime.fromisoformat("2027-07-26T00:45:00+08:00")
    ) == ["2027-07-26T09:00"]
    noon = datetime.fromisoformat("2028-09-30T10:50:00+08:00")
    assert visit("今天中信银行吃饭 成了", noon) == ("meal", "2028-09-30")
    assert dues("明早九点给温科长打电话", noon) == ["2028-10-01T09:00"]


def dated(text: str, now: datetime) -> list[tuple[str, str]]:
    return [(f.due.isoformat()[:16], f.action) for f in parse_note(text, now).follow_ups]


def test_a_day_or_hour_corrected_mid_note_takes_the_correction() -> None:
    assert dated(
        "明天下午3点,不对,是4点,去拜访华润刘经理", datetime(2026, 12, 5, 10, tzinfo=TZ)
    ) == [("2026-12-06T16:00", "去拜访刘经理")]
    assert dated("1月6号拜访比亚迪,啊不是,是1月7号", datetime(2026, 12, 31, 11, tzinfo=TZ)) == [
        ("2027-01-07", "拜访比亚迪")
    ]
    assert dated(
        "周五前报价给蒙牛赵总,更正一下,是周四前", datetime(2026, 11, 30, 15, tzinfo=TZ)
    ) == [("2026-12-03", "报价给赵总")]
    assert dated("明早9点去招行,算了改成10点", datetime(2026, 12, 20, 22, tzinfo=TZ)) == [
        ("2026-12-21T10:00", "去招行")
    ]
    assert [
        d for d, _ in dated("后天,不,大后天上午去百度", datetime(2026, 11, 18, 18, tzinfo=TZ))
    ] == ["2026-11-21T09:00"]
    assert [
        d
        for d, _ in dated(
            "这周日,噢应该是下周日,去中粮马总家拜访", datetime(2026, 11, 27, 17, tzinfo=TZ)
        )
    ] == ["2026-12-06"]
    # a weekday said alone in the correction is in the week said first
    assert [
        d
        for d, _ in dated("下周四 不 周三 送样 杭州老板电器", datetime(2026, 5, 13, 14, tzinfo=TZ))
    ] == ["2026-05-20"]
    # 改到周四上午了: the change is what is done, the errand is still ahead
    assert [
        d
        for d, _ in dated(
            "周三下午三点去他们那边 不对 改到周四上午了", datetime(2028, 3, 6, 10, tzinfo=TZ)
        )
    ] == ["2028-03-09T09:00"]
    # guard: a date said after a plain 不是 is no correction
    assert [
        d for d, _ in dated("周三不是我们的会,周四去华润", datetime(2026, 12, 1, 9, tzinfo=TZ))
    ] == ["2026-12-03"]


def test_a_visit_day_and_a_number_corrected() -> None:
    note = parse_note(
        "今天去了宁德时代,哦不对,是昨天去的,见了李部长", datetime(2026, 12, 14, 8, tzinfo=TZ)
    )
    assert note.company == "宁德时代"
    assert visit(
        "今天去了宁德时代,哦不对,是昨天去的,见了李部长", datetime(2026, 12, 14, 8, tzinfo=TZ)
    ) == (
        "visit",
        "2026-12-13",
    )
    note = parse_note(
        "今天拜访了美的何总,电话13812345678,说错了,是13812345679",
        datetime(2026, 11, 18, 18, tzinfo=TZ),
    )
    assert [c.phones for c in note.contacts] == [["13812345679"]]


def test_a_weekly_reports_days_this_week_are_gone_by_and_its_plans_ahead() -> None:
    friday = datetime(2027, 1, 15, 18, tzinfo=TZ)
    report = "本周：周三电话回访长沙远大住工谭总，确认样板间进度。\n下周计划：周二去长沙拜访谭总。"
    assert visit(report, friday) == ("call", "2027-01-13")
    assert [d for d, _ in dated(report, friday)] == ["2027-01-19"]
    saturday = datetime(2026, 11, 14, 10, tzinfo=TZ)
    report = (
        "周报\n本周拜访：\n- 周一 武汉光谷生物城管委会 伍主任（初次拜访）\n"
        "下周计划：\n- 周二 陪公司领导回访伍主任\n- 周五前 提交入园申请材料"
    )
    note = parse_note(report, saturday)
    assert [c.salutation for c in note.contacts] == ["伍主任"]  # (周报 names no one)
    assert visit(report, saturday) == ("visit", "2026-11-09")
    assert [d for d, _ in dated(report, saturday)] == ["2026-11-17", "2026-11-20"]
    report = "周报（6/26-6/30）\n下周：7/4 给钮工送样板；7/6 跟贝经理谈价格。"
    assert dated(report, datetime(2028, 7, 1, 10, tzinfo=TZ)) == [
        ("2028-07-04", "给钮工送样板"),
        ("2028-07-06", "跟贝经理谈价格"),
    ]
    report = "本週：禮拜二拜會港鐵公司工程部李工程師 睇咗機電方案"
    assert parse_note(report, datetime(2028, 6, 16, 18, tzinfo=TZ)).company == "港铁公司"
    assert visit(report, datetime(2028, 6, 16, 18, tzinfo=TZ)) == ("visit", "2028-06-13")


def test_wordlike_firms_where_a_name_stands() -> None:
    now = datetime(2026, 11, 18, 18, tzinfo=TZ)
    assert parse_note("今天拜访了美的何总", now).company == "美的"
    assert parse_note("美的来了三个人:采购总监何总、品质经理钟经理", now).company == "美的"
    assert parse_note("下午去小米开会,见了雷总", now).company == "小米"
    assert parse_note("本周四跟进联想许经理,报价已确认", now).company == "联想"
    assert parse_note("明天上午九点半要去拜访一下美的的采购总监何总", now).company == "美的"
    # guards: the words themselves name no firm
    assert parse_note("这里风景很美的,何总说下次再来", now).company is None
    assert parse_note("喝了碗小米粥就去见王总了", now).company is None


def test_answering_someones_question_is_the_reps_task() -> None:
    note = parse_note("2个工作日内回复海尔周工的技术问题", datetime(2026, 11, 27, 17, tzinfo=TZ))
    assert note.company == "海尔"
    assert [(f.due.isoformat(), f.action) for f in note.follow_ups] == [
        ("2026-12-01", "回复周工的技术问题")
    ]
    # guard: their answer owed in so many days is theirs
    assert dated("王总说3天内回复", datetime(2026, 11, 27, 17, tzinfo=TZ)) == []


def test_what_did_not_happen_or_is_theirs_sets_nothing() -> None:
    sunday = datetime(2026, 12, 20, 22, tzinfo=TZ)
    assert visit("本周小结:客户百度吴总因出差未能见面,改约下周二。", sunday) is None
    assert visit("本周拜访客户3家,电话沟通5家,新增意向客户1家(小米)。", sunday) is None
    assert dated("县委马书记12月18号上午到园区视察", datetime(2026, 12, 14, 8, tzinfo=TZ)) == []
    # a meeting held on Friday, written up on Sunday: that Friday's, and no task for the next one
    note = "周五跟比亚迪开的会:钱经理(采购)、李总(副总裁,拍板的人)。下周一发会议纪要"
    assert visit(note, sunday) == ("visit", "2026-12-18")
    assert dated(note, sunday) == [("2026-12-21", "发会议纪要")]
    # guards: a plain visit, and our own inspection of their site is a task
    assert visit("今天见了百度吴总", sunday) == ("visit", "2026-12-20")
    assert [d for d, _ in dated("周二去园区拜访王总", sunday)] == ["2026-12-22"]


def test_a_call_held_with_a_known_firm_ends_its_name() -> None:
    now = datetime(2026, 11, 30, 15, tzinfo=TZ)
    note = parse_note(
        "跟伊利开视频会,张经理、品控部宋经理都在,宋经理要求12月5日前提供检测报告", now
    )
    assert note.company == "伊利"
    assert parse_note("大后天上午10点跟京东刘志强视频", now).company == "京东"
