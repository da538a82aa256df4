"""Round forty-eight: what notes written on 2026-12-08 (styles44), the round's blind review and
its diff review taught the reader. Each case failed on the parser as the session began
(d234843) unless its comment says it guards."""

from __future__ import annotations

from tests.parsing._reading import read, salutations, tasks


def _days(text: str, now: str) -> list[str]:
    return [due for due, _ in tasks(text, now)]


def test_a_meeting_still_to_be_set_next_week_has_no_day() -> None:
    assert (
        _days("打电话想约端州电子的梁总周四见面，他说周四不行，让我下周再约", "2026-12-02T10:00")
        == []
    )
    note = "陈静 采购经理 立讯精密 ——下周约她，周二前发样品规格书"
    assert _days(note, "2026-03-20T09:15") == ["2026-03-24"]
    # guards: trying for it, or in two days, keeps its day
    assert _days("下个礼拜争取约易总现场看一次样板线", "2028-08-03T07:30") == ["2028-08-07"]
    assert _days("过两天约张总出来坐坐，聊聊续约", "2025-03-12T10:00") == ["2025-03-14"]


def test_a_leaders_legs_past_a_comma_stay_in_the_week_named() -> None:
    got = read("周总下周一去成都，周三去昆明，周五回上海。", "2026-12-02T10:00")
    assert [(i.place, i.start.isoformat()) for i in got.itineraries] == [
        ("成都", "2026-12-07"),
        ("昆明", "2026-12-09"),
    ]


def test_someone_in_the_purchasing_centre_buys_for_the_firm() -> None:
    got = read("下周二约了格力电器采购中心的包部长看样", "2026-09-01T10:00")
    assert got.company == "格力电器"
    assert [(c.salutation, c.decision_role) for c in got.contacts] == [("包部长", "purchaser")]
    # guards: a public buyer is the centre itself
    assert read("周三去浦东新区采购中心交标书", "2026-09-01T10:00").company == "浦东新区采购中心"
    note = "提交 tender docs to 南京市政府采购中心, contact 钱科长"
    assert read(note, "2026-03-01T10:00").company == "南京市政府采购中心"


def test_a_correction_said_with_ai_is_a_correction() -> None:
    note = "一月 十五号 哎不对 一月 十六号 去 泸州老窖 拜访 何总"
    assert _days(note, "2026-01-05T10:00") == ["2026-01-16"]


def test_the_reps_own_boss_lawyer_partner_and_apprentice_are_no_contacts() -> None:
    now = "2026-07-20T10:00"
    note = "今天陪我们老总龚总去了紫金矿业，见了他们的副总裁邱总和采购总监甘总"
    assert salutations(note, now) == ["邱总", "甘总"]
    assert salutations("和中远海运的法务孔律师过了一遍合同条款，我们法务曹律师也在", now) == [
        "孔律师"
    ]
    note = "我们的渠道合作伙伴神州数码的邢经理陪我拜访了中国人寿信息技术部的裘处长"
    assert salutations(note, now) == ["裘处长"]
    note = "小马（我徒弟）今天自己去了趟中化泉州，见了储运部的戚经理"
    assert salutations(note, now) == ["戚经理"]
    # guards: the customer's apprentice, and a partner that is the buyer, stay theirs
    assert "小王" in salutations("张工带着小王（徒弟）一起调试", now)
    assert salutations("拜访了战略合作伙伴海尔的刘总", now) == ["刘总"]


def test_to_learn_of_someone_names_no_one_called_jie() -> None:
    now = "2026-07-20T10:00"
    assert salutations("以后可以通过他了解秦总行程", now) == ["秦总"]
    # guard: met 解总 after 拜访了
    assert salutations("今天拜访了解总，聊了聊", now) == ["解总"]


def test_someone_of_theirs_coming_or_setting_off_is_no_task() -> None:
    now = "2026-07-20T10:00"
    assert _days("青山控股何总下周去印尼雅加达看项目，周二出发，下下周一回国", now) == []
    note = "卞总的秘书说：9号10号去湛江港区、11号去汕头港区慰问"
    assert _days(note, "2026-02-02T15:50") == []
    # guards: a trip agreed with them, a trip to the hour, and the rep's part after it
    assert _days("跟王总约好了，下周四去上海总部", now) == ["2026-07-30"]
    assert _days("杨局下周二来南京，到时候去拜访一下", now) == ["2026-07-28"]
    assert _days("王总明天到上海，我去机场接他", now) == ["2026-07-21"]


def test_the_buyers_own_review_or_bid_day_is_no_task() -> None:
    now = "2026-09-07T10:00"
    note = "三峡集团的边工今天电话告诉我，开标时间从9月15号延期到9月22号。"
    assert _days(note, now) == []
    note = (
        "2026年7月3日 星期五\n段处（国投新疆）：下周三开评审会，你们周二前把资料补齐\n我：收到段处"
    )
    assert _days(note, "2026-07-03T18:00") == ["2026-07-07"]
    # guards: the rep's part in it, said after, keeps the day
    note = "开标时间从9月15号延期到9月22号。那天要带原件去现场"
    assert _days(note, now) == ["2026-09-22"]
    assert _days("客户周四周五组织专家评审，带样机过去演示", now) == ["2026-09-11"]


def test_a_plan_changed_is_no_contact_had() -> None:
    now = "2026-08-12T10:00"
    assert read("取消：周四拜访四川路桥。改为电话沟通，时间待定", now).interaction is None
    assert read("金风科技见面时间改了：不是周一了，改成周二上午十点", now).interaction is None
    note = "华为海思跟进节奏：每两周给采购的鲁经理打一次电话"
    assert read(note, now).interaction is None
    # guards: a change said of a contact that took place keeps it
    assert read("跟王总见面谈下来付款改为三个月账期", now).interaction is not None
    assert read("本来今天见了李总后要去他们工厂，工厂先不去了", now).interaction is not None


def test_a_name_is_not_where_the_rep_met_or_how() -> None:
    assert read("今天早上在鞍钢门口碰到谭副总的司机老阚", "2026-03-09T09:05").company == "鞍钢"
    note = "微信上海尔智家采购平台的温经理说，他们年前最后一批订单1月底截止"
    assert read(note, "2027-01-25T10:10").company == "海尔智家采购平台"
