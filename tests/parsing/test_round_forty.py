"""Round forty: what notes written on 2026-12-07 (styles36, the older tuned sets' notes) and the
round's review taught the reader. Each case failed on the parser as the session began (be1b899)
unless its comment says it guards."""

from __future__ import annotations

from datetime import datetime

from parsing.notes import parse_note
from tests.parsing._said import tasks, trips, visit


def at(stamp: str) -> datetime:
    return datetime.fromisoformat(stamp + ":00+08:00")


def test_an_hour_agreed_on_a_chat_line_of_its_own_is_the_meetings() -> None:
    now = at("2028-06-07T16:10")
    chat = "廉主任：下周一下午你们过来汇报一下\n我：好的，几点合适？\n廉主任：两点半"
    assert tasks(chat, now) == [("2028-06-12T14:30", "过来汇报一下")]
    chat = (
        "【天津港保税区管委会 廉主任】\n廉主任 11:20：下周一下午你们过来汇报一下\n"
        "我 11:22：好的，几点合适？\n廉主任 11:40：两点半\n"
        "廉主任 16:05：临时有变 下周一我要去北京 改下周二同一时间"
    )
    assert tasks(chat, now) == [("2028-06-13T14:30", "过来汇报一下")]
    chat = (
        "青岛市市立医院 宫主任\n宫主任：下周二上午开评审会 需要你们现场答辩\n"
        "宫主任：时间待定\n宫主任：定了 上午九点半\n我：收到宫主任"
    )
    assert tasks(chat, at("2027-12-30T16:20")) == [("2028-01-04T09:30", "开评审会")]
    # guard: after a speaker, an hour followed by more is their own deadline, no task
    assert tasks("张总：3点前给你答复", at("2027-02-25T12:00")) == []


def test_the_reps_answer_names_the_hour_and_the_errand_stays() -> None:
    chat = "南方电网广东公司 计划部 申处长\n申处长：明天的汇报提前半小时\n我：好的申处，那就9点半开始\n申处长：对"
    assert [due for due, _ in tasks(chat, at("2027-06-02T13:30"))] == ["2027-06-03T09:30"]
    chat = (
        "[14:23] 贺科长：下周一下午吧\n[14:25] 我：下周一下午三点可以吗\n"
        "[14:40] 贺科长：三点我有会，改四点\n[14:41] 我：好，下周一下午四点我带机器过来"
    )
    assert tasks(chat, at("2027-01-05T16:40")) == [("2027-01-11T16:00", "带机器过来")]


def test_a_chats_next_line_puts_the_day_right() -> None:
    chat = (
        "金螳螂 项目部 覃经理\n覃经理：明天下午两点来工地\n"
        "覃经理：不好意思说错了，是后天下午两点，明天我们验收\n我：好的收到"
    )
    assert tasks(chat, at("2026-07-08T20:10")) == [("2026-07-10T14:00", "来工地")]


def test_a_leaders_days_headed_by_the_days_they_span() -> None:
    note = (
        "海丰国际 庞总11月9日-11月15日：\n9日（一）上午 集团会，下午 见客户\n"
        "10日（二）—12日（四）新加坡 考察，12日晚返回\n13日（五）在公司\n"
        "（信息来源：办公室程主任）\n我的计划：13日下午去拜访庞总；周三前给程主任发材料"
    )
    now = at("2026-11-06T19:00")
    assert trips(note, now) == [("新加坡", "2026-11-10", "2026-11-12")]
    assert tasks(note, now) == [
        ("2026-11-13T14:00", "去拜访庞总"),
        ("2026-11-11", "给程主任发材料"),
    ]
    note = (
        "山西焦煤集团 武董事长 行程 秘书发:\n10月26日 太原 省国资委会议\n"
        "10月27日-29日 北京 参加行业峰会\n10月30日 返回太原\n"
    )
    assert tasks(note, at("2026-10-22T18:00")) == []


def test_a_leaders_days_sent_by_a_secretary_are_his() -> None:
    note = (
        "镇江市水利局 徐局长下周日程（今天电话问的办公室小贺）：\n周一上午 局务会\n"
        "周一下午 调研城西水厂\n周二至周三 赴南京参加全省水利工作会议\n"
        "周四 上午在局里 下午市政府开会\n周五 北京 水利部汇报，周六返回\n我：周四上午去局里送方案"
    )
    now = at("2026-03-20T10:10")
    assert trips(note, now) == [
        ("南京", "2026-03-24", "2026-03-25"),
        ("北京", "2026-03-27", "2026-03-28"),
    ]
    assert [it.who for it in parse_note(note, now).itineraries] == ["徐局长", "徐局长"]
    assert tasks(note, now) == [("2026-03-26T09:00", "去局里送方案")]
    note = (
        "迈瑞医疗 高总 4/27-5/8 行程（秘书 Vivian 微信发来）\n4/28-4/29 武汉 基地检查\n"
        "5/6-5/8 日本大阪 展会\n我：4/30 下午去总部见高总"
    )
    now = at("2026-04-24T16:45")
    assert [due for due, _ in tasks(note, now)] == ["2026-04-30T14:00"]
    assert [(it.who, it.start.isoformat()) for it in parse_note(note, now).itineraries] == [
        ("高总", "2026-04-28"),
        ("高总", "2026-05-06"),
    ]


