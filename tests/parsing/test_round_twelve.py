"""Round twelve of the note reader (2026-12-03, a new session): sentence in, facts out."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from parsing.notes import ContactFact, parse_note
from parsing.values import read_phones

SH = ZoneInfo("Asia/Shanghai")
NOW = datetime(2026, 12, 3, 10, 0, tzinfo=SH)  # a Thursday


def people(text: str) -> list[tuple[str | None, str | None, str | None]]:
    contacts: list[ContactFact] = parse_note(text, NOW).contacts
    return [(c.name, c.title, c.salutation) for c in contacts]


def test_a_full_name_after_a_title_ends_where_an_adverb_and_a_verb_begin() -> None:
    # the name ran on into 刚 / 通: the person and the phone after them were lost
    assert people("天齐锂业的采购经理雷红梅刚来电话说要订两百吨包装桶") == [
        ("雷红梅", "采购经理", "雷经理")
    ]
    assert people("刚跟紫金矿业的采购部长曾志强通完电话") == [("曾志强", "采购部长", "曾部长")]
    # (a given name ending in 刚 stays whole: 李志刚来 is 志刚, not 李志 who just came)
    assert people("中建三局采购经理李志刚来我们展台") == [("李志刚", "采购经理", "李经理")]


def test_an_adverb_inside_a_name_is_still_read_as_before() -> None:
    assert people("主任王明确表示同意") == [("王明", "主任", "王主任")]
    assert people("采购经理赵刚刚回复了") == [("赵刚", "采购经理", "赵经理")]


def test_the_reps_colleague_said_without_a_de_is_no_contact() -> None:
    # 我们公司李经理 had been filed as a contact of 万科's
    assert people("今天和我们公司李经理一起拜访了万科的张总，聊了物业系统") == [
        (None, "总", "张总")
    ]
    assert people("带着我们技术老刘去华为见了王工") == [(None, "工程师", "王工")]


def test_in_a_customers_chat_line_we_are_the_customer() -> None:
    chat = (
        "苏州工业园区管委会 师局长\n"
        "[13:25] 师局长：材料1月4号之前给我们办公室的小夏\n"
        "[13:26] 我：好的"
    )
    assert "夏" in {c.surname for c in parse_note(chat, NOW).contacts}


def test_the_staff_a_rep_deals_with_are_read_by_their_titles() -> None:
    # 科员孙婷婷, 技术员金星 had been no one: their phones and WeChat went to nobody
    assert people("见了副处长钱江和科员孙婷婷") == [
        ("钱江", "副处长", "钱处长"),
        ("孙婷婷", "科员", None),
    ]
    assert people("技术员 金星 15888027716") == [("金星", "技术员", None)]
    assert people("见到了采购专员 蔡佩珊") == [("蔡佩珊", "采购专员", "蔡专员")]
    assert people("见了部长诸葛明和助理工程师陈平") == [
        ("诸葛明", "部长", "诸葛部长"),
        ("陈平", "助理工程师", "陈工"),
    ]


def test_in_charge_of_is_no_surname_and_lou_is_one_before_a_title() -> None:
    # 楼经理管合同 had been a 管经理 named 管合, and 楼经理 no one
    assert people("尉迟经理负责采购，楼经理管合同付款") == [
        (None, "经理", "尉迟经理"),
        (None, "经理", "楼经理"),
    ]
    # (办公楼 is still a building)
    assert people("去办公楼经理室找了王总") == [(None, "总", "王总")]


def test_a_full_name_told_after_someone_is_named_is_theirs() -> None:
    # 他叫陳建宏 had been left as words: 陈经理 had no name
    assert people("昨天和台積電十四廠 廠務處的陳經理吃飯，他叫陳建宏，手機 0935-112-487。") == [
        ("陈建宏", "经理", "陈经理")
    ]
    assert people("打了电话给方经理拜早年，他叫方正，他说节后再联系") == [
        ("方正", "经理", "方经理")
    ]


def test_a_family_members_name_and_a_filler_stay_out_of_it() -> None:
    assert people("武总的儿子叫武浩 今年考研") == [(None, "总", "武总")]
    # (where a dictated name ends at a filler is left unread rather than guessed)
    assert people("打了电话给方经理拜早年啊他叫方正嗯他说") == [(None, "经理", "方经理")]


def test_a_customers_words_that_open_by_calling_the_rep_name_no_contact() -> None:
    # 小王 / 小陈 / 小刘 (the rep, spoken to) had been filed as the customer's contacts
    quoted = "[微信] 中建三局一公司 物资部 陈东：\n“小王，明天上午我在武汉项目部，样品直接送工地吧”\n我回：好的陈经理"
    assert people(quoted) == [(None, "经理", "陈经理")]
    told = "温州医科大学附属第一医院 检验科 朱主任：小陈，我8号到11号在上海开会，你们展位在哪？"
    assert people(told) == [(None, "主任", "朱主任")]
    card = "「小刘你好，我是榆林炼化的设备处副处长杜海涛，手机13892018855」"
    assert people(card) == [("杜海涛", "副处长", "杜处长")]


def test_a_rep_naming_a_customers_junior_keeps_them() -> None:
    assert people("见了采购部的小刘，她说下周招标") == [(None, None, "小刘")]


def dues(text: str, now: datetime = NOW) -> list[str]:
    return [f.due.isoformat() for f in parse_note(text, now).follow_ups]


def test_their_step_done_by_a_day_and_their_own_must_are_no_task() -> None:
    # both had been the rep's reminders: 完成 on 31 December, 我们要做完… on 3 February
    assert dues("楼主任说今年区里录播教室的采购年底前要完成，由钱主任负责招标。") == []
    chat = (
        "微信：\n"
        "黄总（比亚迪 采购总监）：小周，年前能不能把合同定下来？2月3号前我们要做完供应商导入。\n"
        "我：黄总放心，2月1号上午我带合同去坪山找您。\n"
        "黄总：好，顺便叫上你们的技术。"
    )
    jan_25 = datetime(2027, 1, 25, 18, 0, tzinfo=SH)
    assert dues(chat, jan_25) == ["2027-02-01T09:00:00+08:00"]


def test_the_reps_own_deadline_is_still_a_task() -> None:
    assert dues("年底前要完成报价") == ["2026-12-31"]


def phones(text: str) -> dict[str | None, list[str]]:
    return {c.surname: c.phones for c in parse_note(text, NOW).contacts if c.phones}


def test_a_phone_after_a_contact_said_again_by_name_is_theirs() -> None:
    # both numbers had gone to 赵经理, the last one named with a title
    note = (
        "晚上和浙江省能源集团的几个人吃饭：集团物资采购中心主任戴志远、副主任林海，"
        "还有北仑电厂的设备部经理赵军。林海手机13757146602，赵军手机13606627719。"
    )
    assert phones(note) == {"林": ["13757146602"], "赵": ["13606627719"]}
    english = (
        "见了 buyer Michael 徐文斌 和 SQE 吴东。徐经理 handle PO, 吴工 管 inspection. "
        "徐 mobile 13962118870."
    )
    assert phones(english) == {"徐": ["13962118870"]}


def test_staff_named_by_what_they_do_and_given_names_opening_with_xiao() -> None:
    # 采购员龚倩 had been no one; 汤小燕 a 小燕 of the surname 燕; 王小明 only 王经理
    assert people("见了处长孔祥瑞和采购员龚倩。龚倩负责具体下单") == [
        ("孔祥瑞", "处长", "孔处长"),
        ("龚倩", None, None),
    ]
    assert people("见了采购员汤小燕") == [("汤小燕", None, None)]
    assert people("见了经理王小明") == [("王小明", "经理", "王经理")]
    # (李小姐 is how she is called, no name)
    assert people("采购经理李小姐说下周招标") == [(None, None, "李小姐")]


def roles(text: str) -> dict[str | None, str | None]:
    return {c.surname: c.decision_role for c in parse_note(text, NOW).contacts}


def test_who_decides_and_who_buys_said_in_more_ways() -> None:
    assert roles("见了副局长张平安。张局说园区的路灯改造项目由他拍板") == {"张": "decision_maker"}
    assert roles("见到资深经理 歐陽明哲。歐陽經理決定供應商") == {"欧阳": "decision_maker"}
    assert roles("见了部长司徒刚和工程师何欢，何欢是具体下单的人") == {
        "司徒": None,
        "何": "purchaser",
    }
    assert roles("见了 sourcing director 邓明, final decision 在他.") == {"邓": "decision_maker"}


def test_our_inside_an_english_word_is_no_product_of_ours() -> None:
    # the headline had been "cing director 邓明", cut out of "sourcing"
    interaction = parse_note("见了 sourcing director 邓明, final decision 在他.", NOW).interaction
    assert interaction is not None and interaction.summary is None


def test_a_company_registered_in_latin_letters_is_the_customer() -> None:
    card = (
        "昨天收到的贺卡附名片：\nSunway Construction Sdn Bhd\nProject Director\n"
        "刘振邦 Lau Chun Pang\nHP: 019-221 6688"
    )
    assert parse_note(card, NOW).company == "Sunway Construction Sdn Bhd"
    visit = "月底去 Shah Alam 的 Proton Holdings Berhad 对账, 见了 senior manager 蔡振兴."
    assert parse_note(visit, NOW).company == "Proton Holdings Berhad"


def test_a_card_in_both_scripts_is_filed_under_its_chinese_name() -> None:
    card = "Tenaga Nasional Berhad\n国家能源公司\n黄志华 Wong Chee Wah\nSenior Manager 高级经理"
    assert parse_note(card, NOW).company == "国家能源公司"


def test_an_english_title_and_the_same_rank_in_chinese_are_one_person() -> None:
    # senior manager 蔡振兴 … 蔡经理 had been two contacts, the phone on the second
    note = "见了 finance 的 senior manager 蔡振兴 和 accounts executive 林秀英. 蔡经理说 4月15号前 pay."
    assert people(note) == [
        ("蔡振兴", "senior manager", "蔡经理"),
        ("林秀英", "accounts executive", None),
    ]


def test_a_phone_typed_at_a_form_may_be_said_aloud() -> None:
    # /contact's phone step had refused 一三九一二三四五六七八, which a note reads (tryout 14, R5)
    assert read_phones("一三九一二三四五六七八") == ["13912345678"]
    assert read_phones("幺三九 幺二三四 五六七八") == ["13912345678"]
    assert read_phones("三四 五六") == []


def test_a_chat_pasted_without_stamps_took_place_today() -> None:
    # it had been dated yesterday: with no stamps, "every stamp says 昨天" held of none
    chat = (
        "微信聊天：\n丁科长（泰州市人民医院信息科）：HIS升级项目5月20号挂网，资质文件要提前准备。\n"
        "我：丁科长，我5月8号前把资质文件整理好发给您。\n丁科长：好。"
    )
    april_30 = datetime(2026, 4, 30, 20, 0, tzinfo=SH)
    interaction = parse_note(chat, april_30).interaction
    assert interaction is not None and interaction.when == april_30.date()
