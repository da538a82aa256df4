"""Length-preserving folding of a note: Traditional → Simplified, full-width → ASCII, emoji.

Every character maps to exactly one character, so an index found in the folded copy is the
same index in the original note, and spans from :func:`parsing.dates.find_all_when` on the
folded copy can be used as they are. ASCII case is kept (WeChat IDs and e-mails keep it).
"""

from __future__ import annotations

from parsing.hanzi import SIMPLIFIED, TRADITIONAL

__all__ = ["fold"]

# A few one-for-one typos reps make on phone keyboards (same length, so spans still hold).
_TYPOS = {
    "生曰": "生日",
    "拜方": "拜访",
    "根进": "跟进",
    "更进": "跟进",
    "报介": "报价",
    "微心": "微信",
    "电活": "电话",
    "局涨": "局长",
    "经里": "经理",
    "手几": "手机",
    "喜换": "喜欢",
}

_PUNCT = {
    "，": ",",
    "、": "、",
    "。": "。",
    "；": ";",
    "：": ":",
    "！": "!",
    "？": "?",
    "（": "(",
    "）": ")",
    "【": "(",
    "】": ")",
    "「": "(",
    "」": ")",
    "“": '"',
    "”": '"',
    "‘": "'",
    "’": "'",
    "—": "-",
    "–": "-",
    "～": "~",
    "　": " ",
    "\u00a0": " ",
    "\t": " ",
    "\r": "\n",
    "…": "。",
    "·": " ",
}


def _build() -> dict[int, int]:
    table: dict[int, int] = {}
    for trad, simp in zip(TRADITIONAL, SIMPLIFIED, strict=True):
        table[ord(trad)] = ord(simp)
    for code in range(0xFF01, 0xFF5F):  # full-width ASCII
        table[code] = code - 0xFEE0
    for src, dst in _PUNCT.items():
        table[ord(src)] = ord(dst)
    # Emoji and pictographs read as separators.
    for lo, hi in ((0x1F000, 0x1FAFF), (0x2600, 0x27BF), (0x2B00, 0x2BFF), (0x2190, 0x21FF)):
        for code in range(lo, hi + 1):
            table[code] = ord(",")
    for code in (0xFE0F, 0x200D, 0x20E3, 0x3030, 0x303D):
        table[code] = ord(" ")
    return table


_TABLE = _build()


def fold(text: str) -> str:
    """The note with Simplified characters, ASCII digits/letters and emoji as commas."""
    out = text.translate(_TABLE)
    for typo, right in _TYPOS.items():
        if typo in out:
            out = out.replace(typo, right)
    return out
