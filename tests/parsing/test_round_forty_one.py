"""Round forty-one: what notes written on 2026-12-07 (styles37, the older tuned sets' notes) and
the round's review taught the reader. Each case failed on the parser as the session began
(b3dd308) unless its comment says it guards."""

from __future__ import annotations

from datetime import datetime

from parsing.notes import parse_note


def at(stamp: str) -> datetime:
    return datetime.fromisoformat(stamp + ":00+08:00")


def test_a_card_registered_in_a_place_in_brackets_names_the_company_whole() -> None:
    card = (
        "Laura Chen 陈琳\nPurchasing Director\nBosch Automotive Products (Suzhou) Co., Ltd.\n"
        "M: +86 159 5012 3380"
    )
    assert parse_note(card, at("2027-09-14T08:20")).company == (
        "Bosch Automotive Products (Suzhou) Co., Ltd."
    )
    # guard: the point ending a sentence is no part of the name
    note = "Met the IT head of Straits Cold Chain Pte Ltd. They want a demo"
    assert parse_note(note, at("2027-09-14T08:20")).company == "Straits Cold Chain Pte Ltd"
    # guard: a trade in brackets is no place; the Chinese name on the line stays unread
    card = "Mr. Ho Kwok Wai 何國偉\nLi & Fung (Trading) Ltd 利豐貿易\nTel (852) 2300 2300"
    assert parse_note(card, at("2026-10-08T20:50")).company != "Fung (Trading) Ltd"


def test_a_card_pasted_as_labelled_fields_reads_as_the_card() -> None:
    card = (
        "Name: Michael Weber\nTitle: Plant Director\nCompany: Schneider Electric (China) Co., Ltd.\n"
        "Mobile: +86 138 1670 2245\nEmail: michael.weber@se.com"
    )
    note = parse_note(card, at("2026-09-23T18:30"))
    assert note.company == "Schneider Electric (China) Co., Ltd."
    assert [c.salutation for c in note.contacts] == ["Mr. Weber"]
    note = parse_note(
        "姓名：陈琳\n职务：采购总监\n公司：博世汽车部件（苏州）有限公司", at("2026-09-23T18:30")
    )
    assert note.company == "博世汽车部件(苏州)有限公司"
    assert [c.name for c in note.contacts] == ["陈琳"]
