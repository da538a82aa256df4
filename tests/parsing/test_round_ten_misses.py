"""Round ten's known misses: sentence in, facts out — a title and a name parted by
a space, an hour in Chinese numerals answered in a chat, a floor after an hour, a deadline hour
gone by when written in the evening, and a pasted card's title on the line under the name.
Beside each, sentences that must read as before."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from parsing.cards import CardLine, read_card
from parsing.notes import ContactFact, FollowUpFact, parse_note

SH = ZoneInfo("Asia/Shanghai")
MON = datetime(2026, 11, 23, 10, 0, tzinfo=SH)  # a Monday morning
EVENING = datetime(2026, 11, 23, 18, 0, tzinfo=SH)


def tasks(text: str, now: datetime = MON) -> list[FollowUpFact]:
    return parse_note(text, now).follow_ups


def people(text: str, now: datetime = MON) -> list[ContactFact]:
    return parse_note(text, now).contacts


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=SH)


# -- 1. 拜访 华为 采购经理 王强: a phone keyboard's spaces between title and name ------------


def test_a_name_after_its_title_and_a_space_is_the_contact() -> None:
    note = parse_note("拜访 华为 采购经理 王强", MON)
    assert note.company == "华为"
    (wang,) = note.contacts
    # read as 采购经理王强 typed without spaces is read
    assert (wang.name, wang.surname, wang.title, wang.salutation) == (
        "王强",
        "王",
        "采购经理",
        "王经理",
    )
    assert not wang.is_key_leader
    (same,) = people("拜访华为采购经理王强")
    assert (same.name, same.title, same.salutation) == ("王强", "采购经理", "王经理")


def test_a_spaced_title_and_name_after_a_company_glued_to_the_title() -> None:
    note = parse_note("拜访华为采购经理 王强", MON)
    assert note.company == "华为"
    assert [(c.name, c.title) for c in note.contacts] == [("王强", "采购经理")]


def test_what_follows_a_title_and_a_space_is_no_name_when_it_is_a_word_or_a_day() -> None:
    # 采购经理 周五 … : a day; 总经理 高兴地说: a word that starts with a surname
    note = parse_note("拜访 华为 采购经理 周五再联系", MON)
    assert [c.name for c in note.contacts if c.name] == []
    note = parse_note("见了华为的总经理 高兴地说方案可以", MON)
    assert [c.name for c in note.contacts if c.name] == []
    # a name before the title is still the one the title belongs to
    (li,) = people("拜访了李明采购经理 周五再联系")
    assert (li.name, li.title) == ("李明", "采购经理")


# -- 2. 十点吧: an hour in Chinese numerals answered in a chat ---------------------------


CHAT = "陈行长 10:02\n明天几点方便\n我 10:05\n{}"


def test_an_hour_in_chinese_numerals_with_ba_is_read_as_its_digits_are() -> None:
    (digits,) = tasks(CHAT.format("10点吧"))
    (words,) = tasks(CHAT.format("十点吧"))
    assert digits.due == words.due == at(24, 10)
    # two lines, no stamps: the hour answering the day asked about, in words as in digits
    (digits,) = tasks("张总: 明天几点方便\n我: 10点吧")
    (words,) = tasks("张总: 明天几点方便\n我: 十点吧")
    assert digits.due == words.due == at(24, 10)


def test_yi_dian_ba_is_a_little_not_one_oclock() -> None:
    # 再优惠一点吧, 便宜一点吧: "a bit", never 13:00 (明天 alone stays the day it is)
    assert [t.due for t in tasks(CHAT.format("价格再优惠一点吧"))] == [date(2026, 11, 24)]
    assert [t.due for t in tasks("张总说价格再便宜一点吧 明天再谈")] == [date(2026, 11, 24)]
    # an hour in words inside a sentence is no task of its own (讲两点: two points)
    assert tasks("王局长讲两点吧，先把方案做扎实") == []


# -- 3. 10点三楼会议室: a floor is no minute ------------------------------------------------


def test_a_floor_after_an_hour_is_no_minute() -> None:
    (words,) = tasks("明天上午10点三楼会议室见")
    assert words.due == at(24, 10)
    assert "三楼会议室" in words.action
    (digits,) = tasks("明天上午10点3楼会议室见")
    assert digits.due == at(24, 10)
    (room,) = tasks("明天十点五号楼门口见")
    assert room.due == at(24, 10)


def test_minutes_still_read_after_an_hour() -> None:
    assert [t.due for t in tasks("明天10点3刻去万科")] == [at(24, 10, 45)]
    assert [t.due for t in tasks("明天十点三刻去万科")] == [at(24, 10, 45)]
    assert [t.due for t in tasks("明天10点零五去万科")] == [at(24, 10, 5)]
    assert [t.due for t in tasks("明天十点三十去万科")] == [at(24, 10, 30)]
    assert [t.due for t in tasks("明天十点五分在三楼会议室见")] == [at(24, 10, 5)]
    # a day of the month told for a day (明天就是五号了) is still no task
    assert tasks("明天就是五号了") == []


# -- 4. 提醒我9点前…: a deadline hour gone by, written in the evening ----------------------


def test_a_deadline_hour_gone_by_written_in_the_evening_is_tomorrows() -> None:
    (task,) = tasks("提醒我9点前把报价发过去", EVENING)
    assert task.due == at(24, 9)
    assert task.action == "把报价发过去"
    (late,) = tasks("9点前把报价发给王总", datetime(2026, 11, 23, 21, 30, tzinfo=SH))
    assert late.due == at(24, 9)


def test_a_deadline_said_for_today_or_just_gone_stays_today() -> None:
    # 今天9点前: the day is said, it stays today's (overdue)
    (today,) = tasks("提醒我今天9点前把报价发过去", EVENING)
    assert today.due == at(23, 9)
    # written in the morning before nine: today's nine
    (ahead,) = tasks("提醒我9点前把报价发过去", datetime(2026, 11, 23, 7, 0, tzinfo=SH))
    assert ahead.due == at(23, 9)
    # written at eleven, two hours late: today's, late (not the evening's rule)
    (just,) = tasks("提醒我9点前把报价发过去", datetime(2026, 11, 23, 11, 0, tzinfo=SH))
    assert just.due == at(23, 9)
    # an hour alone, not a deadline, keeps its own rule: 8点 at six in the evening is 20:00
    (hour,) = tasks("提醒我8点给王总打电话", EVENING)
    assert hour.due == at(23, 20)


# -- 5. a card's title on the line under the name ------------------------------------------


CARD = "华东电力设计院有限公司\n李明\n{}\n手机:138 1234 5678"


def test_a_pasted_cards_deputy_title_under_the_name_is_kept_whole() -> None:
    (li,) = people(CARD.format("采购部 副部长"))
    assert (li.name, li.title, li.salutation) == ("李明", "副部长", "李部长")
    assert not li.is_key_leader  # 部长 is a department's head: no key leader (the word list)
    (zhang,) = people(CARD.format("副总经理").replace("李明", "张伟"))
    assert (zhang.name, zhang.title, zhang.salutation) == ("张伟", "副总经理", "张总")
    assert zhang.is_key_leader
    (chen,) = people(CARD.format("副院长").replace("李明", "陈立峰"))
    assert (chen.title, chen.salutation) == ("副院长", "陈院长")
    # (the company's line above, 设计院, holds no title of his: 院 is no 院长)
    (wang,) = people(CARD.format("院长").replace("李明", "王建国"))
    assert (wang.title, wang.salutation) == ("院长", "王院长")


def test_a_pasted_cards_title_beside_the_name_reads_as_before() -> None:
    (li,) = people("华东电力设计院有限公司\n李明 副部长\n采购部\n手机:138 1234 5678")
    assert (li.title, li.salutation) == ("副部长", "李部长")
    (chen,) = people("华东电力设计院有限公司\n副院长\n陈立峰\n手机:138 1234 5678")
    assert (chen.title, chen.salutation, chen.is_key_leader) == ("副院长", "陈院长", True)
    (head,) = people("华东电力设计院\n信息中心 主任\n陈立峰\n手机:138 1234 5678")
    assert (head.title, head.salutation) == ("主任", "陈主任")
    (bare,) = people("国网苏州供电公司\n陈立峰\n手机:138 1234 5678")
    assert (bare.name, bare.title) == ("陈立峰", None)


def test_a_photographed_cards_deputy_title_keeps_its_department_and_drops_fu_when_spoken() -> None:
    lines = ["华东电力设计院有限公司", "李明", "采购部 副部长", "手机:138 1234 5678"]
    card = read_card([CardLine(t, 60, 60 + 60 * i, 400, 100 + 60 * i) for i, t in enumerate(lines)])
    assert (card.name, card.title, card.salutation) == ("李明", "采购部副部长", "李部长")
