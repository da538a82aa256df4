"""Round eighteen: what notes written after round seventeen taught the reader (each case
failed on the parser as the session began)."""

from __future__ import annotations

from datetime import datetime

import pytest

from parsing.notes import parse_note

NOW = datetime.fromisoformat("2027-05-19T19:30:00+08:00")


@pytest.mark.parametrize(
    ("text", "company"),
    [
        (
            "朱会计（安琪酵母）：上个月的发票还没收到\n我：不好意思朱会计，今天就补开寄出",
            "安琪酵母",
        ),
        ("贺总（东鹏饮料）：五一我们不放假\n我：那我们4号过去巡检可以吗", "东鹏饮料"),
        ("Ms. Oh (LG Display) asked for our catalogue.", "LG Display"),
        (
            "[09:41] Rachel Ng (Shell): site visit confirmed Thu 10am\n[09:43] Me: noted\n"
            "Rachel HP 9456 1230",
            "Shell",
        ),
        ("Tonight dinner with Mr. Seah (CapitaLand VP) at Jumbo.", "CapitaLand"),
    ],
)
def test_whose_a_person_is_said_in_brackets_after_them(text: str, company: str) -> None:
    assert parse_note(text, NOW).company == company


@pytest.mark.parametrize(
    "text",
    [
        "叶工（技术把关）说参数没问题",
        "小莫（采购）说下周下单",
        "Ms Fang (Senior Engineer) said the spec is fine.",
        "Mr Tan (Tan Ah Kow) called about the quote.",
        "寄了样品给王工 (Hangzhou)",
    ],
)
def test_a_role_a_name_or_a_city_in_brackets_is_no_customer(text: str) -> None:
    assert parse_note(text, NOW).company is None


def test_voice_inputs_zong_after_a_surname_is_zong_the_boss() -> None:
    note = parse_note("刚刚跟蓝月亮的那个严宗吃完饭嗯他说今年的瓶子要换供应商了", NOW)
    assert [c.salutation for c in note.contacts] == ["严总"]
    assert note.company == "蓝月亮"


@pytest.mark.parametrize("text", ["王宗明说下周来看样品", "这家的宗旨是客户第一", "他信宗教"])
def test_zong_in_a_name_or_a_word_stays(text: str) -> None:
    assert all(c.salutation != "王总" for c in parse_note(text, NOW).contacts)
    assert "总" not in "".join(c.salutation or "" for c in parse_note(text, NOW).contacts)


def test_a_company_ending_in_zhongke_is_a_company() -> None:
    assert parse_note("电话里中联重科的苗经理说下个月月初才有空", NOW).company == "中联重科"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "下周四上午九点半去恒安集团晋江总部跟谢总汇报方案，提前一天把PPT发给他助理小纪。",
            ("2027-05-26", "把PPT发给他助理小纪"),
        ),
        ("下个月3号秦经理生日，记得提前一天订花。", ("2027-06-02", "订花")),
        ("下下周二去重庆长安汽车谈年降，提前两天订机票", ("2027-05-30", "订机票")),
    ],
)
def test_a_task_some_days_before_a_day_said_before_it(text: str, expected: tuple[str, str]) -> None:
    said = [(f.due.isoformat()[:10], f.action) for f in parse_note(text, NOW).follow_ups]
    assert expected in said


def test_their_rule_to_book_days_ahead_is_no_task_of_the_reps() -> None:
    note = parse_note("12月6号送货到现场，蒯主管说送货要提前三天在他们系统里预约", NOW)
    assert all("预约" not in f.action for f in note.follow_ups)


def test_a_telegraphic_meeting_at_the_customer_is_the_reps() -> None:
    now = datetime.fromisoformat("2027-12-08T09:00:00+08:00")
    note = parse_note("下週二早上十點半 廣達林口廠 會議 邱經理 分機5108", now)
    assert [(f.due.isoformat()[:16], f.action) for f in note.follow_ups] == [
        ("2027-12-14T10:30", "广达林口厂 会议")
    ]


def test_free_then_and_asking_the_rep_over_is_the_reps_visit() -> None:
    now = datetime.fromisoformat("2028-01-20T16:00:00+08:00")
    note = parse_note("中国移动的曾总监说他下礼拜一下午两点有空让我过去一趟", now)
    assert [(f.due.isoformat()[:16], f.action) for f in note.follow_ups] == [
        ("2028-01-24T14:00", "过去一趟")
    ]


@pytest.mark.parametrize(
    ("text", "salutation"), [("中天钢铁的巴董初二去三亚", "巴董"), ("黎董说下周见", "黎董")]
)
def test_a_chairman_said_as_x_dong_is_called_so(text: str, salutation: str) -> None:
    (person,) = parse_note(text, NOW).contacts
    assert (person.salutation, person.title, person.is_key_leader) == (salutation, "董事长", True)


