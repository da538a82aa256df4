"""Round seventeen of the note reader (2026-12-04, a new session): people named in two scripts,
Hong Kong's 陳太, a day the rep is told to avoid, and contacts said short."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from parsing.notes import Note, parse_note

SH = ZoneInfo("Asia/Shanghai")
FRIDAY_EVENING = datetime(2026, 12, 4, 18, 30, tzinfo=SH)


def read(text: str, now: datetime = FRIDAY_EVENING) -> Note:
    return parse_note(text, now)


def people(note: Note) -> list[tuple[str | None, str | None, str | None, list[str]]]:
    return [(c.surname, c.name, c.salutation, c.phones) for c in note.contacts]


def test_an_english_honorific_then_the_chinese_name_is_one_person_filed_under_it() -> None:
    # Ms. Wong 黄美玲 was filed as "Wong" with no name: the sets file her under 黄, called Ms. Wong
    note = read("今天去 Top Glove 见了 Ms. Wong 黄美玲，她负责采购。HP 012-337 8821。")
    assert people(note) == [("黄", "黄美玲", "Ms. Wong", ["+60123378821"])]
    bracketed = read("中電嘅採購經理Ms Chan（陳美華）話佢哋月結45日。佢手機 6234 5781。")
    assert people(bracketed) == [("陈", "陈美华", "Ms Chan", ["+85262345781"])]


def test_a_given_name_and_surname_then_the_chinese_name_is_one_person() -> None:
    # David Lim 林大伟 and Kenny Wong（黃國華）were no one at all: the Latin name gave way to
    # the Chinese one, which had no title to stand on
    assert people(read("见了 David Lim 林大伟，他说下周定。"))[0][:2] == ("林", "林大伟")
    hk = read("東亞銀行IT部嘅Kenny Wong（黃國華）話明年Q1先開標。Kenny手機 5432 9087。")
    assert people(hk) == [("黄", "黄国华", "Kenny", ["+85254329087"])]
    # (曾 is also a word, and 明 starts 明天: neither once a spelling vouches for the name)
    hk_tsang = read("後日同港燈嘅Alan Tsang（曾志明）喺北角開會。Alan手機 5502 8163。")
    assert people(hk_tsang) == [("曾", "曾志明", "Alan", ["+85255028163"])]


def test_mrs_chan_in_a_hong_kong_note_is_a_person_and_not_part_of_the_company() -> None:
    # 恒基兆業陳太話 was the customer's name and the number sat under 👤 ?
    note = read("恒基兆業陳太話佢哋逢星期四開工程會。佢手機 9456 1203，WhatsApp同號。")
    assert note.company == "恒基兆业"
    assert people(note) == [("陈", None, "陈太", ["+85294561203"])]
    # (太忙, 太原 are no one)
    assert read("佢話王太忙，下個禮拜再傾").contacts == []


def test_a_day_the_rep_is_told_to_avoid_is_no_task() -> None:
    # 叫我唔好星期四搵佢 ("told me not to look for him on Thursday") became 找他 on Thursday
    note = read("恒基兆業陳太話佢哋逢星期四開工程會，叫我唔好星期四搵佢。")
    assert note.follow_ups == []


def test_a_call_said_short_is_logged() -> None:
    # 已电话 (called already) logged nothing
    call = read("大华 钱经理 已电话 样品周三到")
    assert call.interaction is not None and call.interaction.kind == "call"
    # (the customer's own call to their warehouse, a number updated: no call of the rep's)
    assert read("客户已电话通知仓库备货").interaction is None
    assert read("王总那边已电话号码更新").interaction is None


def test_a_facilities_manager_is_a_title_and_a_builders_shi_is_a_person() -> None:
    # 設施經理 (facilities manager) made a 施经理 out of the title
    assert "施经理" not in [c.salutation for c in read("同領展嘅設施經理劉生傾咗陣").contacts]
    # (中天建设施经理 is 中天建设's 施经理)
    builder = read("中天建设施经理说幕墙要改")
    assert (builder.company, [c.salutation for c in builder.contacts]) == ("中天建设", ["施经理"])


def test_words_that_only_look_like_the_new_names_stay_words() -> None:
    # found by a review of the rules above: none of these is a person
    assert [c.salutation for c in read("下周去新加坡，行程太紧，周三再约林总").contacts] == ["林总"]
    assert read("佢話租金太進取，要再傾").contacts == []
    assert [c.name for c in read("约了Mr Wong 周五见。").contacts] == [None]
    assert [c.name for c in read("Ms Ong 方案通过了").contacts] == [None]
    # (Tan is 陈, never 林: two people, or a slip — not one called Mr Tan)
    assert [c.name for c in read("今天见了Mr Tan 林志强，两个人都是采购").contacts] != ["林志强"]
    assert [c.name for c in read("David Lim 周五见，带样品").contacts] == ["David Lim"]
    assert [c.name for c in read("Ms Chan 黄美玲 一起吃饭").contacts] != ["黄美玲"]


def test_not_well_before_a_day_is_no_day_avoided() -> None:
    # 不好 said of health or a signal keeps the task that follows it
    assert [f.action for f in read("王总身体不好下周一再约他").follow_ups] == ["约他"]
    assert len(read("现场信号不好明天再打给张经理").follow_ups) == 1


def test_a_cards_name_spaced_out_is_the_person() -> None:
    # 刘 畅 on a card's line (two characters spaced to the width of three) was no one, and the
    # card's number sat under 👤 ?
    card = read("名片如下\n刘 畅\n13566012278（微信同号）\n宁波舟山港集团 业务部 副经理")
    assert people(card) == [("刘", "刘畅", "刘经理", ["13566012278"])]
    # 王 总 and 李 工 said so are how they are called, no one named 王总
    called = read("华为\n王 总\n13912345678\n明天见")
    assert people(called) == [("王", None, "王总", ["13912345678"])]


def test_a_fax_line_is_no_phone() -> None:
    card = read("复旦大学附属中山医院\n设备科 科长\n钱卫东\nTel 021-6404 1990\nFax 021-6404 1991")
    assert [c.phones for c in card.contacts] == [["02164041990"]]


def test_a_birthday_compared_with_a_festival_is_no_task() -> None:
    # 生日3月8号，跟妇女节同一天 became a task "同一天" on 8 March
    note = read("影像科主任柏雪是用的人，生日3月8号，跟妇女节同一天。")
    assert note.follow_ups == []


def test_a_phone_after_a_person_in_a_role_list_is_theirs() -> None:
    # the number went to the person named before, the name before it being missed
    note = read("仓储主管易小川天天用，手机18771049352。物流规划经理卜凡影响最大。")
    assert [(c.name, c.phones) for c in note.contacts] == [
        ("易小川", ["18771049352"]),
        ("卜凡", []),
    ]


def test_a_chinese_name_then_the_english_one_in_brackets_is_one_person() -> None:
    # 郭慧儀（Ms Kwok）and 黄经理 (Mr Ooi) were two contacts, the number under the English one
    note = read("機場管理局嘅Senior Manager郭慧儀（Ms Kwok）今朝回咗email。佢手機 9288 5013")
    assert people(note) == [("郭", "郭慧仪", "Ms Kwok", ["+85292885013"])]
    titled = read("Penang Inari 的黄经理 (Mr Ooi) 约了明天去厂里看，他 HP 011-2607 3381")
    assert people(titled) == [("黄", None, "黄经理", ["+601126073381"])]


def test_a_role_said_before_a_short_title_is_no_part_of_the_name() -> None:
    # 技术把关聂工18638570092: 关聂 was no name, and the number went to the next person
    note = read("技术把关聂工18638570092；下单找小蔡15237911845。")
    assert [(c.salutation, c.phones) for c in note.contacts] == [
        ("聂工", ["18638570092"]),
        ("小蔡", ["15237911845"]),
    ]


def test_a_warehouse_called_number_one_is_no_day() -> None:
    # 京东物流亚洲一号 became a task on the 1st of next month: "园区总经理甘总拍板"
    note = read("京东物流亚洲一号（武汉）：园区总经理甘总拍板；IT经理谷雨技术把关")
    assert note.follow_ups == []


def test_days_that_are_theirs_or_not_pinned_are_no_tasks() -> None:
    # each was a confident task on the day named
    spring = datetime(2026, 3, 20, 14, 0, tzinfo=SH)
    assert read("电话里中联重科的苗经理说下个月月初才有空，到时候再约见面").follow_ups == []
    assert read("今晚跟 Datuk Lim 吃饭，他说新生产线四月尾才决定。").follow_ups == []
    assert read("清明前找时间去一趟潍柴，看看侯工那边的试装情况", spring).follow_ups == []
    assert read("年前还得跟蓝思科技的谭经理吃顿饭，看他哪天有空").follow_ups == []
    assert read("跟孟主任吃饭，他儿子考上了浙大。下个月5号他要去杭州送儿子报到。").follow_ups == []
    assert read("给南京地铁的储工寄了两本样本，顺丰单号SF1234567890，应该后天到。").follow_ups == []
    chat = "WhatsApp：\n[10:12] 周太（大家樂）：你哋嘅報價收到，下個禮拜三之前回覆你\n[10:15] 我：唔該晒周太"
    assert read(chat).follow_ups == []
    # (才能去 is still the rep's: 下周一才能去拜访王总)
    assert len(read("这周排不开，下周一才能去拜访王总").follow_ups) == 1


def test_a_list_of_birthdays_is_birthdays_not_tasks() -> None:
    # 记生日：… made each day a task "跟进" and no one's birthday
    note = read(
        "记生日：广汽埃安研发部贺部长 阳历7月9号；他手下的武工 农历六月初六；"
        "采购的罗经理（罗娟）11月30号。",
        datetime(2027, 3, 23, 12, 20, tzinfo=SH),
    )
    assert note.follow_ups == []
    assert [
        (c.salutation, c.birthday and (c.birthday.month, c.birthday.day, c.birthday.lunar))
        for c in note.contacts
    ] == [
        ("贺部长", (7, 9, False)),
        ("武工", (6, 6, True)),
        ("罗经理", (11, 30, False)),
    ]


def test_going_somewhere_to_meet_him_is_the_reps_task_not_his_trip() -> None:
    # 下周四下午两点去太仓跟他开会 under a card was Mr. Becker's trip to "太仓跟他"
    card = (
        "Thomas Becker\nManaging Director\n贝克尔精密机械（太仓）有限公司\n"
        "—— 下周四下午两点去太仓跟他开会"
    )
    note = read(card, datetime(2028, 11, 21, 16, 20, tzinfo=SH))
    assert note.itineraries == []
    assert [(f.due.isoformat(), f.action) for f in note.follow_ups] == [
        ("2028-11-30T14:00:00+08:00", "去太仓跟他开会")
    ]


def test_the_day_the_customer_asks_the_rep_to_come_is_a_task() -> None:
    # 曾总监说下礼拜一下午两点让我过去一趟 was his own doing, no task
    note = read("曾总监说下礼拜一下午两点让我过去一趟", datetime(2028, 1, 20, 16, 0, tzinfo=SH))
    assert [(f.due.isoformat(), f.action) for f in note.follow_ups] == [
        ("2028-01-24T14:00:00+08:00", "让我过去一趟")
    ]


def test_a_day_said_in_two_characters_needs_no_hao() -> None:
    # 三月十五 was no day at all (and the note's company); 3月15 and 三月十五号 were
    note = read("三月十五 老乡鸡新店开业 去捧个场", datetime(2026, 2, 26, 9, 0, tzinfo=SH))
    assert [f.due.isoformat() for f in note.follow_ups] == ["2026-03-15"]
    assert note.company != "三月十五"
    # (一月一次, 三月二十万 and 下个月十一月十号 are still no such day)
    assert read("他们一月一次集中采购").follow_ups == []


def test_a_card_with_each_character_of_the_name_spaced_and_a_tea_company() -> None:
    # 黄 永 福 was no one, and 福建安溪铁观音集团 was cut at 观 (as in 参观)
    card = "董事长\n黄 永 福\n福建安溪铁观音集团股份有限公司\nT 0595-2323 8866"
    note = read(card)
    assert note.company == "福建安溪铁观音集团股份有限公司"
    assert people(note) == [("黄", "黄永福", "黄董", ["059523238866"])]


def test_an_english_title_ending_a_cards_line_names_no_one_on_the_next() -> None:
    # Procurement Director\n施耐德电气 made a person 施耐德 and cut the company
    card = (
        "Kevin Zhou 周凯文\n采购总监\nProcurement Director\n施耐德电气（中国）有限公司\n"
        "M: +86 186 2173 5509"
    )
    note = read(card)
    assert note.company == "施耐德电气(中国)有限公司"
    assert [c.name for c in note.contacts] == ["周凯文"]


def test_a_card_pasted_on_one_line_with_slashes_names_its_person() -> None:
    # 名片：… / 主任 / 严国庆 / 电话 … had no one named 严国庆
    card = "名片：国网湖北省电力有限公司物资公司 / 招标采购部 / 主任 / 严国庆 / 手机 13907155862"
    assert people(read(card)) == [("严", "严国庆", "严主任", ["13907155862"])]


def test_a_cards_name_in_both_scripts_on_one_line() -> None:
    # 金 敏 洙 Kim Min-soo and 林志明 Jimmy Lin: one person each, filed under the Chinese name
    korean = read("三星（中国）半导体有限公司\n采购组 课长\n金 敏 洙 Kim Min-soo\nHP 138 9179 2254")
    assert people(korean) == [("金", "金敏洙", "金课长", ["13891792254"])]
    taiwan = read("研華股份有限公司\n資深經理\n林志明 Jimmy Lin\nMobile: 0928-331-706")
    assert [(c.name, c.phones) for c in taiwan.contacts] == [("林志明", ["+886928331706"])]


def test_a_latin_name_alone_on_a_cards_line_is_the_person() -> None:
    # Tan Mei Ling on her own line had no one to hold the card's numbers
    card = "名片：\nSATS Ltd（新加坡）\nProcurement Manager\nTan Mei Ling\nDID +65 6541 8832"
    assert people(read(card)) == [("Tan", "Tan Mei Ling", None, ["+6565418832"])]


def test_an_extension_said_before_its_switchboard_is_kept() -> None:
    # 分機 2231，總機 (02) 2268-3466: the extension was lost
    note = read("陳課長分機 2231，總機 (02) 2268-3466。")
    assert [c.phones for c in note.contacts] == [["+886222683466;ext=2231"]]


def test_a_number_in_a_note_that_names_a_singapore_or_malaysian_customer() -> None:
    # 6752 2200 is a number in Hong Kong and in Singapore alike: Sembawang says which
    note = read(
        "Sembawang Shipyard 的黄总下礼拜一到三在上海看展，他秘书 Jenny Lee 6752 2200 说回来再约。"
    )
    assert "+6567522200" in [p for c in note.contacts for p in c.phones]


def test_a_second_review_of_the_round_found_these_and_they_stay_fixed() -> None:
    # a birthday list covers its own sentence: the task on the next line stays a task
    later = read("生日提醒：黄总 5月3日\n今天见了陈经理，下周四约她看样板间")
    assert [f.action for f in later.follow_ups] == ["约她看样板间"]
    assert [c.birthday for c in later.contacts if c.salutation == "陈经理"] == [None]
    # 抽空 on a day named is still that day's task; 找时间 only unpins a deadline
    assert [f.action for f in read("明天抽空给王总打个电话").follow_ups] == ["抽空给王总打个电话"]
    assert len(read("下周一给王总打电话，另外找时间去趟仓库").follow_ups) == 1
    # 才签合同 and 才报价 are the rep's
    assert len(read("下周二才签合同，记得带公章").follow_ups) == 1
    # his trip with the rep's task said next keeps the day
    assert len(read("下周一他要去深圳，提前把资料发给他").follow_ups) == 1
    assert len(read("货估计下周一到，到货后安排安装调试").follow_ups) == 1
    # 王总和 Mr Wong and 陈总 Mrs Chan are two people each
    assert len(read("约了王总和 Mr Wong 一起吃饭").contacts) == 2
    assert len(read("陈总 Mrs Chan 也一起来了").contacts) == 2
    # 把关总要的报价 is 关总's quote
    assert [c.salutation for c in read("下周一把关总要的报价发过去").contacts] == ["关总"]
    # a template's spaced labels are no one; 林 姐 is how she is called
    form = read("项 目\n东莞厂房屋顶光伏\n金 额\n约80万\n下周三约王总再谈")
    assert [c.salutation for c in form.contacts] == ["王总"]
    assert people(read("名片\n林 姐\n13912345678")) == [("林", None, "林姐", ["13912345678"])]
    # 美洲3号回国 is a day (亚洲一号 is a warehouse)
    assert [f.due.isoformat() for f in read("李总在美洲3号回国，回来后约他").follow_ups] != []


def test_the_last_thing_before_a_holiday_is_no_task_on_the_holiday() -> None:
    # 元旦放假前最后一件事：… made a task "最后一件事" on 31 December
    note = read("元旦放假前最后一件事：周五前把中建八局的结算单寄给柯经理。")
    assert "最后一件事" not in [f.action for f in note.follow_ups]


def test_a_weekday_with_its_date_in_brackets_may_be_the_one_just_gone() -> None:
    # 周五（21号）去…拜访，没见到, said on Sunday the 23rd, became a task on 21 August
    sunday = datetime(2028, 7, 23, 12, 15, tzinfo=SH)
    note = read("周五（21号）去华润万家拜访，没见到常总监，他去北京开会了。", sunday)
    assert note.follow_ups == []


def test_a_new_year_day_just_gone_is_not_next_years() -> None:
    # 初二给…打电话拜年, said on 初四, was a task on next year's 初二
    chu_si = datetime(2028, 1, 29, 15, 15, tzinfo=SH)
    note = read("初二给扬子江药业的采购总监俞建平打电话拜年，他说节后再谈。", chu_si)
    assert note.follow_ups == []
    # (初八, still ahead, is that day)
    assert [f.due.isoformat() for f in read("初八去拜访俞总", chu_si).follow_ups] == ["2028-02-02"]


def test_their_audit_and_their_remittance_are_no_tasks() -> None:
    # 月底审计 and 1月10號匯款 were tasks of the rep's
    assert read("南方电网的严处长说他这个月不接待供应商，月底审计。").follow_ups == []
    late = datetime(2028, 12, 29, 16, 0, tzinfo=SH)
    assert read("遠東新世紀財務說貨款1月10號匯款，他們是月結60天。", late).follow_ups == []


def test_a_leaders_days_away_for_a_show_a_warehouse_or_a_report() -> None:
    # 看展, 睇倉, 做年终汇报 were no purpose, so the days away were not read
    monday = datetime(2026, 12, 22, 18, 0, tzinfo=SH)
    for text, place in (
        ("邓总监下周一到周三在上海做年终汇报。", "上海"),
        ("黄总下礼拜一到三在上海看展", "上海"),
        ("李經理佢話下個禮拜一至三去越南胡志明市睇倉", "越南胡志明市"),
    ):
        (trip,) = read(text, monday).itineraries
        assert (trip.place, trip.start.isoformat(), trip.end.isoformat()) == (
            place,
            "2026-12-28",
            "2026-12-30",
        ), text


def test_he_goes_to_a_place_on_a_day_is_his_not_the_reps() -> None:
    # 佢聖誕去日本北海道 became the rep's task "去日本北海道" on Christmas Day
    dongzhi = datetime(2027, 12, 22, 21, 40, tzinfo=SH)
    note = read("佢聖誕去日本北海道，26號去31號返。1月3號我再約佢。", dongzhi)
    assert [f.due.isoformat() for f in note.follow_ups] == ["2028-01-03"]
    # (the rep going there is still the rep's)
    assert len(read("下周三去上海见王总", dongzhi).follow_ups) == 1


def test_found_someone_and_talked_is_a_visit() -> None:
    # 找了那个…吴处长聊阀门的框架 (dictated, no 了 after 聊) logged no contact
    note = read(
        "嗯今天最后跑了一趟镇海炼化找了那个物资装备部的吴安吴处长聊阀门的框架他说国庆以后八号再说",
        datetime(2026, 9, 30, 23, 5, tzinfo=SH),
    )
    assert note.interaction is not None and note.interaction.kind == "visit"
    assert note.interaction.summary == "阀门的框架"


def test_an_english_name_with_a_number_or_met_over_lunch_is_the_customers() -> None:
    # Raymond Lee 6023 4418 and Lunch w/ Jessica Liu left their numbers on a 👤 ?
    hk = read("聽日打俾太古可口可樂 Raymond Lee 6023 4418")
    assert [(c.name, c.phones) for c in hk.contacts] == [("Raymond Lee", ["+85260234418"])]
    lunch = read("Lunch w/ Jessica Liu, Marriott China procurement lead. Her cell 138 1002 7765.")
    assert [(c.name, c.phones) for c in lunch.contacts] == [("Jessica Liu", ["13810027765"])]


def test_who_uses_it_and_who_weighs_most() -> None:
    # 是用我们封边机的人 and 影响最大 said no role
    note = read("厂长冯伟是用我们封边机的人，手机13925012867。物流规划经理卜凡影响最大。")
    assert [(c.name, c.decision_role) for c in note.contacts] == [
        ("冯伟", "user"),
        ("卜凡", "influencer"),
    ]


def test_a_chat_pasted_without_stamps_with_a_miss_or_an_organisation_beside_the_name() -> None:
    # 严小姐（屈臣氏华南）：… / 我：… and 刘姐 美年大健康：… / 我：… were no chat, no contact logged
    for text in (
        "严小姐（屈臣氏华南）：我手机换了 13926558871，以后打这个\n我：好的严小姐，已存",
        "刘姐 美年大健康：小陆，体检车的合同我看了，第7条要改一下\n我：好的刘姐，改完明天发您",
    ):
        note = read(text)
        assert note.interaction is not None and note.interaction.kind == "wechat", text
