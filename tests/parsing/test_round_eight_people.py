"""Round eight of the note reader, the people (2026-12-02): sentence in, facts out — who a rep
met, how they are called, their phone, title and role, as the card shows them."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from parsing.notes import ContactFact, Note, parse_note

SH = ZoneInfo("Asia/Shanghai")
NOW = datetime(2026, 12, 2, 10, 0, tzinfo=SH)  # a Wednesday


def note(text: str) -> Note:
    return parse_note(text, NOW)


def people(text: str) -> list[ContactFact]:
    return note(text).contacts


def who(text: str) -> list[tuple[str | None, str | None, str | None]]:
    """(name, salutation, title) of each contact."""
    return [(c.name, c.salutation, c.title) for c in people(text)]


# --- people named in Latin script ----------------------------------------------------------


def test_a_full_english_name_is_the_contact_with_mr_or_ms_by_the_given_name() -> None:
    c = people("DBS 的 VP David Ng 今天电话说 budget 已经 approve。他 mobile +65 8765 4321。")
    assert [(x.name, x.surname, x.salutation, x.title) for x in c] == [
        ("David Ng", "Ng", "Mr. Ng", "VP")
    ]
    assert c[0].phones == ["+6587654321"]
    c = people("明天早上 10 点 call Maybank 的 Jessica Tan，办公室 03-2070 8833 ext 214。")
    assert [(x.name, x.salutation, x.phones) for x in c] == [
        ("Jessica Tan", "Ms. Tan", ["+60320708833;ext=214"])
    ]
    assert who("Dinner with 太古可口可乐 logistics director Kevin Chan, 聊了forklift") == [
        ("Kevin Chan", "Mr. Chan", "logistics director")
    ]


def test_an_english_given_name_alone_is_how_the_contact_is_called() -> None:
    assert who("今天跟GE医疗的channel manager Amy开了个call，她说Q2的rebate还没定") == [
        ("Amy", "Amy", "channel manager")
    ]
    assert who("今天见了美团的产品总监Lily（决策）") == [("Lily", "Lily", "总监")]
    c = people("Today 2pm call with 招商局物流's Peter, phone 13823345678.")
    assert [(x.name, x.phones) for x in c] == [("Peter", ["13823345678"])]


def test_a_malay_honorific_names_the_contact_and_hints_the_phone() -> None:
    c = people("今天去 Petronas 见了 Encik Ahmad，采购部的。他的 HP 012-345 6789。")
    assert [(x.name, x.salutation, x.phones) for x in c] == [
        ("Ahmad", "Encik Ahmad", ["+60123456789"])
    ]


def test_an_honorific_glued_to_cantonese_still_names_the_contact() -> None:
    c = people("瑪麗醫院IT部嘅Dr. Wong係拍板嘅人，辦公室 2255 3838。")
    assert [(x.surname, x.salutation, x.phones) for x in c] == [
        ("Wong", "Dr. Wong", ["+85222553838"])
    ]
    assert [x.salutation for x in people("星期五之前要send quotation畀港燈嘅Mr. Lau。")] == [
        "Mr. Lau"
    ]


def test_a_person_named_in_both_scripts_is_one_contact() -> None:
    assert who("今天去 DBS 见了 IT 的 Jason 黄经理, 谈 core banking 迁移") == [
        (None, "黄经理", "经理")
    ]
    assert [c.surname for c in people("主要对接人 Kevin 林经理 13806051234")] == ["林"]
    assert [c.surname for c in people("见了林经理（Kevin），聊了报价")] == ["林"]


def test_english_words_and_places_that_look_like_names_are_no_contact() -> None:
    # a capitalised word that is no given name, a hospital named after a queen, a harbour
    assert people("Visited Petronas today, Follow up next Monday") == []
    assert [c.name for c in people("去了 Queen Elizabeth Hospital 见了设备科王科长")] == [None]
    assert people("Victoria Harbour 边上的写字楼, 下周去看") == []
    # May, Will, Grant are words too: never a person
    assert people("May 之前要交 proposal, Grant 的申请也要做") == []


def test_the_reps_own_side_named_in_english_is_no_contact() -> None:
    assert people("我们的 Tony 明天去现场") == []
    assert people("同事Kevin下午去送样") == []


def test_a_chat_line_opening_by_calling_the_rep_is_no_contact() -> None:
    chat = (
        "Tina-宝洁采购 14:02\nHi 张经理，PO已经下了，请查收邮件\n我 14:10\n"
        "收到，谢谢Tina！我们下周一发货\nTina-宝洁采购 14:11\n👍"
    )
    assert [c.name for c in people(chat)] == ["Tina"]
    chat = (
        "孙晓梅（市妇幼设备科） 09:41\n王经理，上次那台B超的探头又坏了\n我 09:43\n"
        "孙科长不好意思，今天下午我们工程师就过去"
    )
    assert [c.salutation for c in people(chat)] == ["孙科长"]
    # the rep calling the customer in the rep's own line is the customer
    chat = "陈总 10:02\n方案看了\n我 10:05\n陈总，周五我过来汇报"
    assert [c.salutation for c in people(chat)] == ["陈总"]


# --- how a person is called after their title ------------------------------------------------


def test_a_surname_and_title_after_a_title_is_how_the_person_is_called_not_a_name() -> None:
    assert who("科主任罗主任是关键人，拍板的") == [(None, "罗主任", "主任")]
    assert who("东莞台达电子的品质经理蔡经理，电话0769-22886612转803") == [
        (None, "蔡经理", "品质经理")
    ]
    # a real given name after the title stays the name
    assert who("见了项目经理陈刚") == [("陈刚", "陈经理", "项目经理")]
    assert who("局长王建国说明年再议") == [("王建国", "王局长", "局长")]


# --- phones ---------------------------------------------------------------------------------


def test_a_phone_at_the_end_of_a_sentence_is_read_but_a_decimal_is_not() -> None:
    assert [c.phones for c in people("王经理电话13823345678.")] == [["13823345678"]]
    assert [c.phones for c in people("王经理说单价13823345678.5元")] == [[]]


def test_a_singapore_place_says_where_a_number_is() -> None:
    c = people("Call Jurong Port 的 Ms. Wong at 6265 0666 ext 88 by Thu.")
    assert [(x.salutation, x.phones) for x in c] == [("Ms. Wong", ["+6562650666;ext=88"])]


# --- titles said before how a person is called -----------------------------------------------


def test_the_title_said_before_a_boss_called_zong_is_the_title() -> None:
    c = people("晚上跟万科的采购总监龚总吃饭，聊了明年的集采")
    assert [(x.salutation, x.title, x.is_key_leader) for x in c] == [("龚总", "采购总监", False)]
    assert who("机务工程部的部长戴总（决策）") == [(None, "戴总", "部长")]
    assert who("他们老板文总说了算") == [(None, "文总", "总")]  # (老板: who he is to them)
    assert who("厂长助理郝总是关键人") == [(None, "郝总", "厂长助理")]
    # 总 alone, or a name said with it, stays as it was
    assert who("今天拜访了大连港集团的周总") == [(None, "周总", "总")]
    assert who("见了总经理王建国,王总说明年再议") == [("王建国", "王总", "总经理")]


# --- roles ------------------------------------------------------------------------------------


def roles(text: str) -> list[tuple[str | None, str | None]]:
    return [(c.salutation, c.decision_role) for c in people(text)]


def test_reviewing_the_technical_side_makes_an_influencer() -> None:
    assert roles("工程部的鲍工负责技术评审") == [("鲍工", "influencer")]
    assert roles("网络科的孔工是技术负责人") == [("孔工", "influencer")]
    assert roles("IE经理孙磊（影响者）") == [("孙经理", "influencer")]
    # a review as an event, or not managing the technical side, is no role
    assert roles("王经理说他们每半年做一次供应商评审") == [("王经理", None)]
    assert roles("王经理说方案评审会定在下周") == [("王经理", None)]
    assert roles("李总不管技术") == [("李总", None)]


def test_handling_tenders_or_orders_makes_a_purchaser() -> None:
    assert roles("采购部的毕经理负责招标") == [("毕经理", "purchaser")]
    assert roles("资材部的刘小姐负责下单") == [("刘小姐", "purchaser")]
    assert roles("上周三见了采购刘经理,聊了包装线") == [("刘经理", "purchaser")]
    assert roles("鴻海土城的採購王小姐來電") == [("王小姐", "purchaser")]
    assert roles("小韩 说春节前签\n（小韩是安徽海螺的采购）") == [("小韩", "purchaser")]
    # this year's purchasing, or 采购 as the thing bought, is nobody's role
    assert roles("王总说今年的采购预算还没批") == [("王总", None)]
    assert roles("王总说这批是设备采购的") == [("王总", None)]


def test_a_decision_not_yet_made_names_no_decision_maker() -> None:
    text = "见了能源部的毛部长然后他们领导还没拍板然后他说元旦以后再说"
    assert roles(text) == [("毛部长", None)]
    assert roles("王经理说他做不了主") == [("王经理", None)]
    assert roles("毛部长拍板") == [("毛部长", "decision_maker")]


def test_a_role_said_before_anyone_is_named_goes_to_no_one_in_another_clause() -> None:
    text = "码头公司的总经理应总说了算，工程部的鲍工负责技术评审"
    assert roles(text) == [("鲍工", "influencer")]
    assert roles("决策人是区域总经理沈浩") == [("沈总", "decision_maker")]


def test_a_product_they_use_is_no_user_role() -> None:
    assert roles("陈总说万科那边用的是明源") == [("陈总", None)]
    assert roles("真正用的是班组的小唐") == [("小唐", "user")]


def test_key_leader_said_in_english() -> None:
    c = people("今晚跟 NUH 的 Dr. Lim 吃饭，他是 key leader")
    assert [(x.salutation, x.is_key_leader) for x in c] == [("Dr. Lim", True)]
    assert [x.is_key_leader for x in people("王经理说 keyboard 坏了")] == [False]


# --- who was met today ------------------------------------------------------------------------


def met(text: str) -> list[tuple[str | None, bool]]:
    return [(c.salutation or c.surname, c.absent) for c in people(text)]


def test_someone_named_only_in_tomorrows_task_was_not_met_at_todays_visit() -> None:
    assert met("今天拜访了万科王总,聊了方案。明天给财务部周姐寄发票") == [
        ("王总", False),
        ("周姐", True),
    ]
    assert met("Visited 港灯 today, met Mr. Lau. Send quotation to Ms. 岑 tomorrow") == [
        ("Mr. Lau", False),
        ("岑", True),
    ]
    assert met("今天见了王总,下周一约李工去现场") == [("王总", False), ("李工", True)]


def test_someone_met_today_and_named_in_the_task_too_was_met() -> None:
    assert met("今天拜访了王总,明天再去拜访王总") == [("王总", False)]
    # the person before the day is the one the call was with
    assert met("电话跟王总约了明天下午见面") == [("王总", False)]
    # a task alone, with no visit, says nothing of who was met
    assert met("明天给财务部周姐寄发票") == [("周姐", False)]


def test_an_older_colleague_called_sister_or_brother_is_a_contact_but_kin_words_are_not() -> None:
    assert met("王哥说下周来") == [("王哥", False)]
    assert people("我师姐在华为上班") == []
    assert people("今天见了个帅哥") == []
    assert people("他表哥在万科") == []


def test_a_chat_speaker_named_in_full_is_the_one_called_by_that_surname() -> None:
    chat = (
        "李建国 20:12\n你们那个巡检机器人报价出来没有\n我 20:15\n李主任，明天上午把报价发您\n"
        "李建国 20:16\n好，顺便把案例也带上"
    )
    assert who(chat) == [("李建国", "李主任", "主任")]
    chat = "潘建华-力诺光伏 16:20\n报价单收到了\n我 16:22\n好的潘总，等您消息"
    assert who(chat) == [("潘建华", "潘总", "总")]
    # a speaker nobody in the chat is called by the surname of stays unread
    chat = "华为终端 09:10\n样机到了吗\n我 09:12\n到了,王工下午去取"
    assert [c.name for c in people(chat)] == [None]


def test_ke_after_a_surname_is_the_section_chief() -> None:
    assert who("设备科的叶科（采购）") == [(None, "叶科长", "科长")]
    assert who("和城管局的沈科打电话") == [(None, "沈科长", "科长")]
    # departments, subjects and schools ending in 科 are nobody
    assert people("今天去了检验科和保卫科") == []
    assert [c.surname for c in people("他是文科,华科毕业的")] == [None]  # (an education)
    assert people("明天去外科送样") == []


def test_a_title_said_of_someone_called_zong_or_in_english() -> None:
    assert who("今天拜访了大连港集团的周总，周总是分管信息化的副总") == [(None, "周总", "副总")]
    c = people("跟 Sunway 的 Mr. Lee 吃饭，他是 GM，拍板的人")
    assert [(x.salutation, x.title, x.is_key_leader) for x in c] == [("Mr. Lee", "GM", True)]
    # what someone is to someone else, or no title at all, changes nothing
    assert who("王总是李总的老板") == [(None, "王总", "总"), (None, "李总", "总")]
    assert who("王总是我们的老客户") == [(None, "王总", "总")]


def test_how_workmates_and_mrs_are_called_after_a_title() -> None:
    assert who("还有维保班的班长阿强（用设备的）") == [("阿强", None, "班长")]
    assert who("養和醫院嘅採購主任梁太，手提 6123 4588") == [(None, "梁太", "采购主任")]
    # 阿里, 阿姨 are no one
    assert people("采购经理阿里巴巴那边的") == []


def test_a_word_beside_a_title_in_a_chat_is_no_name() -> None:
    chat = "周志强 21:30\n明天开会讨论你们的合同\n我 21:31\n好的周处，辛苦\n周志强 21:45\n有事微信"
    assert who(chat) == [("周志强", "周处长", "处长")]


def test_someone_of_the_reps_own_company_is_no_contact() -> None:
    text = "昨天陪我们博远科技的李总一起拜访的\n宁波舟山港集团\n信息中心 主任\n严海波\n13805882211"
    assert [(c.name, c.phones) for c in people(text)] == [("严海波", ["13805882211"])]
    assert people("明天我同事小李去送样") == []
    # their colleague, and our customer, are contacts
    assert [c.salutation for c in people("王总说他同事小李下周来")] == ["王总", "小李"]
    assert [c.salutation for c in people("我们的客户王总下周来")] == ["王总"]


def test_a_surname_in_latin_letters_glued_to_a_title() -> None:
    assert who("今天跟 Wang总 meeting 了，华润万家的项目") == [(None, "Wang总", "总")]
    assert who("Li工 明天来调试") == [(None, "Li工", "工程师")]
    # English words before a title are no surname
    assert people("He 总是说没预算") == []
    assert [c.surname for c in people("IT总监 明天来")] == []


def test_a_contact_introduced_in_english() -> None:
    c = people("New contact: 葛晓明, CFO of 南京金鹰国际集团, mobile 13805171234")
    assert [(x.name, x.phones) for x in c] == [("葛晓明", ["13805171234"])]
    # a name field that holds no Chinese name names no one
    assert people("Name: TBC, 下周再问") == []


def test_a_number_said_to_be_the_wechat_too() -> None:
    card = "采购部 采购经理\n邹婷\n📱 181 6120 3344\n☎ 0519-8548 2000 转 8123\n微信同号"
    c = people(card)
    assert [(x.phones, x.wechat) for x in c] == [
        (["18161203344", "051985482000;ext=8123"], "18161203344")
    ]
    card = "信息技术部 经理\n欧阳健\n电话 020-3606 7788\n手机/微信 137 2888 5120"
    assert [(x.phones, x.wechat) for x in people(card)] == [
        (["02036067788", "13728885120"], "13728885120")
    ]
    card = "周正 高级工程师\nMobile / WeChat：159 2173 5506"
    assert [(x.phones, x.wechat) for x in people(card)] == [(["15921735506"], "15921735506")]
    # a WeChat number alone is no phone; a phone alone is no WeChat
    assert [(x.phones, x.wechat) for x in people("王经理微信 13728885120")] == [([], "13728885120")]
    assert [(x.phones, x.wechat) for x in people("王经理手机 13728885120")] == [
        (["13728885120"], None)
    ]


def test_words_said_before_calling_someone_are_no_name() -> None:
    chat = "顾经理 15:02\n这个季度我们没预算了\n我 15:10\n明白顾经理，那我四月初再联系您"
    assert who(chat) == [(None, "顾经理", "经理")]
    assert who("感谢卢院长支持") == [(None, "卢院长", "院长")]


def test_a_chat_line_after_its_speaker_label_calling_the_rep() -> None:
    chat = "陆总：小周，你们的方案通过了\n我：谢谢陆总！合同什么时候谈？\n陆总：下周三下午吧"
    assert [c.salutation for c in people(chat)] == ["陆总"]
    chat = "黄主任 14:02\n我们工程师看了小程序没问题\n我 14:05\n太好了黄主任"
    assert [c.salutation for c in people(chat)] == ["黄主任"]


def test_a_full_name_in_brackets_after_how_someone_is_called() -> None:
    assert who("运检班的吴工（吴军）用设备") == [("吴军", "吴工", "工程师")]
    # a company in brackets is no name
    assert who("吴工（华为）明天来") == [(None, "吴工", "工程师")]


def test_singapore_names_say_where_a_number_is() -> None:
    c = people("今晚跟 NTUC FairPrice 的 Mr. Goh 吃饭. Mobile 9123 8877")
    assert [(x.salutation, x.phones) for x in c] == [("Mr. Goh", ["+6591238877"])]


def test_the_one_who_decides_said_after_is_or_lies_with() -> None:
    text = "采购是阮经理经办，研发的鲍工是用的人，拍板的是部门总监车总。"
    assert roles(text)[-1] == ("车总", "decision_maker")
    assert roles("矿山技术部的欧阳工评估雷达，决策在集团副总裁林泓。")[-1] == (
        "林总",
        "decision_maker",
    )
    assert roles("他说决策是他拍板") == []
    assert roles("见了张协理，他说决策是他拍板") == [("张协理", "decision_maker")]
    # a department named where a person was expected gives nobody the role
    text = "马经理说预算要报给俞总审批。采购是集团采购中心统一做。"
    assert roles(text) == [("马经理", None), ("俞总", None)]
    # a decision-support system is nobody's decision
    assert roles("谢处说你们那个电力交易辅助决策系统下个月汇报") == [("谢处长", None)]
    assert roles("王总说先确认了决策链") == [("王总", None)]


def test_an_english_name_with_no_sign_it_is_the_customers_is_no_contact() -> None:
    # the rep's boss or colleague is often named so
    assert people("跟 Tony 汇报了一下，申请特价") == []
    assert people("让 Amy 明天把报价单出一下") == []
    assert people("华为的 Kevin 说下周开会") == []  # (的 Kevin: anyone's Kevin)
    # said as theirs: after an organisation's 's, a title, heading a chat line, or in full
    assert [c.name for c in people("Met 华为's Kevin today")] == ["Kevin"]
    assert [c.name for c in people("华为的 Kevin Lim 说下周开会")] == ["Kevin Lim"]


def test_the_year_of_birth_said_in_chinese_numerals_or_as_a_taiwan_year() -> None:
    c = people("市住建局的冯局长生日是农历十月十六然后呢他是七零年的")
    assert [(x.birthday.year, x.birthday.lunar) for x in c if x.birthday] == [(1970, True)]
    c = people("台塑六輕的採購部蔡經理生日是3月8號，71年次。")
    assert [x.birthday.year for x in c if x.birthday] == [1982]
    # a year that is no birth year: last year's, a project's
    assert [x.born_year for x in people("王总说二零年的项目还没结")] == [None]
    assert [x.born_year for x in people("王总说一九年的时候来过")] == [None]


def test_a_trait_said_in_english() -> None:
    c = people(
        "Dinner with 太古 logistics director Kevin Chan, 他是key leader, 人很nice, 喜欢打golf"
    )
    assert [x.personality for x in c] == ["nice"]
    # a nice price, or nobody named, is no one's trait
    assert [x.personality for x in people("王总说价格很nice")] == [None]
    assert people("人很nice") == []


def test_a_given_name_heading_a_line_only_as_a_chat_speaker_or_card_line() -> None:
    assert [c.salutation for c in people("Grace period 30天, 王总同意了")] == ["王总"]
    assert [c.name for c in people("Tina 14:02\n报价收到了\n我 14:10\n好的")] == ["Tina"]


def test_a_capitalised_word_after_a_given_name_is_no_surname() -> None:
    assert [c.name for c in people("VP Peter Will call back 下周")] == ["Peter"]
    assert [c.name for c in people("IT head Jason Mobile 9123 4567")] == ["Jason"]


def test_a_physicians_rank_said_before_how_they_are_called() -> None:
    assert who("副主任医师谢医生负责技术评估") == [(None, "谢医生", "副主任医师")]
    assert who("主任医师王医生说") == [(None, "王医生", "主任医师")]
    assert who("王医生说明天手术") == [(None, "王医生", "医生")]


def test_a_full_name_after_a_title_ends_before_a_deed() -> None:
    assert who("麻醉科主任钱立提临床需求") == [("钱立", "钱主任", "主任")]


def test_a_hong_kong_sir_is_how_the_person_is_called() -> None:
    assert who("今朝去九巴車廠同車務主任張sir傾咗電子路線牌") == [(None, "张sir", "主任")]
    assert who("同陳Sir食飯") == [(None, "陈Sir", None)]
    # an English Sir is nobody's name
    assert people("Dear Sir, 报价如下") == []
    assert people("Yes sir 明天到") == []


def test_a_companys_last_character_glued_to_a_surname_and_title_is_no_name() -> None:
    assert who("遠東新世紀楊經理 週一上午10點視訊") == [(None, "杨经理", "经理")]
    # a common surname with a given name glued to the company stays the full name
    assert who("中建李明经理下周来") == [("李明", "李经理", "经理")]
    assert who("华润万家王经理下周来") == [(None, "王经理", "经理")]


def test_an_english_title_before_how_someone_is_called() -> None:
    assert who("跟 Hilton 南京 的 procurement manager 陆经理 通了电话") == [
        (None, "陆经理", "采购经理")
    ]
    assert who("visit 海尔卡奥斯 今天, 见了 VP 周总") == [(None, "周总", "副总裁")]
    # a title that is no way of calling them (project manager 王总) changes nothing
    assert who("project manager 王总 说") == [(None, "王总", "总")]


def test_a_deed_after_how_someone_is_called_is_no_given_name() -> None:
    assert who("设备课长李工管技术评估") == [(None, "李工", "课长")]
    assert who("局长王建国说") == [("王建国", "王局长", "局长")]


def test_a_surname_said_then_the_title_is_no_double_name() -> None:
    assert who("采购部部长姓林林部长电话是13862583107") == [(None, "林部长", "采购部部长")]
    assert who("他姓王王经理说") == [(None, "王经理", "经理")]


def test_the_rep_called_in_a_chat_is_no_outcome_either() -> None:
    chat = (
        "孙晓梅（市妇幼设备科） 09:41\n王经理，上次那台B超的探头又坏了\n我 09:43\n"
        "孙科长不好意思，今天下午我们工程师就过去\n孙晓梅（市妇幼设备科） 09:44\n行，尽快"
    )
    n = note(chat)
    assert [c.name for c in n.contacts] == ["孙晓梅"]
    assert n.interaction is None or n.interaction.outcome is None
