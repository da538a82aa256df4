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

__all__ = ["as_typed", "has_cjk", "holds_no_words", "normalize", "simplified", "without_nul"]

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
# Traditional → Simplified alone: nothing else of the text changes.
_SCRIPT = {ord(t): ord(s) for t, s in zip(_TRAD, _SIMP, strict=True) if t != s}


def _one_traditional() -> dict[str, str]:
    """Simplified → Traditional where the table knows one Traditional form only (谈 → 談; not
    发, which is 發 or 髮)."""
    forms: dict[str, list[str]] = {}
    for t, s in _SCRIPT.items():
        forms.setdefault(chr(s), []).append(chr(t))
    return {s: ts[0] for s, ts in forms.items() if len(ts) == 1}


_ONE_TRADITIONAL = _one_traditional()


def normalize(text: str) -> str:
    """Fold Traditional characters, full-width forms and ASCII case; keeps ``len(text)``."""
    return text.translate(_TABLE)


def simplified(text: str) -> str:
    """`text` with its Traditional characters written as Simplified; keeps ``len(text)``."""
    return text.translate(_SCRIPT)


def as_typed(value: str, text: str) -> str:
    """`value`, a name a reader of `text` returned in Simplified (中华电力, 陈经理), in the script
    `text` wrote it (中華電力, 陳經理).

    Folding is one character for one, so where `value` is a slice of the text, each character
    is the one typed at that place — unless the reader put it right (a typo, a Cantonese word:
    then its own). A name the reader built (王局长 from 王建國局長) takes each character as the
    text writes it, when the text writes it one way only."""
    if not value:
        return value
    folded = simplified(text)
    # A Traditional note: a character the reader wrote itself (傾 read as 谈) is given in
    # Traditional too where that has one form (談), so a task does not read 谈報價.
    own = _ONE_TRADITIONAL if folded != text else {}
    at = folded.find(value)
    if at >= 0:
        typed = text[at : at + len(value)]
        return "".join(
            t if simplified(t) == v else own.get(v, v) for t, v in zip(typed, value, strict=True)
        )
    forms: dict[str, set[str]] = {}
    for ch in text:
        forms.setdefault(simplified(ch), set()).add(ch)
    return "".join(
        next(iter(forms[v])) if len(forms.get(v, ())) == 1 else own.get(v, v) for v in value
    )


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
