"""Round nine of the note reader, the people (2026-12-02): sentence in, facts out — names said
in two scripts, English titles before Chinese names, titles of more than one word, and nobody
made up from an English word."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from parsing.notes import ContactFact, parse_note

SH = ZoneInfo("Asia/Shanghai")
NOW = datetime(2026, 12, 2, 10, 0, tzinfo=SH)  # a Wednesday


def people(text: str) -> list[ContactFact]:
    return parse_note(text, NOW).contacts


def who(text: str) -> list[tuple[str | None, str | None, str | None, str | None]]:
    """(surname, name, salutation, title) of each contact."""
    return [(c.surname, c.name, c.salutation, c.title) for c in people(text)]


# --- an English given name with a Chinese surname ------------------------------------------


def test_an_english_given_name_then_a_chinese_surname_is_one_person_called_by_the_given_name() -> (
    None
):
    assert who("Call 了 美的集团 的 procurement manager Jason 何, 他要 updated price list.") == [
        ("何", None, "Jason", "procurement manager")
    ]
    assert who("Remind me: next Monday 10am call 中海油 的 Peter 赵 re lighting.") == [
        ("赵", None, "Peter", None)
    ]
    assert who("TODO: 明天 send revised proposal to 中国平安 IT 部 Kevin 梁; 周五 follow up.") == [
        ("梁", None, "Kevin", None)
    ]


def test_a_purchasing_word_before_the_given_name_keeps_the_chinese_surname() -> None:
    c = people("跟 ST Engineering 的 采购 Ken 黄 开了会, 他们今年要换 300 台 UPS.")
    assert [(x.surname, x.salutation, x.decision_role) for x in c] == [("黄", "Ken", "purchaser")]


def test_a_given_name_before_a_chinese_full_title_is_still_read_from_the_title() -> None:
    # Jason 黄经理: the Chinese title's mention names him (no surname said alone)
    assert [(c.surname, c.title) for c in people("今天见了 Jason 黄经理, 他说下周定")] == [
        ("黄", "经理")
    ]


def test_department_initials_stay_in_the_title_and_the_salutation_reads_past_them() -> None:
    assert who("参会的有IE经理孙磊（影响者）") == [("孙", "孙磊", "孙经理", "IE经理")]
    assert who("Site visit 完 中石化镇海炼化, HSE 经理 Tony 陆 说 gas detector 要 demo.") == [
        ("陆", None, "Tony", "HSE 经理")
    ]


# --- an English title, then a Chinese full name ------------------------------------------


def test_an_english_title_before_a_chinese_full_name_makes_the_contact_and_takes_the_phone() -> (
    None
):
    c = people(
        "明天下午3点去胜科工业见procurement head 黄伟杰, 带上 proposal. 他手机 +65 9128 3345"
    )
    assert [(x.surname, x.name, x.title, x.salutation, x.phones) for x in c] == [
        ("黄", "黄伟杰", "procurement head", None, ["+6591283345"])
    ]
    assert who(
        "Lunch with 比亚迪 的 supply chain director 曾志刚, 对我们的 BMS 芯片 interested."
    ) == [("曾", "曾志刚", None, "supply chain director")]
    assert who("跟 Keppel 的 project manager 谢志豪 开完 meeting.") == [
        ("谢", "谢志豪", None, "project manager")
    ]


def test_english_words_and_product_names_make_nobody() -> None:
    assert people("下星期二早上去樟宜机场 Terminal 2 看 escalator, 带 POC 的 deck crane 资料") == []
    assert people("BMS 芯片 和 HSE 培训 下周安排, Grace period 30天") == []
    assert people("project manager 说了 Q4 再看, buyer 还没定") == []


# --- titles of more than one word --------------------------------------------------------


def test_an_assistant_or_a_secretary_keeps_whose_they_are_and_is_not_addressed_as_the_chief() -> (
    None
):
    c = people("约了苏州工业园区经发局的吴晓峰局长助理，下周三上午十点去汇报方案。")
    assert [(x.name, x.title, x.salutation, x.is_key_leader) for x in c] == [
        ("吴晓峰", "局长助理", None, False)
    ]
    assert who("元旦前给浙江传化集团的董事长秘书柴颖送台历") == [("柴", "柴颖", None, "董事长秘书")]
    # 汪总秘书小孙: two people, the secretary called 小孙
    assert who("汪总秘书小孙 电话13912345678") == [
        ("汪", None, "汪总", "总"),
        ("孙", None, "小孙", "秘书"),
    ]


def test_the_commercial_manager_and_the_purchasing_lead_keep_their_whole_title() -> None:
    assert who("今天去工地找了中建八局三公司的商务经理尤建，进度款年底付。") == [
        ("尤", "尤建", "尤经理", "商务经理")
    ]
    c = people("今天电话里山东重工的采购负责人闫明说他们下个月中旬开供应商大会。")
    assert [(x.name, x.title, x.salutation, x.decision_role) for x in c] == [
        ("闫明", "采购负责人", None, "purchaser")
    ]
    # 技术负责人 said of someone is no new person
    assert who("网络科的孔工是技术负责人") == [("孔", None, "孔工", "工程师")]


# --- full names with no title, and voice input ---------------------------------------------


def test_a_verb_said_right_after_a_name_ends_it() -> None:
    assert who("上午电话里跟华能澜沧江水电的副总经理段志华汇报了进度，他很满意") == [
        ("段", "段志华", "段总", "副总经理")
    ]


def test_a_department_then_a_full_name_is_the_contact() -> None:
    c = people("跟 Top Glove 的采购部刘淑仪通电话, 她说合同年前签. 她的电话 03-3362 3098")
    assert [(x.name, x.phones) for x in c] == [("刘淑仪", ["+60333623098"])]
    assert who("刚才在合肥科大讯飞见了行政采购的章丽萍，会议室的设备要二十套。") == [
        ("章", "章丽萍", None, None)
    ]
    # what follows a department is mostly no name
    assert people("销售部的同事说下周再谈") == []
    assert people("财务部的付款时间是月底") == []


def test_voice_input_run_together_keeps_two_people_apart() -> None:
    c = people(
        "那个 今天 见了 机电 处 的 祁 处长 还有 那个 设备 科 的 小 鲍 祁处长 说 那个 变频器 的 事 "
        "他 说了算 然后 小鲍 负责 采购 流程"
    )
    assert [(x.surname, x.name, x.salutation, x.decision_role) for x in c] == [
        ("祁", None, "祁处长", "decision_maker"),
        ("鲍", None, "小鲍", "purchaser"),
    ]


def test_a_name_said_after_jiao_with_its_surname_spelt_out_first() -> None:
    c = people(
        "记一下啊 今天去长安汽车 新认识的 那个 采购 经理 叫 付 付晓燕 电话 是 幺三八 九六 零二 "
        "七七 幺 四 然后 她说 项目 下个月 才 启动"
    )
    assert [(x.name, x.salutation, x.title, x.phones) for x in c] == [
        ("付晓燕", "付经理", "采购经理", ["13896027714"])
    ]


def test_a_bare_title_that_decides_is_the_one_named_with_that_title_next() -> None:
    c = people(
        "信息科的科长叫邓文静 她说方案要改 她们主任说了算 主任姓罗 下礼拜二前把方案发给邓科长"
    )
    roles = {x.surname: x.decision_role for x in c}
    assert roles == {"邓": None, "罗": "decision_maker"}


def test_voice_input_corrected_at_once_keeps_only_the_corrected_person() -> None:
    c = people(
        "嗯 提醒 我 后天 上午 十 点 去 那个 中车 株洲 所 找 那个 肖 总 不对 是 萧 总 草头 萧"
    )
    assert [x.salutation for x in c] == ["萧总"]
    c = people("今天拜访了大连船舶重工的采购中心戚主任 不对 是齐主任 他说招标三月底截止")
    assert [x.salutation for x in c] == ["齐主任"]
    # 不是 alone is no correction
    assert [x.salutation for x in people("王总不是李总的老板")] == ["王总", "李总"]


def test_rarer_surnames_with_a_title() -> None:
    assert [x.salutation for x in people("3个工作日内把会谈纪要发给杭州城投的郦总确认。")] == [
        "郦总"
    ]
    c = people("长春一汽富维 采购 修经理 15:12\n明年的定点通知1月6号发\n我 15:15\n好的修经理")
    assert [x.salutation for x in c] == ["修经理"]
    # 修 only alone before the title: 维修经理 is nobody
    assert people("找维修经理谈谈，维修部主任说了") == []


def test_not_there_after_a_full_name_ends_it() -> None:
    c = people("今天去济宁山推股份，采购中心主任左云峰不在，见了副主任霍敏。")
    assert [(x.name, x.salutation) for x in c] == [("左云峰", "左主任"), ("霍敏", "霍主任")]


def test_an_english_title_before_someone_called_mr_or_ms_is_their_title() -> None:
    c = people("Quick note: 电话里 上海华虹宏力 的 facility manager 邵先生 asked for 2 quotes.")
    assert [(x.surname, x.salutation, x.title) for x in c] == [("邵", "邵先生", "facility manager")]


def test_words_after_a_title_or_a_department_are_no_names() -> None:
    assert [x.salutation for x in people("王经理说采购经理马上回复我们")] == ["王经理"]
    assert people("采购部的任何人都可以签") == []
    # the rep's own project manager is no contact
    assert people("我们的 project manager 王明会一起去") == []
    assert people("our buyer 李明 will call them") == []


def test_only_a_departments_initials_join_the_title_and_no_verb_or_adjective_does() -> None:
    assert who("见了 ABB 经理王明") == [("王", "王明", "王经理", "经理")]
    c = people("Visited new sales director Amy at 宝洁")
    assert [(x.name, x.title) for x in c] == [("Amy", "sales director")]


# --- the review of round nine: misfires found by trying the rules --------------------------


def test_a_word_after_a_department_is_no_name() -> None:
    for text in (
        "财务部付款期是60天",
        "技术部石墨烯在测",
        "技术部金刚石也要测",
        "采购部黄铜件都要换",
        "设备部钟点工在装",
        "工程部管道工在装",
        "工程部项目上在推",
        "采购部高兴地说成交",
    ):
        assert people(text) == [], text


def test_purchasing_said_alone_before_a_name_is_what_she_does_and_her_phone_stays_hers() -> None:
    c = people("plant manager 周建华 13812345678 采购 李娜 13912345678")
    assert [(x.name, x.title, x.phones, x.decision_role) for x in c] == [
        ("周建华", "plant manager", ["13812345678"], None),
        ("李娜", None, ["13912345678"], "purchaser"),
    ]


def test_the_reps_colleague_said_with_spaces_after_women_makes_no_contact() -> None:
    assert people("我们 sales manager 张伟 手机 13912345678") == []
    c = people("我们 project manager 王明 会一起去 见 客户 采购 李强")
    assert [(x.name, x.decision_role) for x in c] == [("李强", "purchaser")]
    c = people("跟我们 team 的 account manager 陈杰 一起 拜访 华为 采购经理 王强")
    assert "陈杰" not in [x.name for x in c]
    c = people("我们 Kevin 梁 13912345678 负责 对接 王总")
    assert [(x.salutation, x.phones) for x in c] == [("王总", [])]
    assert [x.salutation for x in people("我们 的 Jason 何 陪我去 拜访 王总")] == ["王总"]


def test_a_weekday_a_preposition_or_an_adverb_after_an_english_name_is_no_surname() -> None:
    for text in (
        "Amy 周3 过来 验厂",
        "Tony 周5 回复报价",
        "Peter 周 一 来访",
        "Kevin 于 Monday 回复",
        "跟 Tony 向 Jason 汇报 进度",
        "Peter 曾 在 华为 工作",
        "Jason 高 priority 跟进",
        "Tony 左 右 为难",
    ):
        assert [c.surname for c in people(text)] == [], text


def test_an_english_title_is_only_the_titles_own_words() -> None:
    assert who("send quotation to buyer 李慧玲") == [("李", "李慧玲", None, "buyer")]
    assert who("PO from buyer 李娜") == [("李", "李娜", None, "buyer")]
    assert who("cc sales manager 张伟") == [("张", "张伟", None, "sales manager")]
    assert who("his boss GM 赵建国") == [("赵", "赵建国", None, "GM")]
    n = parse_note("见了 buyer 李慧玲 13912345678", NOW)
    assert n.company is None
    assert [(c.name, c.phones) for c in n.contacts] == [("李慧玲", ["13912345678"])]
    n = parse_note("manager 高兴 地 说 没问题", NOW)
    assert (n.contacts, n.company) == ([], None)


def test_an_adverb_then_a_verb_after_a_two_character_name_ends_it() -> None:
    assert [c.name for c in people("主任王明确表示同意")] == ["王明"]
    assert [c.name for c in people("采购经理赵刚刚回复了邮件")] == ["赵刚"]
    assert [c.name for c in people("采购经理刘强不认为有问题")] == ["刘强"]
    assert [c.name for c in people("采购经理王伟先介绍了需求")] == ["王伟"]
    assert [c.name for c in people("采购经理陈涛仍希望降价")] == ["陈涛"]
    assert [c.name for c in people("采购经理李军没签字")] == ["李军"]


def test_an_assistant_keeps_her_own_phone_and_the_chief_gets_none() -> None:
    for text, form, chief in (
        ("小李张总的助理 手机13912345678 有事找她", "小李", "张总"),
        ("小陈王总的秘书 13912345678", "小陈", "王总"),
        ("老周李总的司机 13912345678", "老周", "李总"),
    ):
        phones = {x.salutation: x.phones for x in people(text)}
        assert phones == {form: ["13912345678"], chief: []}, text
    eric = next(
        x
        for x in people("跟 Eric 张 的 秘书 联系, 秘书 电话 13912345678")
        if x.salutation == "Eric"
    )
    assert (eric.title, eric.phones) == (None, [])


def test_only_the_reps_own_correction_drops_a_person_and_it_is_no_company() -> None:
    assert [c.salutation for c in people("王总说错了，是李总说的")] == ["王总", "李总"]
    for text in (
        "肖总 不对 是萧总",
        "王总 不对 是李总",
        "找王总 不对 是李总",
        "张总不是 是李总拍板",
    ):
        n = parse_note(text, NOW)
        assert len(n.contacts) == 1 and n.company is None, text


def test_sent_for_repair_is_no_manager_named_xiu() -> None:
    assert people("送修经理签字") == []
