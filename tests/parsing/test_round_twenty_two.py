"""Round twenty-two: what notes written after round twenty-one taught the reader. Most cases
failed on the parser as the session began (1971a2b); the rest guard what the new rules must not
break."""

from __future__ import annotations

from datetime import datetime

import pytest

from parsing.notes import parse_note

NOW = datetime.fromisoformat("2027-05-12T18:00:00+08:00")  # a Wednesday


@pytest.mark.parametrize(
    ("text", "company"),
    [
        # the place said first, then 的, then the company's name
        ("上周五去了台州路桥的恒昌塑业，跟邝总谈了谈注塑机", "恒昌塑业"),
        ("今天去了海拉尔的蒙源肉业，见了生产副总那总", "蒙源肉业"),
        ("下下周一上午去蚌埠的淮河玻璃找董总签第二批的合同", "淮河玻璃"),
        ("明晚八点给鞍山立山的辽鞍耐火材料的司总回个电话", "辽鞍耐火材料"),
        # a port's name, then the company in it
        ("周四上午给钦州港的北部湾油脂的伍经理送两箱样品过去", "北部湾油脂"),
        # a place with a brand and a trade stays whole
        ("今天去了温岭东浦泵业，跟采购谈了", "温岭东浦泵业"),
    ],
)
def test_the_company_after_the_place_it_is_in(text: str, company: str) -> None:
    assert parse_note(text, NOW).company == company


@pytest.mark.parametrize(
    "text",
    [
        # goods from a place, no company
        "他们现在用的是温州的低压电机，价格便宜",
        "聊了聊宁波的模具行情",
    ],
)
def test_goods_from_a_place_are_no_company(text: str) -> None:
    assert parse_note(text, NOW).company is None
