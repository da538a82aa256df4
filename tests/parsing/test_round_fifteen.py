"""Round fifteen of the note reader (2026-12-03, a new session): a dictated note with no
punctuation is read a statement at a time — a trip, a rep's part or a name said after a later
day belongs to that day, not to every day before it — and a day the note says is gone by or
only the end of someone's wait is no task."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from parsing.notes import parse_note

SH = ZoneInfo("Asia/Shanghai")
MONDAY_EVENING = datetime(2027, 3, 8, 18, 0, tzinfo=SH)
SUNDAY_NIGHT = datetime(2027, 3, 7, 21, 0, tzinfo=SH)


def tasks(text: str, now: datetime = MONDAY_EVENING) -> list[tuple[str, str]]:
    return [(f.due.isoformat(), f.action) for f in parse_note(text, now).follow_ups]


def test_a_leaders_trip_said_last_keeps_the_reps_tasks_said_before_it() -> None:
    # all three tasks were dropped: the boss's trip at the end was read as every day's
    note = (
        "嗯今天去了美的厨电见了采购的罗经理还有他们老板吕总罗经理让我这个礼拜四下午三点过来"
        "开个评审会然后下礼拜一之前把报价发过去吕总下礼拜二到礼拜四去广州参加展会"
    )
    assert tasks(note) == [
        ("2027-03-11T15:00:00+08:00", "过来开个评审会"),
        ("2027-03-15", "把报价发过去"),  # (not 把报价发过去吕总: he is the next statement)
    ]
    found = parse_note(note, MONDAY_EVENING)
    assert found.company == "美的厨电"  # (去了美的厨电见了…: the place ends at the meeting)
    assert [(i.who, i.place) for i in found.itineraries] == [("吕总", "广州")]


def test_their_deadline_said_before_the_reps_part_stays_theirs() -> None:
    # 四月三十号之前完成 is their works; the rep's part (让我们…报过去) comes after 然后
    note = (
        "今天跟顺德农商行的区主任吃了饭他们柜台改造要在四月三十号之前完成"
        "然后区主任说让我们下礼拜三之前把方案报过去"
    )
    assert tasks(note) == [("2027-03-17", "把方案报过去")]


def test_a_day_something_waits_for_is_no_task() -> None:
    note = "那个今天给佛山照明的邝科长打了电话他们新厂房要到五月十号才投产然后他让我下礼拜五之前把灯具清单发给他"
    assert tasks(note) == [("2027-03-19", "把灯具清单发给他")]
    # the rep's own 要到…才 is still the rep's day
    assert [d for d, _ in tasks("我要到周三才能去拜访佛山照明的邝科长")] == ["2027-03-10"]


def test_a_note_written_after_the_day_it_tells_of() -> None:
    # 补记 on Sunday: 周五那天 is the Friday gone by, not the next one
    note = "补记一下周五那天请那个南宁第二人民医院的设备科黄科长吃饭"
    assert tasks(note, SUNDAY_NIGHT) == []
    # without 补记 a bare 周五 is still the one ahead
    assert [d for d, _ in tasks("周五请南宁第二人民医院的黄科长吃饭", SUNDAY_NIGHT)] == [
        "2027-03-12"
    ]


def test_a_title_with_a_dot_after_a_chinese_word_ends_no_clause() -> None:
    # 昨天…的Ms. Chan吃午饭 was filed as today's lunch: the dot of Ms. cut the day off
    saturday = datetime(2027, 8, 7, 11, 0, tzinfo=SH)
    lunch = parse_note("昨天跟万科的Ms. Chan吃午饭", saturday).interaction
    assert lunch is not None and lunch.when == datetime(2027, 8, 6).date()
    lunch = parse_note("尋日同香港機管局嘅Mr. Wong食晏", saturday).interaction
    assert lunch is not None and lunch.when == datetime(2027, 8, 6).date()


def test_a_numbered_thing_is_no_day() -> None:
    # 八號風球 (Hong Kong's typhoon signal No. 8) was a follow-up on the 8th
    saturday = datetime(2027, 8, 7, 11, 0, tzinfo=SH)
    assert tasks("佢話下個禮拜如果掛八號風球就停工，九龍倉個樣板間延期", saturday) == []
    assert [d for d, _ in tasks("下周三去3号码头看现场", saturday)] == ["2027-08-11"]


def company(text: str, now: datetime = MONDAY_EVENING) -> str | None:
    return parse_note(text, now).company


def test_an_english_note_names_the_company_after_the_persons_title() -> None:
    # each had no company: the person's title stood between them and "of"/"at"
    assert company("Met Mr. Su, CTO of Horizon Robotics, re: thermal pads.") == "Horizon Robotics"
    assert company("Lunch with Ms. Luo, buyer at Haidilao, re: disposable aprons.") == "Haidilao"
    assert company("Dinner with Mr. Gao, deputy GM of Shenzhen Metro, next Friday 7pm") == (
        "Shenzhen Metro"
    )
    # a department in lower case is no company
    assert company("Called Mr. Kang, head of purchasing, about the spindles today") is None


def test_an_english_note_that_opens_on_the_company() -> None:
    assert company("Visited Tongwei Solar last Tuesday, Mr. Peng liked the demo.") == (
        "Tongwei Solar"
    )
    assert company("Anhui Conch Cement: pays every 60 days, buys bricks twice a year.") == (
        "Anhui Conch Cement"
    )
    assert company("Visited the plant today, all good.") is None


def test_a_pasted_chat_captioned_with_its_customer() -> None:
    chat = "蒋总 20:41：方案看了，整体可以\n我 20:43：好的蒋总\n（万华化学 烟台）"
    assert company(chat) == "万华化学"
    chat = "【同程旅行 行政采购 卢经理】\n卢经理 18:20：方案下周给我\n我 18:22：好的"
    assert company(chat) == "同程旅行"
    chat = (
        "（和安徽海螺水泥的微信，设备处 汪处长）\n[20:31] 汪处长：报价太高了\n[20:33] 我：可以再谈"
    )
    assert company(chat) == "安徽海螺水泥"


THURSDAY_NIGHT = datetime(2027, 10, 21, 21, 40, tzinfo=SH)


def test_a_day_the_rep_turns_down_is_no_task() -> None:
    assert tasks("海信的曲经理打电话，想让我周六去青岛陪他们验厂，我说周六实在走不开，让同事小邹去。",
                 THURSDAY_NIGHT) == []  # fmt: skip
    assert tasks("電訊盈科嘅葉經理打嚟，想我禮拜六去佢哋公司開會，我話禮拜六真係唔得，叫佢另外約。",
                 THURSDAY_NIGHT) == []  # fmt: skip
    assert tasks("Mr. Soh from Sheng Siong ask me go their warehouse this Sat. I say cannot lah, "
                 "Sat got family thing.", THURSDAY_NIGHT) == []  # fmt: skip
    # someone else of the rep's side who cannot come leaves the rep's own day standing
    kept = tasks(
        "付工说9号开项目启动会，我们技术负责人来不了，我去。9号上午8点半到", THURSDAY_NIGHT
    )
    assert [d for d, _ in kept] == ["2027-11-09T08:30:00+08:00"]


def test_standing_rules_and_working_days_told_are_no_tasks() -> None:
    assert tasks("中電嘅採購部逢禮拜三先見供應商，要預約。", THURSDAY_NIGHT) == []
    assert tasks("Anhui Conch Cement: pays every 60 days, buys bricks twice a year.") == []
    assert tasks("戴经理说国庆放假，8号正常上班", datetime(2027, 9, 27, 11, 20, tzinfo=SH)) == []
    assert tasks("佢哋每年十月招標，年尾先俾錢", THURSDAY_NIGHT) == []
    assert tasks("张小姐说要等月尾的management meeting批准", THURSDAY_NIGHT) == []


def test_dates_said_the_southern_way() -> None:
    monday = datetime(2027, 8, 30, 16, 30, tzinfo=SH)
    # Last Thursday was read as the coming Thursday: a task on a job already done
    assert tasks("Last Thursday already installed the access control at Keppel, Mr. Heng "
                 "signed off.", monday) == []  # fmt: skip
    # 7.30pm (the dot Singapore writes) was read as 今晚 at 20:00
    assert [d for d, _ in tasks("Tonight 7.30pm dinner with Mr. Seah at Jumbo", monday)] == [
        "2027-08-30T19:30:00+08:00"
    ]
    # 月尾 is 月底
    assert [d for d, _ in tasks("月尾前要同太古地產對數，搵會計部嘅何小姐。", monday)] == [
        "2027-08-31"
    ]


def test_the_place_gone_to_for_a_visit_is_the_customer() -> None:
    assert company("今天去鴻準精密拜訪，跟採購部的游經理談機構件的報價") == "鸿准精密"
    assert company("今天去鸿准精密拜访了游经理") == "鸿准精密"
    assert company("明天去北京拜访王总") is None  # a city gone to is no customer


def contact_made(text: str, now: datetime = MONDAY_EVENING) -> tuple[str, str] | None:
    found = parse_note(text, now).interaction
    return None if found is None else (found.kind, found.when.isoformat()[:10])


def test_contacts_said_the_short_and_the_southern_way() -> None:
    # each was saved with no record of the contact at all
    assert contact_made("嗯刚见完那个山推的采购 呃姓钟 钟经理 他们那个液压油管要得挺急的") == (
        "visit", "2027-03-08")  # fmt: skip
    assert contact_made("访三棵树黄经理 要样板") == ("visit", "2027-03-08")
    assert contact_made("Phoned Mr. Liang of Guangzhou Metro. He says we're on the list.") == (
        "call", "2027-03-08")  # fmt: skip
    assert contact_made("今天電話中台電大潭電廠採購組的江組長說，規格書會先公告。") == (
        "call", "2027-03-08")  # fmt: skip
    assert contact_made("今朝同東亞銀行IT部嘅容總傾電話，佢話下個禮拜四開內部會。") == (
        "call", "2027-03-08")  # fmt: skip
    assert contact_made("今天 call TNB 采购部的 Mr. Yap，他讲 tender 会比较多人投。") == (
        "call", "2027-03-08")  # fmt: skip
    assert contact_made("Went Marina Bay Sands see Mr. Chia from facilities, quite keen.") == (
        "visit", "2027-03-08")  # fmt: skip
    assert contact_made("上周五在太原重工见的几个人：技术中心边主任，采购部原经理。") == (
        "visit", "2027-03-05")  # fmt: skip
    # a call still to make is none
    assert contact_made("明天 call TNB 的 Mr. Yap 问 tender") is None


def rivals(text: str) -> list[str]:
    return parse_note(text, MONDAY_EVENING).competitors


def test_rivals_named_the_ways_reps_weigh_them() -> None:
    assert rivals("他 say 要再比一比 with 利乐的 price") == ["利乐"]
    assert rivals("跟 Sunway 的 Mr. Cheah 吃 lunch，他 feedback 价钱 ok，要比较 Ascom。") == [
        "Ascom"
    ]
    assert rivals("结果：要再比一比(珠海中富报价低)") == ["珠海中富"]
    assert rivals("Very strict on audits; Gotion is our main rival there.") == ["Gotion"]
    assert rivals("Our price ok, but they also talking to Avery Dennison.") == ["Avery Dennison"]
    assert rivals("他说价格要比阳光电源的低") == ["阳光电源"]
    assert rivals("访长城汽车 雨刮 博世竞争") == ["博世"]
    # 比较 as "rather" and people all present are no rivals
    assert rivals("孙主任性格比较谨慎，话不多") == []
    assert rivals("部长白雪松和采购员小乌都在。") == []


def test_a_cards_labelled_desk_line_is_kept() -> None:
    card = "【名片】\n福建圣农发展股份有限公司\n副总经理\n傅德明\n手机 15959938210\n座机 0599-7851 0260"
    [person] = parse_note(card, MONDAY_EVENING).contacts
    assert person.phones == ["15959938210", "059978510260"]  # the desk line had been dropped
    # ten digits after 电话 with no Mainland area code's length stay unread (Malaysia's as often)
    note = "跟 Top Glove 的采购部刘淑仪通电话。她的电话 03-3362 3098"
    assert all(
        p != "0333623098" for c in parse_note(note, MONDAY_EVENING).contacts for p in c.phones
    )


def test_a_card_pasted_on_one_line_with_bars() -> None:
    # the person was "?" with the phones, the name and title lost
    card = "【名片】深圳迈瑞生物医疗电子股份有限公司 | 供应链管理部 采购总监 | 龚晓燕 | 手机 138 2365 0917"
    found = parse_note(card, MONDAY_EVENING)
    [person] = found.contacts
    assert (person.name, person.title, person.phones) == ("龚晓燕", "采购总监", ["13823650917"])
    assert found.company == "深圳迈瑞生物医疗电子股份有限公司"


def test_a_capitalised_name_that_starts_like_a_day() -> None:
    # Sun Hung Kai was read as Sunday: customer 周日 and a visit last Sunday
    note = "Met Mr. Chan of Sun Hung Kai today, he is interested in our ERP, send him the quote next Monday"
    found = parse_note(note, MONDAY_EVENING)
    assert found.company == "Sun Hung Kai"
    assert found.interaction is not None and found.interaction.when == MONDAY_EVENING.date()
    # a day said before a title, a sentence's end or a part of the day is still a day
    assert [d for d, _ in tasks("send clinical references by Fri. Tender docs mid-Sep")] == [
        "2027-03-12"
    ]


def test_a_cards_name_that_opens_with_xiao() -> None:
    # 王小明 on a typed card was 👤 ? with the phones, the title lost (found by the tryout)
    card = "四川长虹电器股份有限公司\n王小明 采购部经理\n手机:13808012345\n电话:028-85551234"
    [person] = parse_note(card, MONDAY_EVENING).contacts
    assert (person.name, person.title) == ("王小明", "采购部经理")
    assert person.phones == ["13808012345", "02885551234"]
