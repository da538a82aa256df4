"""Round thirty-one: what notes written on 2026-12-05 (styles27, and the older sets' notes) and
the round's review taught the reader. Each case failed on the parser as the session began
(b5b942e) unless its comment says it guards."""

from __future__ import annotations

from datetime import datetime

from parsing.notes import parse_note

NOW = datetime.fromisoformat("2026-12-01T09:00:00+08:00")  # a Tuesday


def company(text: str, now: datetime = NOW) -> str | None:
    return parse_note(text, now).company


def dues(text: str, now: datetime = NOW) -> list[tuple[str, str]]:
    return [(f.due.isoformat()[:10], f.action) for f in parse_note(text, now).follow_ups]


def test_an_old_customer_said_before_the_firm() -> None:
    assert company("午饭跟老客户百川纺织的许总一起吃的，许总夸我们上批染料色牢度好") == "百川纺织"


def test_a_visit_heading_with_a_colon() -> None:
    text = "拜访：闽兴水产，见了老板林志华和他们厂长林浩，看了冷库现场"
    assert company(text) == "闽兴水产"


def test_a_firm_in_corner_brackets() -> None:
    text = "今天到屏東東港拜訪鮪魚加工的「東隆漁產」，和品管課的侯課長談超低溫冷凍庫的溫度記錄器"
    assert company(text) == "东隆渔产"


def test_a_saying_in_corner_brackets_is_no_firm() -> None:
    # guards: what the customer said, quoted, names no firm
    assert company("王總回我「下週再聯絡」，先等等") is None


def test_an_english_firm_of_four_words_and_co() -> None:
    text = "Visited Zigong Lantern Art Co. this afternoon. Met their production head Mr. Lian."
    assert company(text) == "Zigong Lantern Art Co."


def contacts(text: str, now: datetime = NOW) -> list[tuple[str | None, str | None, list[str]]]:
    return [(c.salutation, c.name, c.phones) for c in parse_note(text, now).contacts]


def test_a_surname_said_twice_in_dictation() -> None:
    text = (
        "嗯 那个 记 一下 宝武 钢铁 湛江 基地 的 门 门工 手机 号 幺 三 七 二 八 八 五 零 零 九 九"
        " 下 礼拜 礼拜 四 上午 过去 看 现场"
    )
    assert contacts(text) == [("门工", None, ["13728850099"])]


def test_what_comes_before_the_reps_note_to_self_is_no_firm() -> None:
    text = (
        "那个 新 客户 记 一下 无锡 先导 智能 的 蒋 蒋工 座机 零五幺零 八五二 三 六七 八九"
        " 转 幺零二 礼拜五 下午 两点 去 他们 那 演示"
    )
    assert company(text) == "无锡先导智能"
    assert contacts(text) == [("蒋工", None, ["051085236789;ext=102"])]


def test_a_spaced_card_name_of_a_rare_surname_after_its_title() -> None:
    text = "陕西延长石油（集团）有限责任公司\n物资供应处\n处长 延 卫 东\n电话：029-8778 2266\n手机：139 9128 0707"
    assert contacts(text) == [("延处长", "延卫东", ["02987782266", "13991280707"])]


def test_a_taiwan_assistant_manager() -> None:
    text = "尾牙前（1/22 週五）要把鴻海的年度對帳單送到土城給詹襄理。詹襄理手機0988-765-432。"
    assert contacts(text) == [("詹襄理", None, ["+886988765432"])]


def test_an_hour_corrected_after_the_task_in_dictation() -> None:
    text = (
        "那个给我记一下 明天上午十点 给华润燃气的张宗打电话 哦不对 是十点半"
        " 问一下他们那个流量计的招标进度 他电话是幺三九零八七六五四三二"
    )
    due = [(f.due.isoformat(), f.action) for f in parse_note(text, NOW).follow_ups]
    assert due == [("2026-12-02T10:30:00+08:00", "给张总打电话")]


def test_a_day_to_keep_away_from_someone_is_no_task() -> None:
    assert dues("农历七月十五之前别去找潮州三环的郑老板，他比较信这个") == []


def test_someones_trip_before_the_reps_own_day_is_no_task() -> None:
    text = "钟经理周五要去上海，下周一回，下周二我去厦门面谈合同补充条款。"
    assert dues(text) == [("2026-12-08", "去厦门面谈合同补充条款")]


