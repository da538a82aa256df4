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
    assert people(hk) == [("黄", "黄国华", None, ["+85254329087"])]


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


def test_contacts_said_short_are_logged() -> None:
    # 已电话 (called already) and 飲咗杯嘢 (had a drink together) logged nothing
    call = read("大华 钱经理 已电话 样品周三到")
    assert call.interaction is not None and call.interaction.kind == "call"
    drink = read("同領展嘅設施經理劉生飲咗杯嘢，佢太太下個禮拜六生日")
    assert drink.interaction is not None and drink.interaction.kind == "meal"
    # 設施經理 is the facilities manager's title, not a 施经理
    assert "施经理" not in [c.salutation for c in drink.contacts]
