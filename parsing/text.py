"""Length-preserving text normalization for the parsers.

Reps type on phones: full-width digits (３月５日), full-width punctuation, Traditional
characters (農曆, 下週三, 3點), stray capital letters. :func:`normalize` folds all of
these with one ``str.translate`` table that maps each character to exactly one character,
so an index into the normalized text is the same index into the original: spans found on
the normalized copy can be handed back to callers unchanged.

The Traditional → Simplified table is parsing/hanzi.py, shared with the note parser.
"""

from __future__ import annotations

import unicodedata

from parsing.hanzi import SIMPLIFIED, TRADITIONAL

__all__ = ["has_cjk", "holds_no_words", "normalize", "without_nul"]

# Traditional → Simplified, one character to one character: the shared table.
_TRAD, _SIMP = TRADITIONAL, SIMPLIFIED

_FULL_PUNCT = {
    "：": ":",
    "－": "-",
    "—": "-",
    "–": "-",
    "―": "-",
    "～": "~",
    "〜": "~",
    "∼": "~",
    "／": "/",
    "．": ".",
    "，": ",",
    "　": " ",
    "（": "(",
    "）": ")",
    "％": "%",
    "￥": "¥",
    "＄": "$",
    "＋": "+",
    "＊": "*",
    "\u00a0": " ",
    "\t": " ",
}


def _build_table() -> dict[int, int]:
    if len(_TRAD) != len(_SIMP):  # pragma: no cover - guarded at import
        raise RuntimeError("Traditional/Simplified tables differ in length")
    table: dict[int, int] = {}
    for trad, simp in zip(_TRAD, _SIMP, strict=True):
        if trad != simp:
            table[ord(trad)] = ord(simp)
    # Full-width ASCII block: ！ … ～ → ! … ~ ; letters folded to lower case.
    for code in range(0xFF01, 0xFF5F):
        table[code] = code - 0xFEE0
    for code in range(ord("A"), ord("Z") + 1):
        table[code] = code + 32
    for code in range(0xFF21, 0xFF3B):  # Ａ … Ｚ
        table[code] = code - 0xFEE0 + 32
    for src, dst in _FULL_PUNCT.items():
        table[ord(src)] = ord(dst)
    return table


_TABLE = _build_table()


def normalize(text: str) -> str:
    """Fold Traditional characters, full-width forms and ASCII case; keeps ``len(text)``."""
    return text.translate(_TABLE)


def has_cjk(text: str) -> bool:
    """True when ``text`` holds at least one CJK ideograph (or a CJK date sign like 〇)."""
    for ch in text:
        code = ord(ch)
        if 0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF or code == 0x3007:
            return True
        if 0xF900 <= code <= 0xFAFF or 0x20000 <= code <= 0x2FA1F:
            return True
    return False


def without_nul(text: str) -> str:
    """`text` without U+0000: it means nothing to a reader, and PostgreSQL's text refuses it."""
    return text.replace("\x00", "")


def holds_no_words(text: str) -> bool:
    """Nothing a note could say: only emoji, punctuation and spaces, or a number of one or two
    digits (5, 8 — a button's number typed where there is no button), 😀😀😀, "?!"."""
    # letters and digits stay; punctuation, symbols (emoji), spaces, controls and marks
    # (the emoji's variation selectors, the keycap of 5️⃣) go
    kept = "".join(ch for ch in normalize(text) if unicodedata.category(ch)[0] not in "PSZCM")
    return not kept or (kept.isascii() and kept.isdigit() and len(kept) <= 2)
