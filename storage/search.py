"""Search keys: a name folded, plus its pinyin and initials, so 王建国, wangjianguo and wjg
all find the same contact."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from pypinyin import Style, lazy_pinyin

from parsing.text import normalize

_NOISE = re.compile(r"[\s\W_]+", re.UNICODE)


def fold(text: str) -> str:
    """Width, case, spaces and punctuation folded: the key two spellings of a name share."""
    return _NOISE.sub("", unicodedata.normalize("NFKC", text)).casefold()


def script_fold(text: str) -> str:
    """`fold`, and Traditional characters written as Simplified: 國網 and 国网 one key, so a
    name is found in either script whichever one it was saved in."""
    return normalize(fold(text))


def words_key(text: str) -> str:
    """A rep's words as /find matches them: Traditional as Simplified, full-width as ASCII,
    lower case — one character for one, so a place found in the key is the same place in the
    words (報價 and 报价 one key; a snippet is cut from the words as typed)."""
    return normalize(text)


def pinyin_forms(text: str) -> tuple[str, str]:
    """(full pinyin, initials) of the Chinese in `text`: 王建国 → ("wangjianguo", "wjg")."""
    syllables = [s for s in lazy_pinyin(fold(text), errors="ignore") if s.isascii()]
    initials = lazy_pinyin(fold(text), style=Style.FIRST_LETTER, errors="ignore")
    return "".join(syllables), "".join(i for i in initials if i.isascii())


def search_key(*parts: str | None, extra: Iterable[str] = ()) -> str:
    """One space-separated string to match a query against with LIKE."""
    words: list[str] = []
    for part in parts:
        if not part:
            continue
        folded = fold(part)
        full, initials = pinyin_forms(part)
        words += [folded, normalize(folded), full, initials]
    words += [script_fold(value) for value in extra if value]
    return " ".join(dict.fromkeys(w for w in words if w))


def query_key(text: str) -> str:
    """The folded query in Simplified (keys hold that form of every name); Latin letters are
    matched against pinyin as typed (wjg, wang jianguo)."""
    return script_fold(text)
