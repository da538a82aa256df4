"""Round fourteen of the note reader (2026-12-03, a new session): what an English note was
about (re: turbine spare parts, talked ETC gantry maintenance) is its headline, and a project
put on hold is where it stands."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from parsing.notes import parse_note

SH = ZoneInfo("Asia/Shanghai")
FRIDAY = datetime(2026, 3, 6, 18, 20, tzinfo=SH)


def headline(text: str) -> tuple[str | None, str | None]:
    found = parse_note(text, FRIDAY).interaction
    assert found is not None, text
    return found.summary, found.outcome


def test_what_an_english_note_was_about_is_its_headline() -> None:
    # each had no headline, or took a word of the next step for one (a quote, PO)
    assert headline("Visited 上海电气 today, met 蒋总 re: turbine spare parts.")[0] == (
        "turbine spare parts"
    )
    assert headline("Lunch today with 滕处 from 江苏省交通厅 — talked ETC gantry maintenance.")[
        0
    ] == ("ETC gantry maintenance")
    assert headline(
        "Lunch with 王总 of 远洋物流 re cold chain tracking, he's the decision maker. "
        "Budget approved, PO expected by month end."
    )[0] == ("cold chain tracking")
    assert headline("Spoke with 马处 on the phone re: the smart meter pilot.")[0] == (
        "smart meter pilot"
    )
    # Chinese after re, and never the "re" of we're
    assert headline("Visited 施耐德 today re 配电柜, 见了procurement的Grace Zhou")[0] == "配电柜"
    summary, _ = headline("Met 刘总 of 万科 today about 物业系统, we're sending the quote.")
    assert "sending" not in (summary or "")


def test_a_project_on_hold_is_where_it_stands() -> None:
    _, outcome = headline(
        "Call w/ 王院长 (苏州大学附属第一医院), smart ward project on hold till next year."
    )
    assert outcome == "on hold till next year"
