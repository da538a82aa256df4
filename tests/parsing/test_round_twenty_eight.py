"""Round twenty-eight: what notes written on 2026-12-05 (styles24, and the older sets' notes)
and the round's review taught the reader. Each case failed on the parser as the session began
(7aa3cda) unless its comment says it guards."""

from __future__ import annotations

from datetime import datetime

import pytest

from parsing.notes import parse_note

NOW = datetime.fromisoformat("2026-08-18T17:30:00+08:00")


def roles(text: str, now: datetime = NOW) -> list[tuple[str | None, str | None]]:
    return [(c.salutation, c.decision_role) for c in parse_note(text, now).contacts]


@pytest.mark.parametrize(
    ("text", "said"),
    [
        # 其实是: the one named after it decides, not the one of the clause before
        (
            "漯河的卤小二食品：尚总是董事长，但只看价格；真正的决策其实是总经理芮总",
            [("尚总", None), ("芮总", "decision_maker")],
        ),
        # the last signature is the decision
        ("大竹的巴山苎麻纺织：厂长卿德明负责最终签字", [("卿厂长", "decision_maker")]),
        # who places the order buys
        (
            "长兴岛的辽海船舶舾装：下单的是供应部的温经理",
            [("温经理", "purchaser")],
        ),
    ],
)
def test_the_role_goes_to_its_person(text: str, said: list[tuple[str | None, str | None]]) -> None:
    assert roles(text) == said
