"""Typed values every form reads the same way: a phone number, and the words that clear a field.
(An amount typed alone is parsing/amounts.py.)

A phone typed into a form (✏️ 修改, ✏️ 编辑资料, /contact) or found in an imported sheet is read
by the note reader's own libphonenumber reader (parsing/notes/_phones.py), so every format a
note accepts — 139 1234 5678, +86 139-1234-5678, (0512) 6666-8888, +852 9123 4567 — is
accepted everywhere, and a number no plan has (1381234567: ten digits) nowhere.

A number of days typed into a form (/teamsettings' ⌨️ 其他天数) is read by `read_days`: 45,
４５, 45天, 四十五, 四十五天.

A share typed into a form (✏️ 编辑资料's 我方份额) is read to a percent by `read_share`: 50%,
５０％, 50, 百分之五十, 五成, 5成, 三成半, 一半 (a trailing 吧 or 左右 is no part of it).

A job title typed into a form (✏️ 修改's 职务, ✏️ 编辑资料, /contact) is refused when it is
plainly something else — a phone, an e-mail, digits, a sentence: `not_a_title`; a name likewise
(a sentence, a date, a phone): `not_a_name`.
"""

from __future__ import annotations

import re

from parsing.notes._fold import fold
from parsing.notes._phones import find_phones
from parsing.numerals import cn_to_int
from parsing.text import normalize

# Typed instead of a value: empty the field — the word each catalog's prompt offers (无, 無,
# none) and a few others a rep may type.
CLEAR_WORDS = frozenset(
    {
        "无",
        "無",
        "没有",
        "沒有",
        "删除",
        "刪除",
        "清空",
        "-",
        "none",
        "None",
        "NONE",
        "clear",
        "Clear",
    }
)

# What a note says right before a number it means as a phone: 手机1381234567, 电话:021-…
_PHONE_WORD = re.compile(
    r"(?:手机号?码?|电话号?码?|座机|联系方式|tel|mobile|phone)\s*(?:是|为|号|:)?\s*"
    r"(?P<number>\+?[\d][\d\s-]{3,}\d)",
    re.IGNORECASE,
)


def read_phones(text: str) -> list[str]:
    """The phone numbers in `text`: Mainland ones as national digits (13912345678), the rest
    in E.164, an extension as ";ext=8012" — as a note's phones are kept."""
    # (fold reads digits said aloud, 幺三九 一二三四 五六七八, as a note's phone is read)
    folded = fold(normalize(text))
    return [found.number for found in find_phones(folded, text, [True] * len(folded))]


def unread_phones(text: str) -> list[str]:
    """Numbers `text` gives as a phone (手机1381234567) that are no valid phone number, as
    typed: the card says so instead of dropping them without a word.

    A number is judged where it stands, as the note reader read it: 手機 9123 4567 is a Hong
    Kong mobile in the note (and kept) though 9123 4567 alone reads as nothing, so a number
    the whole note gave as a phone is not said to be lost."""
    folded = normalize(text)
    kept = ["".join(ch for ch in phone if ch.isdigit()) for phone in read_phones(text)]
    unread = []
    for found in _PHONE_WORD.finditer(folded):
        number = found["number"].strip()
        digits = "".join(ch for ch in number if ch.isdigit())
        if read_phones(number) or any(phone.endswith(digits) for phone in kept):
            continue
        unread.append(number)
    return unread


# A title people say (处长, 采购部经理, 华东区销售总监) is short; more is a sentence or a paste.
TITLE_MAX = 20
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")


def not_a_title(text: str) -> bool:
    """Whether a typed job title is plainly no title: a phone number, an e-mail, digits only,
    or longer than TITLE_MAX characters."""
    compact = "".join(normalize(text).split())
    return (
        len(compact) > TITLE_MAX
        or compact.isdigit()
        or bool(_EMAIL.search(compact))
        or bool(read_phones(text))
    )


# A name people write is short: 王建国, 欧阳娜娜; a Latin one may run longer (Christopher Smith).
NAME_MAX = 10
LATIN_NAME_MAX = 40
_LATIN_NAME = re.compile(r"[A-Za-z][A-Za-z .'-]*")
# What a date says (3月5日, 10号, 农历, 生日, 明天, 下周五): a sentence, not a name.
_DATE_WORDS = re.compile(
    r"[0-9零〇一二两三四五六七八九十廿卅]+\s*[月日号年]|农历|生日|[今明后昨]天|周[一二三四五六日天]|星期"
)


def not_a_name(text: str) -> bool:
    """Whether a typed name is plainly a sentence: longer than NAME_MAX characters (a Latin
    name LATIN_NAME_MAX), or holding a date or a phone number."""
    compact = "".join(normalize(text).split())
    latin = _LATIN_NAME.fullmatch(text.strip()) is not None
    return (
        len(compact) > (LATIN_NAME_MAX if latin else NAME_MAX)
        or bool(_DATE_WORDS.search(compact))
        or bool(read_phones(text))
    )


_DAYS = re.compile(
    r"\s*([0-9零〇一二两三四五六七八九十廿卅百千]+)\s*(?:天|日|days?)?\s*", re.IGNORECASE
)


def read_days(text: str) -> int | None:
    """A number of days as typed (45, 45天, 四十五), or None when it is no number."""
    found = _DAYS.fullmatch(normalize(text))
    return cn_to_int(found.group(1)) if found else None


_NUMBER = r"[0-9零〇一二两三四五六七八九十百]+"
_SHARE_TAIL = re.compile(r"(?:吧|啊|呀|了|左右|上下)+$")
_PERCENT = re.compile(rf"(?:百分之\s*(?P<spoken>{_NUMBER})|(?P<digits>[0-9]{{1,3}})\s*%?)")
_TENTHS = re.compile(r"(?P<tenths>[0-9零一二两三四五六七八九十])\s*成(?P<half>半)?")


def read_share(text: str) -> int | None:
    """A share as a percent from 0 to 100 (一半 → 50, 五成 → 50, 三成半 → 35), or None."""
    folded = _SHARE_TAIL.sub("", normalize(text).strip()).strip()
    if folded == "一半":
        return 50
    if found := _PERCENT.fullmatch(folded):
        value = cn_to_int(found["spoken"] or found["digits"])
    elif found := _TENTHS.fullmatch(folded):
        tenths = cn_to_int(found["tenths"])
        value = None if tenths is None else tenths * 10 + (5 if found["half"] else 0)
    else:
        return None
    return value if value is not None and 0 <= value <= 100 else None