def test_the_customers_own_meeting_is_no_task() -> None:
    text = "下周一他要开经营会，我下周二下午去找他。"
    assert dues(text) == [("2026-12-08", "去找他")]


def test_goods_arriving_is_no_task() -> None:
    assert dues("货我12月7号发，8号能到") == [("2026-12-07", "发")]


def test_a_day_off_in_lieu_is_no_task() -> None:
    text = "Deepavali (11月8号) 是礼拜天, 礼拜一补假, 所以改在 11月10号 礼拜二 早上 10 点去 PSA 见 Lim 总。"
    said = dues(text, datetime.fromisoformat("2026-11-03T16:00:00+08:00"))
    assert "2026-11-09" not in [d for d, _ in said]
    assert ("2026-11-10", "去 PSA") in said


def test_a_budget_spent_by_a_day_is_no_task() -> None:
    assert dues("今朝去長江實業見咗翁小姐，佢話年尾預算用晒，新一年一月中先再傾。") == []


def test_a_firm_that_opens_with_he_after_a_word_of_meeting() -> None:
    assert company("中午与和泰物业的采购主管屈海洋吃饭，他是山东人") == "和泰物业"
    assert company("後日下晝三點去葵涌貨櫃碼頭見和記黃埔嘅陸經理。") == "和记黄埔"


def test_a_firm_before_its_workshop_stays_whole() -> None:
    assert (
        company("拜访了重庆长安的车间主任蒲大勇，他说厂长下周三会来现场看我们的设备。")
        == "重庆长安"
    )


def test_a_region_or_a_line_of_work_before_a_title_is_no_firm() -> None:
    # (永辉超市 and 华谊兄弟 themselves are not read yet: nothing is better than a wrong firm)
    assert (
        company("今天再永辉超市见了区域采购经理常青 他说下周五之前把新品进场的合同定下来") is None
    )
    assert company("电话里：华谊兄弟的制片主任麦子说，他们老板后天到北京") is None
    text = "中午和海底捞的三个人吃饭：供应链总监凤姐、采购经理林海、品控主管石磊。"
    assert company(text) == "海底捞"


def test_a_chat_label_or_a_greeting_is_no_firm() -> None:
    assert company("[语音转文字] 蒋总：我这周六在杭州，你要是方便周六中午过来一起吃个饭") is None
    assert company("拜年 春节前 所有客户") is None


def test_their_money_coming_is_no_task() -> None:
    text = (
        "嗯跟盛世家具的老板娘花姐打了个电话 她说上个月的货款这礼拜内打过来 我下礼拜一查一下到账没有"
    )
    assert dues(text) == [("2026-12-07", "查一下到账没有")]
    chat = "12月1日 16:40 查主任：发票收到了，这周四财务会付款\n12月1日 16:41 我：谢谢查主任！"
    assert dues(chat) == []


def test_what_they_will_do_said_in_english_is_theirs() -> None:
    assert dues("Call with Mr. Zhang from Haier, he'll send the RFQ next Monday.") == []
    assert dues("Followed up with Amy at Costco, she said budget approved, PO expected EOM.") == []


def test_i_will_send_it_in_english_stays_the_reps() -> None:
    # guards: the rep's own step said in English
    assert dues("Call with Mr. Zhang from Haier, I'll send the quote next Monday.") == [
        ("2026-12-07", "send the quote")
    ]


def test_a_call_with_its_day_said_after_is_no_call_made() -> None:
    note = parse_note("给鼎新化工的芮主任打电话，下周一。", NOW)
    assert note.interaction is None
    assert [(f.due.isoformat()[:10], f.action) for f in note.follow_ups] == [
        ("2026-12-07", "给芮主任打电话")
    ]


def rivals(text: str) -> list[str]:
    return parse_note(text, NOW).competitors


def test_rivals_listed_in_latin_letters() -> None:
    assert rivals("Met 星展银行 facility team, 竞争对手是 Schneider 和 Vertiv。") == [
        "Schneider",
        "Vertiv",
    ]
    assert rivals("Competitors: Honeywell, Siemens. PO expected in Oct.") == [
        "Honeywell",
        "Siemens",
    ]


def test_a_rival_of_two_characters_ending_in_gao() -> None:
    assert rivals("招标前摸底。竞争对手：许继、平高。下周二拜访芮副总。") == ["许继", "平高"]


