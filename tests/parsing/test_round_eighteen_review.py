"""What a reviewer who had not written round eighteen's rules found them getting wrong (each
case was right, or less wrong, on the parser before the round), kept right."""

from __future__ import annotations

from datetime import datetime

import pytest

from parsing.notes import parse_note

NOW = datetime.fromisoformat("2027-05-19T19:30:00+08:00")  # a Wednesday


def _tasks(text: str) -> list[tuple[str, str]]:
    return [(f.due.isoformat()[:10], f.action) for f in parse_note(text, NOW).follow_ups]


@pytest.mark.parametrize(
    "text",
    [
        "王经理（南京）：下周二下午来我们公司看样机",
        "林主任（湖北）下周二来参观",
        "张总（老乡）人很好，明天约他吃饭",
        "刘姐（财务）说月底前付款",
        "周经理（已离职）以前是对接人，明天给吴经理打电话",
        "马总（朋友介绍）说下周三有空",
        "许总（出差中）下周一回来再约",
        "郑工（现场）说设备明天调试",
        "Jason (WeChat): 明天把报价单发过来",
        "Kevin (WhatsApp): can send quote tomorrow?",
        "上次展会认识的那个李总今天打电话来",
        "老刘介绍的那个张总，明天下午去拜访",
        "朋友圈里的那个周总问了价格，明天回复他",
        "他们是做港务的，明天再联系",
        "去港务大厦见了张总，下周二回访",
    ],
)
def test_no_customer_is_made_of_a_place_a_status_a_channel_or_how_they_met(text: str) -> None:
    assert parse_note(text, NOW).company is None


def test_ancestors_are_no_boss_and_a_board_secretary_no_chairman() -> None:
    assert all(c.salutation != "祖总" for c in parse_note("清明节他回老家祭祖宗了", NOW).contacts)
    (person,) = parse_note("拜访了刘董秘，下周一把材料发给他", NOW).contacts
    assert person.salutation != "刘董"


@pytest.mark.parametrize(
    "text",
    [
        "下周二培训，上次提前一天才通知，这次注意",
        "合同下周四签，张总提前两天走了，改由刘经理签",
        "下周一送货，仓库一般提前一天安排卸货",
        "王总说下周二来，他会提前一天打电话",
        "李经理下周三来验货，她提前一天通知我们",
    ],
)
def test_someone_elses_day_before_is_no_task_of_the_reps(text: str) -> None:
    assert not any(a.startswith(("通知", "打电话", "安排卸货", "走")) for _, a in _tasks(text))


def test_the_day_before_counts_back_from_the_event_not_from_tomorrow() -> None:
    tasks = _tasks("下周五开会，明天先跟他约好，提前一天把材料发过去")
    assert ("2027-05-27", "把材料发过去") in tasks


@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("他们的图纸我看过了，周五前给意见", "2027-05-21"),
        ("技术协议初稿收到，我下周一给意见", "2027-05-24"),
        ("下周一给意见稿，周三前定稿", "2027-05-24"),
        ("下周二下午股东会，我去列席汇报项目", "2027-05-25"),
        ("王总的询价，明天回邮件", "2027-05-20"),
        ("李经理问交期，明天回消息", "2027-05-20"),
        ("合同张总已经签了，明天回签", "2027-05-20"),
        ("王总要的样品，周五前回样", "2027-05-21"),
        ("李局要的函，下周一回函", "2027-05-24"),
        ("张总约了明天去看现场，早上八点出发", "2027-05-20"),
        ("下周一和周二给王总打电话", "2027-05-25"),
        ("这周四五去拜访张总", "2027-05-20"),
    ],
)
def test_the_reps_own_tasks_stay(text: str, due: str) -> None:
    assert due in [d for d, _ in _tasks(text)]


def test_the_second_of_two_days_is_no_trip_when_no_one_travels() -> None:
    assert "2027-05-27" in [d for d, _ in _tasks("下周三和周四我去珠海拜访客户")]


@pytest.mark.parametrize(
    ("text", "action"),
    [
        ("明天把这个发给他", "把这个发给他"),
        ("明天这个时候再给李总打电话", "这个时候再给李总打电话"),
        ("下周一把这个数报给刘总", "把这个数报给刘总"),
    ],
)
def test_this_pointing_at_something_stays_in_the_task(text: str, action: str) -> None:
    assert [a for _, a in _tasks(text)] == [action]


@pytest.mark.parametrize(
    "text",
    [
        "孙主任说他不是做决定的，要问院长",
        "赵经理说他们操作的工人不会用，下周二去培训",
        "陈工以前是操作的，现在升了车间主任",
        "李经理说他们请购流程很慢",
    ],
)
def test_a_role_denied_past_or_someone_elses_is_no_role(text: str) -> None:
    assert all(c.decision_role is None for c in parse_note(text, NOW).contacts)


def test_goods_going_out_is_still_a_day_to_remind() -> None:
    assert [d for d, _ in _tasks("刘总那批货下周一走")] == ["2027-05-24"]


# A second reviewer's finds, after the first review's fixes.


@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("他把合同草稿发过来了，下周一给意见", "2027-05-24"),
        ("他们把技术协议发过来了 周五前给意见", "2027-05-21"),
    ],
)
def test_the_reps_opinion_on_what_they_sent_is_the_reps(text: str, due: str) -> None:
    assert due in [d for d, _ in _tasks(text)]


@pytest.mark.parametrize(
    "text",
    [
        "下周二开会，张总秘书会提前一天把名单发过来",
        "下周二验收，客户会提前两天通知我们",
        "下周二出发，司机提前一天来接",
    ],
)
def test_someone_else_early_is_no_task(text: str) -> None:
    assert not any(a.startswith(("把名单", "通知", "来接")) for _, a in _tasks(text))


def test_a_deadline_is_no_event_to_count_back_from() -> None:
    tasks = _tasks("下周二拜访王总，合同月底前签，提前一天把样品寄过去")
    assert ("2027-05-24", "把样品寄过去") in tasks


def test_doing_port_work_is_no_port() -> None:
    assert parse_note("他们是搞港务的，明天再联系", NOW).company is None


@pytest.mark.parametrize(
    ("text", "action"),
    [
        ("明天问他这个要不要", "问他这个要不要"),
        ("明天这个点再打给他", "这个点再打给他"),
    ],
)
def test_this_and_that_pointing_at_something_stay(text: str, action: str) -> None:
    assert [a for _, a in _tasks(text)] == [action]
    assert "这个型号" in _tasks("明天确认是要这个型号还是那个型号")[0][1]
