"""A typed amount of money (/deal's 金额, 💰 已回款's ✍️ 部分或其他日期): the whole of what was typed,
or nothing."""

import pytest

from parsing.amounts import read_amount


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("20万", 200_000),
        ("34.5万元", 345_000),
        ("345000", 345_000),
        ("1,200,000元", 1_200_000),
        ("¥8000", 8_000),
        ("2.5w", 25_000),
        ("三十万", 300_000),
        ("一百二十万", 1_200_000),
        ("一百万", 1_000_000),
        ("两千五百块", 2_500),
        ("1.2亿", 120_000_000),
        (" 8k ", 8_000),
    ],
)
def test_amounts_typed_the_chinese_way(text: str, amount: int) -> None:
    found = read_amount(text)
    assert found is not None and found.value == amount


@pytest.mark.parametrize("text", ["", "0", "收到一部分", "20万 昨天", "五万八", "20%", "-5万"])
def test_anything_else_is_not_an_amount(text: str) -> None:
    assert read_amount(text) is None