def test_what_is_said_of_a_rival_is_cut_off() -> None:
    # guards: 价低 after the name is what was said of it
    assert rivals("竞争对手是国药，给的价低") == ["国药"]


def contact_made(text: str, now: datetime = NOW) -> tuple[str, str] | None:
    said = parse_note(text, now).interaction
    return None if said is None else (said.kind, said.when.isoformat()[:10])


def test_a_telegraphic_visit_said_by_its_day() -> None:
    assert contact_made("三一姚工 今访 样品OK") == ("visit", "2026-12-01")
    assert contact_made("华电院王局 昨访 下周三回电") == ("visit", "2026-11-30")


def test_a_telegraphic_call() -> None:
    assert contact_made("电联赵经理，下周三送样") == ("call", "2026-12-01")
    assert contact_made("宁德时代邱工 电聊6/1回访") == ("call", "2026-12-01")


def test_a_call_still_to_make_is_none_made() -> None:
    # guards: 再电联 is a plan
    assert contact_made("下周三再电联赵经理") is None


def test_a_meal_the_rep_treats_someone_named_at_length_to() -> None:
    text = "今天冬至，请中建八局一公司的项目总经理时总（时光）吃饺子。"
    assert contact_made(text) == ("meal", "2026-12-01")


def test_a_call_said_in_brackets() -> None:
    text = "正月初四给大连重工的柏总拜年（电话）。柏总说初八上班后开会定今年的供应商。"
    assert contact_made(text, datetime.fromisoformat("2027-02-09T11:30:00+08:00")) == (
        "call",
        "2027-02-09",
    )


def test_next_week_said_then_the_weekday_said_whole() -> None:
    text = "嗯 那个 记 一下 宝武 钢铁 的 门 门工 下 礼拜 礼拜 四 上午 过去 看 现场"
    assert dues(text) == [("2026-12-10", "过去看现场")]


def test_the_reps_errand_on_the_first_working_day() -> None:
    text = "下午电话回访了湖北宜化的郝经理。正月初八（2月24日）开工后我再联系他。"
    now = datetime.fromisoformat("2026-02-12T17:00:00+08:00")
    assert [d for d, _ in dues(text, now)] == ["2026-02-24"]
    spoken = "嗯 初 八 开工 那 天 去 给 那个 格力 的 冼 冼经理 拜 年 带 个 红包"
    assert [d for d, _ in dues(spoken, datetime.fromisoformat("2027-02-04T21:10:00+08:00"))] == [
        "2027-02-13"
    ]


def test_their_first_working_day_alone_is_no_task() -> None:
    # guards: 初八开工 said of them, nothing of the rep's
    assert dues("他们初八开工", datetime.fromisoformat("2027-02-04T21:10:00+08:00")) == []


def test_a_telegraphic_visit_to_come() -> None:
    assert [d for d, _ in dues("徐工韩总 8号访")] == ["2026-12-08"]


def test_their_own_trip_said_short_stays_theirs() -> None:
    # guards: 韩总 8号去上海 is his trip
    assert dues("徐工韩总 8号去上海") == []


def test_the_reps_own_boss_is_no_contact() -> None:
    text = "今天在燕京啤酒见了采购部的经理宫平，宫经理喜欢摄影。我领导黄总下周要亲自来拜访他们。"
    assert [c.salutation for c in parse_note(text, NOW).contacts] == ["宫经理"]


def test_the_customer_calling_the_rep_in_a_chat_is_no_contact() -> None:
    text = (
        "[语音转文字] 蒋总：小周啊，我这周六在杭州，你要是方便周六中午过来一起吃个饭\n"
        "我：好的蒋总，周六中午见"
    )
    assert [c.salutation for c in parse_note(text, NOW).contacts] == ["蒋总"]


def test_contacts_said_short_or_in_english() -> None:
    assert contact_made("已见张总，报价他收了") == ("visit", "2026-12-01")
    assert contact_made("昨晚晚宴：苏宁易购的副总裁温柔、采购经理易峰") == ("meal", "2026-11-30")
    assert contact_made("Coffee with Tom from Grab this morning, he likes the demo") == (
        "meal",
        "2026-12-01",
    )
    assert contact_made("WeChat'd Jenny at Unilever, she confirmed the PO") == (
        "wechat",
        "2026-12-01",
    )