def test_a_port_authority_keeps_its_whole_name() -> None:
    assert parse_note("厦门港务的黎董说下周见", NOW).company == "厦门港务"


@pytest.mark.parametrize(
    "text",
    [
        "江苏交控清明放三天（3号到5号），我2号之前把投标保证金交到他们财务",
        "重药控股湖北仓后天加班盘点，不收货。",
        "湖州市交通局下周一局里开党组会，我下周二下午三点去给蒋局汇报。",
        "合同已经寄给华测检测的法务韦律师了，他们说下周一给意见。",
    ],
)
def test_their_holiday_stocktake_party_meeting_or_answer_is_no_task(text: str) -> None:
    actions = [f.action for f in parse_note(text, NOW).follow_ups]
    assert not any(w in a for a in actions for w in ("放三天", "盘点", "党组会", "意见"))


@pytest.mark.parametrize(
    ("text", "place", "purpose"),
    [
        ("江苏省人民医院的谭副院长17号到28号在北京进修学习", "北京", "进修学习"),
        ("邓行长下周一到周四在上海总行开年度工作会", "上海总行", "开年度工作会"),
        ("单主任6月5号到7号去深圳招商。", "深圳", "招商"),
    ],
)
def test_a_leaders_trip_for_study_a_sitting_or_investment(
    text: str, place: str, purpose: str
) -> None:
    (trip,) = parse_note(text, NOW).itineraries
    assert (trip.place, trip.purpose) == (place, purpose)


@pytest.mark.parametrize(
    "text",
    [
        "云天化的卢总五一前后去西双版纳休假，4月29号走，5月6号回昆明。",
        "齐鲁制药的采购总监蒙总腊月二十五回临沂老家过年，正月初十回济南上班。",
    ],
)
def test_when_someone_of_theirs_leaves_or_is_back_is_no_task(text: str) -> None:
    now = datetime.fromisoformat("2027-01-10T15:00:00+08:00")
    assert parse_note(text, now).follow_ups == []


def test_a_day_said_inside_a_deadline_is_the_one_day() -> None:
    now = datetime.fromisoformat("2028-01-10T15:00:00+08:00")
    note = parse_note("郭总腊月二十六回平遥老家。年前我腊月二十三去给他拜个早年。", now)
    assert [(f.due.isoformat(), f.action) for f in note.follow_ups] == [
        ("2028-01-19", "去给他拜个早年")
    ]


@pytest.mark.parametrize("text", ["中建八局陈经理通话 周一回电", "中石化华经理 月底回款"])
def test_calling_back_or_collecting_is_still_the_reps(text: str) -> None:
    assert len(parse_note(text, NOW).follow_ups) == 1


def _roles(text: str) -> list[tuple[str | None, str | None]]:
    return [(c.surname, c.decision_role) for c in parse_note(text, NOW).contacts]


def test_roles_said_in_more_ways() -> None:
    assert _roles("光寶科技：最後拍板是事業群的鄒副總；研發許經理意見很重要；採購小簡負責下單") == [
        ("邹", "decision_maker"),
        ("许", "influencer"),
        ("简", "purchaser"),
    ]
    assert ("裴", "decision_maker") in _roles(
        "光明乳业：厂长裴东拍板；实际操作灭菌设备的是质检班的小范"
    )
    assert ("蔡", "decision_maker") in _roles("盒马冷链：供应链VP蔡总定；运营经理祝丹是用的人")
    english = _roles(
        "At Schaeffler Taicang: Mr. Huber (plant director) signs off; Ms. Xiang, quality "
        "manager, has a big say on the specs."
    )
    assert english == [("Huber", "decision_maker"), ("Xiang", "influencer")]
    assert ("鲁", "purchaser") in _roles("交完跟采购的鲁小姐确认一下收到没有")


def test_the_second_day_of_a_pair_is_in_the_first_days_week() -> None:
    from parsing.dates import find_all_when

    now = datetime.fromisoformat("2028-08-30T17:45:00+08:00")  # a Wednesday
    days = [w.day.isoformat() for w in find_all_when("下个礼拜三同礼拜四去珠海", now)]
    assert days == ["2028-09-06", "2028-09-07"]
    days = [w.day.isoformat() for w in find_all_when("下周二和周四各跑一趟", now)]
    assert days == ["2028-09-05", "2028-09-07"]


def test_two_days_running_joined_by_and_are_one_trip() -> None:
    now = datetime.fromisoformat("2028-08-30T17:45:00+08:00")
    note = parse_note("王总下周三、周四去珠海开会", now)
    assert [(i.place, i.start.isoformat(), i.end.isoformat()) for i in note.itineraries] == [
        ("珠海", "2028-09-06", "2028-09-07")
    ]
    assert note.follow_ups == []


