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
