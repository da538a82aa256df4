"""Round twenty-five: what notes written after round twenty-four taught the reader. Most cases
failed on the parser as the session began (778880e); the rest guard what the new rules must not
break."""

from __future__ import annotations

from datetime import datetime

import pytest

from parsing.notes import parse_note

NOW = datetime.fromisoformat("2027-01-05T11:30:00+08:00")  # a Tuesday


def contact(text: str, now: datetime = NOW) -> tuple[str, str, str | None] | None:
    said = parse_note(text, now).interaction
    return None if said is None else (said.kind, said.when.isoformat(), said.summary)


@pytest.mark.parametrize(
    ("text", "read"),
    [
        # the company's own 要 (高要金利五金) says nothing of a plan: the visit took place
        (
            "12月30号去肇庆的高要金利五金见了殷总，谈门锁锌合金压铸件",
            ("visit", "2026-12-30", "门锁锌合金压铸件"),
        ),
        # 催 names what was chased
        (
            "今天去大庆的龙凤石化找扈经理，催去年那笔二十六万的尾款，扈经理说五月底前一定付",
            ("visit", "2027-01-05", "去年那笔二十六万的尾款"),
        ),
    ],
)
def test_what_a_contact_was_about(text: str, read: tuple[str, str, str | None]) -> None:
    assert contact(text) == read


@pytest.mark.parametrize(
    "text",
    [
        "今天去中石化仪征化纤，催化剂的事聊了聊",  # 催化剂 is a thing, not a chase
        "今天给林经理打了电话，催财务赶紧付款",  # who was chased, not what
    ],
)
def test_what_is_no_chase(text: str) -> None:
    said = contact(text)
    assert said is not None and said[2] not in ("化剂的事聊了聊", "财务赶紧付款")