def test_a_secretarys_words_after_the_heading() -> None:
    note = (
        "东风汽车 梅董秘书小芮微信：\n小芮：梅董下周的安排您看下\n周一 北京 中国企业联合会年会\n"
        "周二 北京，晚上回武汉\n周三 公司办公会\n周四 全天在公司\n周五 襄阳 基地\n"
        "小芮：周四上午十点到十点半可以给您半小时\n我：好的，谢谢芮秘书"
    )
    now = at("2026-10-16T16:10")
    assert trips(note, now) == [
        ("北京", "2026-10-19", "2026-10-20"),
        ("襄阳", "2026-10-23", "2026-10-23"),
    ]
    assert [due for due, _ in tasks(note, now)] == ["2026-10-22T10:00"]
    note = (
        "亨通 龙总3月第一周安排（董办微信转过来的）：\n3/2 周一 上海 供应商大会\n"
        "3/3 周二 上海→杭州 拜访客户\n3/4 周三 杭州，晚上回苏州\n3/5 周四 上午董事会\n"
        "3/6 周五 全天在厂里\n我：3/6 去厂里找龙总"
    )
    assert tasks(note, at("2026-02-27T18:20")) == [("2026-03-06", "去厂里找龙总")]


def test_his_week_on_the_headings_line() -> None:
    note = "中国华电 福建公司 殷总这周：周二周三福州，周四周五宁德核电项目现场。秘书说下周一可以见，我们约了下周一下午4点。"
    now = at("2027-05-24T16:00")
    assert ("宁德", "2027-05-27", "2027-05-28") in trips(note, now)
    assert tasks(note, now) == [("2027-05-31T16:00", "见殷总")]
    note = (
        "招商蛇口 丁总秘书小唐发来行程：\n下周一 深圳 总部周例会\n下周二至周四 武汉、长沙 区域检查"
    )
    assert [it.who for it in parse_note(note, at("2026-09-18T12:00")).itineraries] == [
        "丁总",
        "丁总",
    ]


def test_english_days_and_asks_in_a_chinese_note() -> None:
    now = at("2026-03-17T18:00")
    note = "今天 visit 了 西门子医疗 的 procurement manager 孙经理，他说 next week Thursday 之前要 final offer。"
    assert [due for due, _ in tasks(note, now)] == ["2026-03-26"]
    assert parse_note(note, now).company == "西门子医疗"
    assert tasks("call Wang Thursday next week 3pm", now) == [("2026-03-26T15:00", "call Wang")]
    note = "Call with 施耐德电气 的 Kevin 刘经理, confirm 了 PO 数量，他们 May 8 之前要 delivery schedule。"
    assert [due for due, _ in tasks(note, at("2026-04-29T11:00"))] == ["2026-05-08"]
    note = "跟 ABB 的 Sales Director 开了个 Teams meeting，让我们 EOW 之前给个 feedback。"
    assert tasks(note, at("2026-07-09T16:00")) == [("2026-07-10", "给个 feedback")]
    assert parse_note(note, at("2026-07-09T16:00")).company == "ABB"


def test_a_meal_and_a_chat_said_the_hk_and_taiwan_way() -> None:
    now = at("2026-08-31T20:00")
    note = "今晚同香港电讯（HKT）嘅IT经理何生食咗餐饭，佢话公司下个月中会出tender，叫我哋留意下。"
    assert visit(note, now) == ("meal", "2026-08-31")
    assert parse_note(note, now).company != "话公司"
    note = "剛和統一企業的採購主任謝小姐LINE確認，10月5日下午3點到台南總部簡報。"
    assert visit(note, at("2026-09-30T11:10")) == ("wechat", "2026-09-30")


def test_between_two_days_is_no_firm() -> None:
    note = "今天拜访了中国中化的苗总，他说元旦到春节之间集团会开两次采购会，具体时间看通知。"
    assert parse_note(note, at("2026-12-21T18:00")).company == "中国中化"


def test_their_own_steps_are_not_the_reps() -> None:
    note = "WeChat 了 西门子能源 的 Leo 陶工，他说 the drawing 要 revise，ETA this Thursday，然后 我们 next Monday 给 updated quote。"
    assert [due for due, _ in tasks(note, at("2026-05-05T16:20"))] == ["2026-05-11"]
    note = "中国能建的柏总让他们的采购部下周把招标文件发出来，技术部那边周三之前出技术规范书。柏总让我下周五再去找他。"
    assert tasks(note, at("2026-12-11T17:30")) == [("2026-12-18", "去找他")]


def test_an_english_note_opening_on_a_firm_and_its_city() -> None:
    now = at("2026-07-09T16:00")
    assert parse_note("LG Chem 南京: 技术交流 moved to next Wed.", now).company == "LG Chem"
    assert (
        parse_note("Unilever 合肥厂 visit done. 蒋总 has the final say.", now).company == "Unilever"
    )
    assert parse_note("Met Sony 无锡 purchasing head 童经理 today.", now).company == "Sony"
    assert parse_note("Lunch w/ Apple 采购经理吴佳琪. Send deck tmr AM.", now).company == "Apple"
    assert (
        parse_note("Visited Bosch Rexroth today, 见了采购张经理.", now).company == "Bosch Rexroth"
    )
    # guard: a label in English before the firm in Chinese names no firm
    assert (
        parse_note("Follow-up 厦门金龙：下周一下午去找采购王敏拿订单", now).company != "Follow-up"
    )


def test_a_day_or_an_hour_moved_by_so_much() -> None:
    now = at("2026-10-14T17:20")
    note = (
        "和招商局重工的林总约的是周四晚上7点吃饭，刚才林总秘书发微信说林总航班延误，晚一个半小时。"
    )
    assert tasks(note, now) == [("2026-10-15T20:30", "吃饭")]
    note = "蓝月亮采购部：明天的演示推迟一周"
    assert [due for due, _ in tasks(note, now)] == ["2026-10-22"]
    # guard: their own step moved leaves the rep's day alone
    assert tasks("周五去送货，他们工期推迟两天", now) == [("2026-10-16", "去送货")]
