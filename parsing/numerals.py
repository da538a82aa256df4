"""Chinese numerals as reps type them in dates and times.

Covers 〇/零 … 九, 十, 两, 廿 (20), 卅 (30), 百, ASCII digits and mixtures such as 十2
("12") or 二〇二五 (read digit by digit, as years are written). Nothing here knows about
dates; callers decide which range of values makes sense.
"""

from __future__ import annotations

__all__ = ["CN_DIGITS", "NUMERAL_CHARS", "cn_digits_to_int", "cn_to_int"]

#: Single Chinese digits (两 is the colloquial 2).
CN_DIGITS: dict[str, int] = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}

#: Every character that may appear inside a numeral understood by :func:`cn_to_int`.
NUMERAL_CHARS = frozenset("0123456789零〇一二两三四五六七八九十廿卅百千")

_TENS_PREFIX = {"廿": 20, "卅": 30}


def _digit(ch: str) -> int | None:
    if "0" <= ch <= "9":
        return ord(ch) - 48
    return CN_DIGITS.get(ch)


def cn_digits_to_int(text: str) -> int | None:
    """Read ``text`` digit by digit (二〇二五 → 2025, 85 → 85); None if any char is not a digit."""
    if not text:
        return None
    value = 0
    for ch in text:
        d = _digit(ch)
        if d is None or ch == "两":
            return None
        value = value * 10 + d
    return value


def _below_hundred(text: str) -> int | None:
    if not text:
        return None
    first = text[0]
    if first in _TENS_PREFIX:
        rest = text[1:]
        if not rest:
            return _TENS_PREFIX[first]
        if len(rest) != 1:
            return None
        d = _digit(rest)
        return None if d is None or d == 0 else _TENS_PREFIX[first] + d
    if "十" in text:
        head, _, tail = text.partition("十")
        if "十" in tail or len(head) > 1 or len(tail) > 1:
            return None
        tens = 1 if not head else _digit(head)
        if tens is None or tens == 0:
            return None
        if not tail:
            return tens * 10
        units = _digit(tail)
        return None if units is None else tens * 10 + units
    # No unit character: a single digit, or a digit string read digit by digit.
    if len(text) == 1:
        return _digit(text)
    if all("0" <= ch <= "9" for ch in text):
        return int(text)
    if "两" in text:
        return None
    return cn_digits_to_int(text)


def cn_to_int(text: str) -> int | None:
    """Value of a numeral such as 3, 03, 十二, 二十三, 廿三, 卅, 两, 十2, 一百二十, 二〇二五,
    两千五 (2500), 三千零八 (3008) — below 一万; 万 and 亿 are the caller's units.

    A run of bare digits is read digit by digit (二〇二五 → 2025, 一二三 → 123); callers that
    want only canonical numerals check for a unit character. Returns None when ``text`` is
    not a numeral at all (十十, 两两, empty).
    """
    if not text:
        return None
    if text.isascii():
        return int(text) if text.isdigit() else None
    if "千" in text:
        head, _, tail = text.partition("千")
        thousands = 1 if not head else _digit(head) if len(head) == 1 else None
        if not thousands:
            return None
        if not tail:
            return thousands * 1000
        if tail[0] in "零〇":
            rest = cn_to_int(tail[1:])
            return None if rest is None or rest >= 100 else thousands * 1000 + rest
        if len(tail) == 1:  # 两千五 = 2500
            d = _digit(tail)
            return None if d is None else thousands * 1000 + d * 100
        rest = cn_to_int(tail)
        return None if rest is None or not 100 <= rest < 1000 else thousands * 1000 + rest
    if "百" in text:
        head, _, tail = text.partition("百")
        hundreds = 1 if not head else _digit(head) if len(head) == 1 else None
        if hundreds is None or hundreds == 0:
            return None
        if not tail:
            return hundreds * 100
        if tail[0] in "零〇":
            tail = tail[1:]
            rest = _digit(tail) if len(tail) == 1 else None
        elif len(tail) == 1:  # 一百二 = 120
            d = _digit(tail)
            rest = None if d is None else d * 10
        else:
            rest = _below_hundred(tail)
        return None if rest is None else hundreds * 100 + rest
    return _below_hundred(text)