def test_a_festival_joined_to_another_is_no_task() -> None:
    now = datetime.fromisoformat("2028-09-20T18:45:00+08:00")
    note = parse_note("今年中秋跟国庆连在一起。下周五下午我把月饼给雷局送过去。", now)
    assert [f.action for f in note.follow_ups] == ["把月饼给雷局送过去"]


def test_two_weekdays_said_as_one_word_are_a_range() -> None:
    from parsing.dates import find_all_when

    now = datetime.fromisoformat("2028-02-21T09:15:00+08:00")  # a Monday
    (w,) = find_all_when("这个礼拜四五在上海", now)
    assert (w.day.isoformat(), w.end.isoformat() if w.end else None) == ("2028-02-24", "2028-02-25")
    (w,) = find_all_when("下周一五点给王总打电话", now)
    assert w.start.isoformat() == "2028-02-28T17:00:00+08:00"


def test_what_was_gone_over_is_the_headline() -> None:
    note = parse_note(
        "和冀东水泥的储经理视频会，过了一下水泥窑脱硝的改造方案，他说技术上没问题", NOW
    )
    assert note.interaction is not None
    assert note.interaction.summary == "水泥窑脱硝的改造方案"


def test_voice_fillers_inside_a_task_are_left_out_of_the_reminder() -> None:
    note = parse_note("嗯明天上午把那个报价发给他", NOW)
    assert [f.action for f in note.follow_ups] == ["把报价发给他"]
    note = parse_note("这个月底前把这个月的对账单发过去", NOW)
    assert [f.action for f in note.follow_ups] == ["把这个月的对账单发过去"]


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("节前最后一天去了顾家家居，跟品质部的应经理过了一遍来料不良", "顾家家居"),
        ("昨天下午到了宁夏宝丰，跟郭总见了面，阀门包我们拿下了", "宁夏宝丰"),
    ],
)
def test_the_place_gone_to_before_meeting_someone_is_the_customer(text: str, company: str) -> None:
    assert parse_note(text, NOW).company == company


@pytest.mark.parametrize("text", ["去了车间，跟李工看了设备", "去了一下财务，见了王会计"])
def test_a_workplace_gone_to_is_no_customer(text: str) -> None:
    assert parse_note(text, NOW).company is None


def test_a_name_with_yi_in_it_and_a_lawyer_are_read() -> None:
    note = parse_note("两个工作日内把整改回复函盖章发给中国一拖质量部的晁工。", NOW)
    assert note.company == "中国一拖"
    note = parse_note("周二合同已经寄给华测检测的法务韦律师了", NOW)
    assert [(c.salutation, c.title) for c in note.contacts] == [("韦律师", "律师")]


@pytest.mark.parametrize(
    "text",
    [
        "品质工程师 许国平 —— 卡样品，下周三给结论",
        "高厂长说元宵节后3月5号开生产会定空调供应商，我们跟松芝竞争。",
    ],
)
def test_their_verdict_and_their_choosing_of_a_supplier_are_no_task(text: str) -> None:
    now = datetime.fromisoformat("2027-02-27T19:10:00+08:00")
    assert parse_note(text, now).follow_ups == []


def test_a_slashed_range_before_going_somewhere_is_a_trip() -> None:
    now = datetime.fromisoformat("2026-10-24T14:15:00+08:00")
    note = parse_note("大立光的蘇協理 11/2-11/6 到日本出差看設備，回來再約。", now)
    assert [(i.place, i.start.isoformat(), i.end.isoformat()) for i in note.itineraries] == [
        ("日本", "2026-11-02", "2026-11-06")
    ]
    assert parse_note("这批货打1/2到手", now).follow_ups == []


def test_tomorrow_and_the_day_after_said_as_two_days() -> None:
    now = datetime.fromisoformat("2027-11-24T17:50:00+08:00")
    note = parse_note("北京低碳院的段院长明后两天在天津开碳捕集的研讨会，下周一上午我再约他。", now)
    assert [(i.place, i.start.isoformat(), i.end.isoformat()) for i in note.itineraries] == [
        ("天津", "2027-11-25", "2027-11-26")
    ]


def test_going_home_for_the_new_year_is_a_trip_though_home_is_also_where_he_is_from() -> None:
    now = datetime.fromisoformat("2027-01-27T19:30:00+08:00")
    note = parse_note("齐鲁制药的采购总监蒙总腊月二十五回临沂老家过年，正月初十回济南上班。", now)
    assert [(i.who, i.place, i.start.isoformat(), i.end.isoformat()) for i in note.itineraries] == [
        ("蒙总", "临沂", "2027-02-01", "2027-02-15")
    ]
    assert note.follow_ups == []
