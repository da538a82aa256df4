"""Typed values every form reads the same way: a phone number, and the words that clear a field."""

from __future__ import annotations

import re

# A mainland mobile, or a landline with its area code; not part of a longer number.
PHONE = re.compile(r"(?<!\d)(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})(?!\d)")
# Typed instead of a value: empty the field.
CLEAR_WORDS = frozenset({"无", "没有", "删除", "清空", "-"})


# An amount of money typed alone: 20万, 34.5万元, 345000, 1,200,000元, ¥8000, 2.5w, 三十万.
_MONEY = re.compile(
    r"(?:人民币|RMB|rmb|¥|￥)?\s*(?P<num>[0-9][0-9,]*(?:\.[0-9]+)?|[零〇一二两三四五六七八九十百千]+)"
    r"\s*(?P<unit>亿元?|万元?|[wW]|千|[kK]|元|块)?"
)
_MONEY_SCALE = {"亿": 10**8, "万": 10**4, "w": 10**4, "千": 10**3, "k": 10**3}


def money(text: str) -> int | None:
    """The whole amount `text` says (20万 → 200000), or None when it says anything else too."""
    found = _MONEY.fullmatch(text.strip())
    if found is None:
        return None
    digits = found["num"].replace(",", "")
    value = float(digits) if digits[0].isdigit() else float(_chinese_number(digits) or 0)
    unit = (found["unit"] or "").rstrip("元").lower()
    amount = round(value * _MONEY_SCALE.get(unit, 1))
    return amount if amount > 0 else None


def _chinese_number(text: str) -> int | None:
    """三十 → 30, 一百二十 → 120, 两千五百 → 2500 (below 一万; 万 is the unit above)."""
    digits = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"〇": 0, "两": 2}
    units = {"十": 10, "百": 100, "千": 1000}
    total = current = 0
    for ch in text:
        if ch in digits:
            current = digits[ch]
        elif ch in units:
            total += (current or 1) * units[ch]
            current = 0
        else:  # pragma: no cover - the pattern lets only these through
            return None
    return total + current or None
